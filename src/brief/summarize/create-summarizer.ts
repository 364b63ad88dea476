import type { HeraldConfig } from '../../config/load-config.ts';
import type { Logger } from '../../logger.ts';
import { openAiClient } from '../openai-client.ts';
import type { Summarizer } from '../summarizer.ts';
import { createExtractiveSummarizer } from './extractive-summarizer.ts';
import { createMemorySummaryCache, type SummaryCache } from './summary-cache.ts';

export interface SummarizerDependencies {
  /** Keeps model summaries across runs; without it they last as long as the process. */
  cache?: SummaryCache;
  logger?: Logger;
  now?: () => number;
}

/** The extractive summarizer, or a model in front of it when the environment configures one (see openAiClient). */
export async function createSummarizer(config: HeraldConfig, env: NodeJS.ProcessEnv, deps: SummarizerDependencies = {}): Promise<Summarizer> {
  const { maxChars, maxSentences, llm } = config.summarizer;
  const extractive = createExtractiveSummarizer({ maxChars, maxSentences });
  const client = await openAiClient(env, { timeoutMs: llm.timeoutMs });
  if (!client) return extractive;
  const { createLlmSummarizer } = await import('./llm-summarizer.ts');
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
