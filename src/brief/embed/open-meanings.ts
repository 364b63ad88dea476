import type { HeraldConfig } from '../../config/load-config.ts';
import { InputError } from '../../input-error.ts';
import type { Logger } from '../../logger.ts';
import { openAiClient } from '../openai-client.ts';
import { createCallBudget } from '../summarize/call-budget.ts';
import { createMeanings, type Meanings } from './article-meanings.ts';
import type { EmbeddingStore } from './embedding-store.ts';

/**
 * Embeddings when the config or OPENAI_EMBEDDINGS_MODEL names a model, from the OpenAI-compatible server the
 * summarizer's environment points at; none otherwise, and Herald compares articles by their words alone.
 */
export async function openMeanings(config: HeraldConfig, env: NodeJS.ProcessEnv, deps: { store: EmbeddingStore; now: () => number; logger?: Logger }): Promise<Meanings | undefined> {
  const { model, batchSize, maxCallsPerHour, timeoutMs } = config.embeddings;
  if (!model) return undefined;
  const client = await openAiClient(env, { timeoutMs });
  if (!client) throw new InputError('OPENAI_EMBEDDINGS_MODEL needs a server: set OPENAI_BASE_URL (or OPENAI_API_KEY for OpenAI itself)');
  return createMeanings({
    model,
    batchSize,
    store: deps.store,
    budget: createCallBudget(maxCallsPerHour, deps.now),
    ...(deps.logger ? { logger: deps.logger } : {}),
    async embed(texts) {
      const answer = await client.embeddings.create({ model, input: texts, encoding_format: 'float' });
      // Servers may answer out of order; each embedding names the input it belongs to.
      return [...answer.data].sort((a, b) => a.index - b.index).map((item) => item.embedding);
    },
  });
}
