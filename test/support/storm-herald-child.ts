import { loadFixtureStories, loadSourceStories, makeTopicQueries, syntheticArticles } from '../../bench/synthetic-articles.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { createDiscordBot } from '../../src/discord/discord-bot.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';
import { startHeraldApp, type HeraldApp } from '../../src/herald-app.ts';
import { createLogger } from '../../src/logger.ts';
import { liveMemory } from './live-memory.ts';

/**
 * Herald for the interaction storm, in a process of its own (started by test/support/interaction-storm.ts), as
 * it runs beside a remote Discord: the real discord.js client and app over the in-memory store, filled here from
 * the synthetic articles' generator (reading them through a store file would take longer than the storm), then
 * logged in to the loopback Discord the parent runs. It tells the parent, over IPC, the queries readers type
 * and how long each step of its preparation took, and its memory when asked.
 */
export interface StormChildReady {
  type: 'ready';
  queries: string[];
  preparedMs: { stories: number; fill: number; trending: number };
}

export interface StormChildMemory {
  type: 'memory';
  heapUsedMb: number;
  /** Typed arrays' memory, outside the heap: the search index's postings. */
  arrayBuffersMb: number;
  rssMb: number;
}

const env = process.env;
const ARTICLE_SEED = 20_240_901;
const QUERY_SEED = 7;

const mb = (bytes: number): number => Math.round(bytes / 1_048_576);

async function main(): Promise<void> {
  const took = { stories: 0, fill: 0, trending: 0 };
  let started = performance.now();
  const stories = env.STORM_FIXTURE_STORIES ? loadFixtureStories() : loadSourceStories();
  took.stories = performance.now() - started;
  const loaded = await loadConfig({ HERALD_STORE: 'memory:' });
  const silent = createLogger({ HERALD_LOG_LEVEL: process.env.STORM_LOG ?? 'silent' });
  let app: HeraldApp | undefined;
  const bot = createDiscordBot({ apiBase: env.STORM_API_BASE!, commands: await loadCommands(), services: () => app!.services, logger: silent });
  app = await startHeraldApp({ config: { ...loaded, sources: [env.STORM_SITES!], ingest: { ...loaded.ingest, seedFirstPoll: false } }, env: {}, logger: silent, poster: bot.poster, contact: bot.contact });
  started = performance.now();
  // The catalog reads the store on its first question; asked first, it then indexes each article once, as it is added.
  await app.newsroom.count();
  for (const article of syntheticArticles(Number(env.STORM_ARTICLES), ARTICLE_SEED, { sourceFolder: env.STORM_SITES!, endingAt: new Date(), inArrivalOrder: true, stories })) await app.engine.articles.add(article);
  took.fill = performance.now() - started;
  started = performance.now();
  await app.services.trendingTopics();
  took.trending = performance.now() - started;
  await bot.login(env.STORM_TOKEN!);
  const ready: StormChildReady = { type: 'ready', queries: makeTopicQueries(1_000, QUERY_SEED, stories), preparedMs: took };
  process.send!(ready);
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'memory') return;
    const { heapUsed, arrayBuffers } = liveMemory();
    process.send!({ type: 'memory', heapUsedMb: mb(heapUsed), arrayBuffersMb: mb(arrayBuffers), rssMb: mb(process.memoryUsage().rss) } satisfies StormChildMemory);
  });
  process.on('disconnect', () => {
    void bot.stop().then(() => app!.stop()).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`storm herald: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
