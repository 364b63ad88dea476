import cron from 'node-cron';
import { openNewsroom } from './brief/open-newsroom.ts';
import type { Newsroom } from './brief/newsroom.ts';
import type { TrendingTopic } from './brief/topics/trending-topics.ts';
import type { HeraldConfig } from './config/load-config.ts';
import { createKeyvDeliveryLog } from './deliver/delivery-log.ts';
import { createKeyvDeliveryJournal } from './deliver/delivery-journal.ts';
import { createDigestScheduler, type DigestScheduler } from './deliver/digest-scheduler.ts';
import type { Poster } from './deliver/poster.ts';
import { storyMatchesTopics } from './brief/digest/topic-filter.ts';
import { explainDelivery } from './deliver/explain-delivery.ts';
import { compileKeywords, filterText, passesKeywords } from './deliver/keyword-filter.ts';
import type { Services } from './discord/command.ts';
import { InputError } from './input-error.ts';
import { buildArticle } from './ingest/build-article.ts';
import { extractDocument } from './ingest/extract-document.ts';
import { ingestInputs, type IngestReport } from './ingest/ingest-inputs.ts';
import { readInput } from './ingest/read-input.ts';
import type { Logger } from './logger.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { createKeyvGuildSettingsRepository, type GuildSettingsRepository } from './store/guild-settings-repository.ts';

const DAY_MS = 86_400_000;
/** How often trending topics are recomputed for autocomplete, which must answer from memory. */
const TRENDING_REFRESH_MS = 60_000;
const TRENDING_FOR_AUTOCOMPLETE = 200;

type SourceHealth = { lastSuccessAt?: string; lastError?: string; lastErrorAt?: string };

function sameHost(location: string, url: string): boolean {
  try {
    return new URL(location).hostname === new URL(url).hostname;
  } catch {
    return false;
  }
}

/** Herald running: the store, the newsroom over it, every server's settings and schedules, and the ingest loop. */
export interface HeraldApp {
  services: Services;
  newsroom: Newsroom;
  guilds: GuildSettingsRepository;
  scheduler: DigestScheduler;
  /** Reads every default source and every server's sources once; resolves when done. */
  ingestAll(): Promise<IngestReport>;
  /** Finishes interrupted digests, makes up missed ones, and starts the schedules: once the poster can post. */
  startDelivery(): Promise<void>;
  stop(): Promise<void>;
}

export interface HeraldAppOptions {
  config: HeraldConfig;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  poster: Poster;
  now?: () => Date;
}

/**
 * The composition root shared by the Discord bot and the console: it opens the store, loads the newsroom,
 * starts the schedules and the ingest job, and hands command handlers their services.
 */
