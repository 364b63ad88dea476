import type OpenAI from 'openai';
import type { HeraldConfig } from '../../config/load-config.ts';
import type { Logger } from '../../logger.ts';
import { openAiClient } from '../openai-client.ts';
import type { Summarizer } from '../summarizer.ts';
import type { CallBudget } from './call-budget.ts';
import { createExtractiveSummarizer } from './extractive-summarizer.ts';
import { createMemorySummaryCache, type SummaryCache } from './summary-cache.ts';

export interface SummarizerDependencies {
  /** Keeps model summaries across runs; without it they last as long as the process. */
  cache?: SummaryCache;
  /** The hourly cap on model calls, when something else spends it too; a cap of the summarizer's own otherwise. */
  budget?: CallBudget;
  logger?: Logger;
  now?: () => number;
}

/** The extractive summarizer, or a model in front of it when the environment configures one (see openAiClient). */
export async function createSummarizer(config: HeraldConfig, env: NodeJS.ProcessEnv, deps: SummarizerDependencies = {}): Promise<Summarizer> {
  return summarizerFor(config, await openAiClient(env, { timeoutMs: config.summarizer.llm.timeoutMs }), deps);
}

/** The extractive summarizer, or `client`'s model in front of it. */
export async function summarizerFor(config: HeraldConfig, client: OpenAI | undefined, deps: SummarizerDependencies = {}): Promise<Summarizer> {
  const { maxChars, maxSentences, llm } = config.summarizer;
  const extractive = createExtractiveSummarizer({ maxChars, maxSentences });
  if (!client) return extractive;
  const { createLlmSummarizer } = await import('./llm-summarizer.ts');
  return createLlmSummarizer({
    client,
    ...llm,
    maxChars,
    maxSentences,
    cache: deps.cache ?? createMemorySummaryCache(),
    fallback: extractive,
    ...(deps.budget ? { budget: deps.budget } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
}
