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
import { arrivedBeforeAdded } from './deliver/guild-backlog.ts';
import { createSourcePoller, type PolledSource, type PollReport } from './deliver/poll/source-poller.ts';
import { compileKeywords, filterText, passesKeywords } from './deliver/keyword-filter.ts';
import type { Services } from './discord/command.ts';
import { InputError } from './input-error.ts';
import { buildArticle } from './ingest/build-article.ts';
import { extractDocument } from './ingest/extract-document.ts';
import { readInput } from './ingest/read-input.ts';
import type { Logger } from './logger.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import type { Article } from './model/article.ts';
import { createKeyvGuildSettingsRepository, type GuildSettings, type GuildSettingsRepository } from './store/guild-settings-repository.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** How often trending topics are recomputed for autocomplete, which must answer from memory. */
const TRENDING_REFRESH_MS = 60_000;
const TRENDING_FOR_AUTOCOMPLETE = 200;
const PRUNE_EVERY_MS = HOUR_MS;

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
  /** Reads every source that is due (all of them on a first start); resolves when done. */
  ingestAll(): Promise<PollReport>;
  /** Starts polling, finishes interrupted digests, makes up missed ones, and starts the schedules: once the poster can post. */
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
 * polls the sources, starts the schedules, and hands command handlers their services.
 */
export async function startHeraldApp(options: HeraldAppOptions): Promise<HeraldApp> {
  const { config, logger } = options;
  const now = options.now ?? (() => new Date());
  const runtime: Runtime = await openRuntime(config);
  const newsroom = await openNewsroom(runtime, { env: options.env, now, logger });
  const guilds = createKeyvGuildSettingsRepository(runtime.store);
  const deliveries = createKeyvDeliveryLog(runtime.store, config.retentionDays * DAY_MS);
  const { ingest } = config;
  const minutes = (value: number | undefined) => (value === undefined ? {} : { intervalMs: value * MINUTE_MS });
  const polledSources = async (): Promise<PolledSource[]> => {
    const sources = config.sources.map((location) => ({ location, ...minutes(ingest.intervalMinutesBySource[location]) }));
    for await (const settings of guilds.all()) {
      for (const source of settings.sources) sources.push({ location: source.url, ...minutes(source.intervalMinutes ?? ingest.intervalMinutesBySource[source.url]) });
    }
    return sources;
  };
  const poller = createSourcePoller({
    store: runtime.store,
    fetcher: runtime.fetcher,
    repository: runtime.articles,
    onNew: (article) => newsroom.add(article),
    now,
    logger,
    sources: polledSources,
    options: {
      intervalMs: ingest.intervalMinutes * MINUTE_MS,
      maxBackoffMs: ingest.maxBackoffHours * HOUR_MS,
      goneAfterMs: ingest.disableGoneAfterDays * DAY_MS,
      seedFirstPoll: ingest.seedFirstPoll,
      completeSnippets: ingest.completeSnippets,
      concurrency: ingest.concurrency,
    },
  });
  const isBacklog = (article: Article, settings: GuildSettings): boolean => poller.isBacklog(article) || (ingest.seedFirstPoll && arrivedBeforeAdded(article, settings.sources));
  const scheduler = createDigestScheduler({
    guilds,
    newsroom,
    defaultSources: config.sources,
    poster: options.poster,
    journal: createKeyvDeliveryJournal(runtime.store, config.retentionDays * DAY_MS),
    deliveries,
    logger,
    now,
    catchUpGraceMs: config.schedules.catchUpGraceMinutes * MINUTE_MS,
    isBacklog,
  });

  let running: Promise<PollReport> | undefined;
  const ingestAll = (): Promise<PollReport> => {
    running ??= (async () => {
      const started = Date.now();
      const report = await poller.pollDue();
      const expired = newsroom.prune();
      // The poller logs each source's own failure; these are articles within a source that could not be stored.
      for (const result of report.sources) for (const failure of result.failures.filter((candidate) => candidate.input !== result.location)) logger.warn({ input: failure.input }, failure.reason);
      const { sources, ...totals } = report;
      logger.info({ polled: sources.length, ...totals, expired, articles: newsroom.size, ms: Date.now() - started }, 'ingest finished');
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
  // Background polls add articles without going through ingestAll, so old ones are let go on a clock of their own.
  const pruneTimer = setInterval(() => newsroom.prune(), PRUNE_EVERY_MS);
  pruneTimer.unref();

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
    async addSource(url, { intervalMinutes } = {}) {
      // Only a disabled source is enabled again: re-enabling a healthy one would seed it anew, and every other server would lose its latest stories as backlog.
      if ((await poller.health(url))?.disabled) await poller.enable(url);
      const result = await poller.pollNow({ location: url, ...minutes(intervalMinutes ?? ingest.intervalMinutesBySource[url]) });
      if (result.outcome === 'failed') throw new InputError(`Herald could not read that source: ${result.failures[0]?.reason ?? result.health.lastError ?? 'unknown error'}`);
      // A source another server reads may answer 304: what it holds is already kept.
      const kept = newsroom.source(url);
      if (kept.articles === 0) throw new InputError('Herald found no articles at that address.');
      return kept;
    },
    trendingTopics: () => trending,
    reschedule: (guildId) => scheduler.reschedule(guildId),
    scheduleTimes: (guildId) => scheduler.times(guildId),
    sourceHealth: (location) => poller.health(location),
    async explainStory(guildId, url) {
      const settings = await guilds.get(guildId);
      const article = newsroom.articleAt(url);
      const times = new Map(scheduler.times(guildId).map((entry) => [entry.scheduleId, entry]));
      const locations = [...config.sources, ...settings.sources.map((source) => source.url)];
      const sourceLocation = article?.source.location ?? locations.find((location) => sameHost(location, url));
      const sourceState = sourceLocation === undefined ? undefined : await poller.health(sourceLocation);
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
          inScope: article ? newsroom.inScope(article, { sourceLocations: locations }) : false,
          backlog: article ? isBacklog(article, settings) : false,
          ...(sourceState ? { source: sourceState } : {}),
          schedules,
        },
        guildId,
      );
    },
    storeDescription: runtime.store.description,
    now,
  };

  return {
    services,
    newsroom,
    guilds,
    scheduler,
    ingestAll: () => ingestAll().finally(refreshTrending),
    async startDelivery() {
      await poller.start();
      await scheduler.start();
    },
    async stop() {
      clearInterval(trendingTimer);
      clearInterval(pruneTimer);
      await poller.stop();
      await scheduler.stop();
      await running?.catch(() => undefined);
      await runtime.close();
    },
  };
}
