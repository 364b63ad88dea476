import type { Logger } from '../logger.ts';
import type { Runtime } from '../runtime.ts';
import { Newsroom } from './newsroom.ts';
import { createSummarizer } from './summarize/create-summarizer.ts';

const DAY_MS = 86_400_000;

/** A newsroom over everything the runtime's store keeps, with the summarizer the config and environment choose. */
export async function openNewsroom(runtime: Runtime, options: { env: NodeJS.ProcessEnv; now: () => Date; logger?: Logger }): Promise<Newsroom> {
  const summarizer = createSummarizer(runtime.config, options.env, {
    store: runtime.store,
    now: () => options.now().getTime(),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const newsroom = new Newsroom({ summarizer, now: options.now, retentionMs: runtime.config.retentionDays * DAY_MS });
  for await (const article of runtime.articles.list()) newsroom.add(article);
  return newsroom;
}
