import type { HeraldConfig } from '../../config/load-config.ts';
import { InputError } from '../../input-error.ts';
import type { Logger } from '../../logger.ts';
import type { Summarizer } from '../summarizer.ts';
import { createExtractiveSummarizer } from './extractive-summarizer.ts';
import { createMemorySummaryCache, type SummaryCache } from './summary-cache.ts';

const OPENAI_API = 'https://api.openai.com/v1';

export interface SummarizerDependencies {
  /** Keeps model summaries across runs; without it they last as long as the process. */
  cache?: SummaryCache;
  logger?: Logger;
  now?: () => number;
}

/**
 * The extractive summarizer, or a model in front of it when OPENAI_API_KEY or OPENAI_BASE_URL is set.
 * A base URL alone is enough because local servers (Ollama, llama.cpp, vLLM, LM Studio) need no key. The
 * model's client is loaded only then: the SDK is a large module that a gateway without a model would load
 * for nothing on every start.
 */
export async function createSummarizer(config: HeraldConfig, env: NodeJS.ProcessEnv, deps: SummarizerDependencies = {}): Promise<Summarizer> {
  const { maxChars, maxSentences, llm } = config.summarizer;
  const extractive = createExtractiveSummarizer({ maxChars, maxSentences });
  const apiKey = env.OPENAI_API_KEY?.trim();
  const baseURL = env.OPENAI_BASE_URL?.trim();
  if (!apiKey && !baseURL) return extractive;
  if (baseURL && !/^https?:$/.test(URL.canParse(baseURL) ? new URL(baseURL).protocol : '')) {
    throw new InputError('OPENAI_BASE_URL must be an http:// or https:// URL, such as http://localhost:11434/v1');
  }
  const [{ default: OpenAI }, { createLlmSummarizer }] = await Promise.all([import('openai'), import('./llm-summarizer.ts')]);
  // Every setting is passed explicitly, so the SDK never reads process.env behind the env this was given.
  const client = new OpenAI({
    apiKey: apiKey || 'no-key',
    baseURL: baseURL || OPENAI_API,
    organization: env.OPENAI_ORG_ID?.trim() || null,
    project: env.OPENAI_PROJECT_ID?.trim() || null,
    timeout: llm.timeoutMs,
    maxRetries: 0,
  });
  return createLlmSummarizer({
    client,
    ...llm,
    maxChars,
    maxSentences,
    cache: deps.cache ?? createMemorySummaryCache(),
    fallback: extractive,
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
}