export async function startHeraldApp(options: HeraldAppOptions): Promise<HeraldApp> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const runtime: Runtime = await openRuntime(config);
  const newsroom = await openNewsroom(runtime, { env: options.env, now, logger });
  const guilds = createKeyvGuildSettingsRepository(runtime.store);
  const health = new Map<string, SourceHealth>();
  const deliveries = createKeyvDeliveryLog(runtime.store, config.retentionDays * DAY_MS);
  const scheduler = createDigestScheduler({
    guilds,
    newsroom,
    defaultSources: config.sources,
    poster: options.poster,
    journal: createKeyvDeliveryJournal(runtime.store, config.retentionDays * DAY_MS),
    deliveries,
    logger,
    now,
    catchUpGraceMs: config.schedules.catchUpGraceMinutes * 60_000,
  });

  const ingest = async (inputs: string[]): Promise<IngestReport> => {
    const report = await ingestInputs(inputs, {
      fetcher: runtime.fetcher,
      repository: runtime.articles,
      now,
      completeSnippets: config.ingest.completeSnippets,
      concurrency: config.ingest.concurrency,
      onNew: (article) => newsroom.add(article),
    });
    const at = now().toISOString();
    for (const input of inputs) {
      const failure = report.failures.find((candidate) => candidate.input === input || candidate.input.startsWith(`${input}/`));
      const previous = health.get(input) ?? {};
      health.set(input, failure ? { ...previous, lastError: failure.reason, lastErrorAt: at } : { ...previous, lastSuccessAt: at });
    }
    return report;
  };

  const allSources = async (): Promise<string[]> => {
    const sources = new Set(config.sources);
    for await (const settings of guilds.all()) for (const source of settings.sources) sources.add(source.url);
    return [...sources];
  };

  let running: Promise<IngestReport> | undefined;
  const ingestAll = (): Promise<IngestReport> => {
    running ??= (async () => {
      const started = Date.now();
      const report = await ingest(await allSources());
      const expired = newsroom.prune();
      for (const failure of report.failures) logger.warn({ input: failure.input }, failure.reason);
      logger.info({ new: report.new, duplicate: report.duplicate, failed: report.failed, expired, articles: newsroom.size, ms: Date.now() - started }, 'ingest finished');
      return report;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  let trending: TrendingTopic[] = [];
  const refreshTrending = (): void => {
    trending = newsroom.trending({ limit: TRENDING_FOR_AUTOCOMPLETE, since: new Date(now().getTime() - 7 * DAY_MS) });
    if (trending.length === 0) trending = newsroom.trending({ limit: TRENDING_FOR_AUTOCOMPLETE });
  };
  refreshTrending();
  const trendingTimer = setInterval(refreshTrending, TRENDING_REFRESH_MS);
  trendingTimer.unref();

  const services: Services = {
    newsroom,
    guilds,
    defaultSources: config.sources,
    scheduleDefaults: config.schedules,
    async readArticle(url) {
      const extraction = extractDocument((await readInput(url, runtime.fetcher))!);
      if (extraction.format === 'feed') throw new InputError('That address is a feed, not an article; /sources add follows a feed.');
      return buildArticle(extraction.draft, { source: { kind: 'site', location: url }, fetchedAt: now() });
    },
    async addSource(url) {
      const report = await ingest([url]);
      if (report.new + report.duplicate === 0) {
        throw new InputError(report.failures[0] ? `Herald could not read that source: ${report.failures[0].reason}` : 'Herald found no articles at that address.');
      }
      const name = newsroom.sourceName(url);
      return { articles: report.new + report.duplicate, ...(name ? { name } : {}) };
    },
    trendingTopics: () => trending,
    reschedule: (guildId) => scheduler.reschedule(guildId),
    scheduleTimes: (guildId) => scheduler.times(guildId),
    sourceHealth: (location) => health.get(location),
    async explainStory(guildId, url) {
      const settings = await guilds.get(guildId);
      const article = newsroom.articleAt(url);
      const times = new Map(scheduler.times(guildId).map((entry) => [entry.scheduleId, entry]));
      const sourceState = article ? health.get(article.source.location) : [...health.entries()].find(([location]) => sameHost(location, url))?.[1];
      const failing = sourceState?.lastError && (!sourceState.lastSuccessAt || (sourceState.lastErrorAt ?? '') > sourceState.lastSuccessAt) ? sourceState.lastError : undefined;
      const story = article && { id: article.id, lead: article, articles: [article], topics: article.topics, latestAt: article.fetchedAt };
      const schedules = await Promise.all(
        settings.schedules.map(async (schedule) => {
          const sent = article && (await deliveries.find(schedule.channelId, article.id));
          const next = times.get(schedule.id)?.nextRunAt;
          return {
            schedule,
            ...(sent ? { sent } : {}),
            passesTopics: !story || storyMatchesTopics(story, schedule.topics),
            passesKeywords: !article || passesKeywords(filterText(article), compileKeywords(schedule.include ?? []), compileKeywords(schedule.exclude ?? [])),
            ...(next ? { nextRunAt: next } : {}),
          };
        }),
      );
      return explainDelivery(
        {
          ...(article ? { article } : {}),
          inScope: article ? newsroom.inScope(article, { sourceLocations: [...config.sources, ...settings.sources.map((source) => source.url)] }) : false,
          backlog: false,
          ...(failing ? { sourceError: failing } : {}),
          schedules,
        },
        guildId,
      );
    },
    storeDescription: runtime.store.description,
    now,
  };

  const ingestTask = cron.schedule(config.ingest.schedule, () => void ingestAll().catch((error: unknown) => logger.error({ err: error }, 'ingest run failed')), {
    name: 'ingest',
    noOverlap: true,
  });

  return {
    services,
    newsroom,
    guilds,
    scheduler,
    ingestAll: () => ingestAll().finally(refreshTrending),
    startDelivery: () => scheduler.start(),
    async stop() {
      clearInterval(trendingTimer);
      await ingestTask.destroy();
      await scheduler.stop();
      await running?.catch(() => undefined);
      await runtime.close();
    },
  };
}
