import type { Logger } from '../logger.ts';
import type { Runtime } from '../runtime.ts';
import { openMeanings } from './embed/open-meanings.ts';
import { Newsroom } from './newsroom.ts';
import { createCallBudget } from './summarize/call-budget.ts';
import { summarizerFor } from './summarize/create-summarizer.ts';
import { openAiClient } from './openai-client.ts';

/**
 * A newsroom over everything the runtime's store keeps, with the summarizer the config and environment choose, and
 * the same model, when there is one, writing answers to questions.
 */
export async function openNewsroom(runtime: Runtime, options: { env: NodeJS.ProcessEnv; now: () => Date; logger?: Logger }): Promise<Newsroom> {
  const { llm } = runtime.config.summarizer;
  const now = () => options.now().getTime();
  const logger = options.logger ? { logger: options.logger } : {};
  const client = await openAiClient(options.env, { timeoutMs: llm.timeoutMs });
  // One hourly cap for summaries and answers alike: it protects the model's server as much as the bill.
  const budget = createCallBudget(llm.maxCallsPerHour, now);
  const summarizer = await summarizerFor(runtime.config, client, { cache: runtime.engine.summaries, budget, now, ...logger });
  const meanings = await openMeanings(runtime.config, options.env, { store: runtime.engine.embeddings, now, ...logger });
  const base = { catalog: runtime.engine.catalog, summarizer, now: options.now, ...(meanings ? { meanings } : {}) };
  if (!client) return new Newsroom(base);
  // Loaded only with a model, as the LLM summarizer is: it brings the OpenAI SDK with it.
  const { createLlmAnswerWriter } = await import('./answer/llm-answer-writer.ts');
  return new Newsroom({ ...base, answerWriter: createLlmAnswerWriter({ client, ...llm, budget, now, ...logger }) });
}
