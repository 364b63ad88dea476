import type { Logger } from '../logger.ts';
import type { Runtime } from '../runtime.ts';
import { openMeanings } from './embed/open-meanings.ts';
import { Newsroom } from './newsroom.ts';
import { createSummarizer } from './summarize/create-summarizer.ts';

/** A newsroom over everything the runtime's store keeps, with the summarizer the config and environment choose. */
export async function openNewsroom(runtime: Runtime, options: { env: NodeJS.ProcessEnv; now: () => Date; logger?: Logger }): Promise<Newsroom> {
  const summarizer = await createSummarizer(runtime.config, options.env, {
    cache: runtime.engine.summaries,
    now: () => options.now().getTime(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const meanings = await openMeanings(runtime.config, options.env, {
    store: runtime.engine.embeddings,
    now: () => options.now().getTime(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return new Newsroom({ catalog: runtime.engine.catalog, summarizer, now: options.now, ...(meanings ? { meanings } : {}) });
}
