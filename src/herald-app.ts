import { openNewsroom } from './brief/open-newsroom.ts';
import type { Newsroom } from './brief/newsroom.ts';
import type { TrendingTopic } from './brief/topics/trending-topics.ts';
import type { HeraldConfig } from './config/load-config.ts';
import type { HeraldRole } from './config/role-env.ts';
import { createDigestComposer } from './deliver/digest-composer.ts';
import { createDigestScheduler, type DigestScheduler, type MinuteTicker, type RunReport } from './deliver/digest-scheduler.ts';
import type { Poster } from './deliver/poster.ts';
import { storyMatchesTopics } from './brief/digest/topic-filter.ts';
import { describeStory, explainDelivery } from './deliver/explain-delivery.ts';
import { createFollowDelivery, type FollowDelivery } from './deliver/follows/follow-delivery.ts';
import type { MemberContact } from './deliver/follows/member-contact.ts';
import { takeOwedNotice } from './deliver/follows/owed-notice.ts';
import { arrivedBeforeAdded } from './deliver/guild-backlog.ts';
import { createSourcePoller, type PolledSource, type PollReport, type SourcePollResult } from './deliver/poll/source-poller.ts';
import { compileKeywords, filterText, passesKeywords } from './deliver/keyword-filter.ts';
import { createStoryUpdater, type StoryUpdater } from './deliver/updates/story-updater.ts';
import type { Services } from './discord/command.ts';
import { InputError } from './input-error.ts';
import { readInput } from './ingest/read-input.ts';
import type { Logger } from './logger.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import type { Article } from './model/article.ts';
import type { GuildSettings, GuildSettingsRepository } from './store/guild-settings-repository.ts';
import type { StoreEngine } from './store/store-engine.ts';

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

/** When a process last did its background work, for /healthz. */
export interface Heartbeats {
  /** The last pass of the poller over the sources (whether or not any was due). */
  pollLoopAt?: Date;
  /** The last time a source was read. */
  lastPollAt?: Date;
  /** The last tick of the digest scheduler. */
  deliveryLoopAt?: Date;
  /** The last digest this process delivered. */
  lastDeliveryAt?: Date;
}

/** Herald running: the store, the newsroom over it, every server's settings and schedules, and the ingest loop. */
export interface HeraldApp {
  role: HeraldRole;
  services: Services;
  newsroom: Newsroom;
  guilds: GuildSettingsRepository;
  scheduler: DigestScheduler;
  /** Posts updates of stories that develop after their digest. */
  updater: StoryUpdater;
  /** Members' follows, delivered in the background by delivering roles; absent without a way to reach members. */
  follows?: FollowDelivery;
  engine: StoreEngine;
  heartbeats: Heartbeats;
  /** Reads every source that is due (all of them on a first start); resolves when done. */
  ingestAll(): Promise<PollReport>;
  /** Starts what the role does in the background: polling, and finishing, making up and scheduling digests. */
  startDelivery(): Promise<void>;
  stop(): Promise<void>;
}

/** What the app tells whoever keeps metrics. */
export interface AppObserver {
  poll?(result: SourcePollResult): void;
  digest?(report: RunReport): void;
}

export interface HeraldAppOptions {
  config: HeraldConfig;
  env: NodeJS.ProcessEnv;
  logger: Logger;
  poster: Poster;
  /** How members are reached for their follows (direct messages, membership); follows are kept but not delivered without it. */
  contact?: MemberContact;
  now?: () => Date;
  /** Wakes the digest scheduler each minute of `now`'s clock; node-cron on the system clock unless given. */
  everyMinute?: MinuteTicker;
  role?: HeraldRole;
  observer?: AppObserver;
  /** Schedules a worker runs at once. */
  deliveryConcurrency?: number;
}

/**
 * The composition root shared by the Discord bot, the console and worker processes: it opens the store
 * engine the config names, the newsroom over it, the poller and the scheduler, and hands command handlers
 * their services. What runs in the background depends on the role.
 */
export async function startHeraldApp(options: HeraldAppOptions): Promise<HeraldApp> {
  const { config, logger } = options;
  const role = options.role ?? 'all';
  const now = options.now ?? (() => new Date());
  const runtime: Runtime = await openRuntime(config, { now });
  const { engine } = runtime;
  const newsroom = await openNewsroom(runtime, { env: options.env, now, logger });
  const guilds = engine.guilds;
  const heartbeats: Heartbeats = {};
  const { ingest } = config;
  const minutes = (value: number | undefined) => (value === undefined ? {} : { intervalMs: value * MINUTE_MS });
  const polledSources = async (): Promise<PolledSource[]> => {
    const sources = config.sources.map((location) => ({ location, ...minutes(ingest.intervalMinutesBySource[location]) }));
    for await (const settings of guilds.all()) {
      for (const source of settings.sources) sources.push({ location: source.url, ...minutes(source.intervalMinutes ?? ingest.intervalMinutesBySource[source.url]) });
    }
    heartbeats.pollLoopAt = now();
    return sources;
  };
  const poller = createSourcePoller({
    health: engine.sourceHealth,
    leases: engine.leases,
    fetcher: runtime.fetcher,
    repository: engine.articles,
    onPoll: (result) => {
      heartbeats.lastPollAt = now();
      // Coverage that arrives may develop a story a channel was sent: its update need not wait for the next tick.
      if (result.new > 0) updater.nudge();
      options.observer?.poll?.(result);
    },
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
  const serverSources = (settings: GuildSettings): string[] => [...config.sources, ...settings.sources.map((source) => source.url)];
  const backlog = async (settings: GuildSettings): Promise<(article: Article) => boolean> => {
    const seeded = await poller.backlogTest(serverSources(settings));
    return (article) => seeded(article) || (ingest.seedFirstPoll && arrivedBeforeAdded(article, settings.sources));
  };
  const scheduler = createDigestScheduler({
    guilds,
    compose: createDigestComposer({ newsroom, defaultSources: config.sources, deliveries: engine.deliveries, backlog }),
    poster: options.poster,
    journal: engine.journal,
    deliveries: engine.deliveries,
    dueSlots: engine.dueSlots,
    leases: engine.leases,
    logger,
    now,
    catchUpGraceMs: config.schedules.catchUpGraceMinutes * MINUTE_MS,
    ...(options.deliveryConcurrency ? { concurrency: options.deliveryConcurrency } : {}),
    ...(options.everyMinute ? { everyMinute: options.everyMinute } : {}),
    onRun: (report) => {
      if (report.outcome === 'sent') heartbeats.lastDeliveryAt = now();
      options.observer?.digest?.(report);
    },
    onTick: () => {
      heartbeats.deliveryLoopAt = now();
    },
  });
  const updater = createStoryUpdater({
    guilds,
    newsroom,
    defaultSources: config.sources,
    poster: options.poster,
    deliveries: engine.deliveries,
    updates: engine.storyUpdates,
    leases: engine.leases,
    logger,
    now,
    rules: { minIntervalMs: config.updates.minHours * HOUR_MS, maxAgeMs: DAY_MS },
    backlog,
    checkEveryMs: config.updates.checkEveryMinutes * MINUTE_MS,
  });

  const follows = options.contact
    ? createFollowDelivery({
        follows: engine.follows,
        guilds,
        newsroom,
        defaultSources: config.sources,
        poster: options.poster,
        contact: options.contact,
        leases: engine.leases,
        logger,
        now,
        storiesPerDay: config.follows.storiesPerDay,
        retentionMs: config.retentionDays * DAY_MS,
        everyMs: config.follows.everyMinutes * MINUTE_MS,
        backlog,
      })
    : undefined;

  /** Lets go of expired articles, then of what the store keeps beside them; resolves with the articles let go. */
  const prune = async (): Promise<number> => {
    let expired = 0;
    try {
      expired = await newsroom.prune();
    } catch (error) {
      logger.warn({ err: error }, 'could not let go of expired articles; trying again later');
    }
    try {
      await engine.forgetExpired(now());
    } catch (error) {
      logger.warn({ err: error }, 'could not let go of expired runs and caches; trying again later');
    }
    return expired;
  };

  let running: Promise<PollReport> | undefined;
  const ingestAll = (): Promise<PollReport> => {
    running ??= (async () => {
      const started = Date.now();
      const report = await poller.pollDue();
      const expired = await prune();
      // The poller logs each source's own failure; these are articles within a source that could not be stored.
      for (const result of report.sources) for (const failure of result.failures.filter((candidate) => candidate.input !== result.location)) logger.warn({ input: failure.input }, failure.reason);
      const { sources, ...totals } = report;
      logger.info({ polled: sources.length, ...totals, expired, articles: await newsroom.count(), ms: Date.now() - started }, 'ingest finished');
      return report;
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  let trending: TrendingTopic[] = [];
  /**
   * One list answers every server's autocomplete, so it is made from the sources every server shares: a topic
   * only one server's own sources carry must not be suggested to the others.
   */
  const refreshTrending = async (): Promise<void> => {
    const shared = { sourceLocations: config.sources, limit: TRENDING_FOR_AUTOCOMPLETE };
    try {
      trending = await newsroom.trending({ ...shared, since: new Date(now().getTime() - 7 * DAY_MS) });
      if (trending.length === 0) trending = await newsroom.trending(shared);
    } catch (error) {
      logger.warn({ err: error }, 'could not refresh trending topics for autocomplete');
    }
  };
  const timers: Array<ReturnType<typeof setInterval>> = [];
  const every = (ms: number, work: () => Promise<unknown>): void => {
    const timer = setInterval(() => void work(), ms);
    timer.unref();
    timers.push(timer);
  };
  // The first list is made when autocomplete first asks (or at the first refresh), not at start-up, where it
  // would compete with the first commands of a restarted gateway.
  let firstTrending: Promise<void> | undefined;
  const refreshTrendingNow = (): Promise<void> => {
    const refreshing = refreshTrending();
    firstTrending ??= refreshing;
    return refreshing;
  };
  const trendingReady = (): Promise<void> => firstTrending ?? refreshTrendingNow();
  if (role !== 'worker') every(TRENDING_REFRESH_MS, refreshTrendingNow);

  const services: Services = {
    newsroom,
    guilds,
    defaultSources: config.sources,
    scheduleDefaults: config.schedules,
    async readArticle(url) {
      // Loaded on first use, as the poller loads them, so that a gateway starts without the extractors.
      const [{ extractDocument }, { buildArticle }] = await Promise.all([import('./ingest/extract-document.ts'), import('./ingest/build-article.ts')]);
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
      const kept = await newsroom.source(url);
      if (kept.articles === 0) throw new InputError('Herald found no articles at that address.');
      return kept;
    },
    trendingTopics: async () => {
      await trendingReady();
      return trending;
    },
    reschedule: (guildId) => scheduler.reschedule(guildId),
    scheduleTimes: (guildId) => scheduler.times(guildId),
    previewDigest: (guildId, scheduleId) => scheduler.preview(guildId, scheduleId),
    async sendDigestNow(guildId, scheduleId) {
      const schedule = (await guilds.get(guildId)).schedules.find((candidate) => candidate.id === scheduleId);
      return schedule ? scheduler.sendNow(guildId, schedule) : 0;
    },
    sourceHealth: (location) => poller.health(location),
    async explainStory(guildId, url) {
      const settings = await guilds.get(guildId);
      const article = await newsroom.articleAt(url);
      const times = new Map((await scheduler.times(guildId)).map((entry) => [entry.scheduleId, entry]));
      const locations = serverSources(settings);
      const sourceLocation = article?.source.location ?? locations.find((location) => sameHost(location, url));
      const sourceState = sourceLocation === undefined ? undefined : await poller.health(sourceLocation);
      const story = article && { id: article.id, lead: article, articles: [article], topics: article.topics, latestAt: article.fetchedAt };
      const schedules = await Promise.all(
        settings.schedules.map(async (schedule) => {
          const sent = article && (await engine.deliveries.find(schedule.channelId, article.id));
          const updates = article ? await engine.storyUpdates.about(schedule.channelId, article.id) : [];
          const next = times.get(schedule.id)?.nextRunAt;
          return {
            schedule,
            ...(sent ? { sent } : {}),
            updates: updates.filter((update) => update.status === 'sent'),
            passesTopics: !story || storyMatchesTopics(story, schedule.topics),
            passesKeywords: !article || passesKeywords(filterText(article), compileKeywords(schedule.include ?? []), compileKeywords(schedule.exclude ?? [])),
            ...(next ? { nextRunAt: next } : {}),
          };
        }),
      );
      const reasons = explainDelivery(
        {
          ...(article ? { article } : {}),
          inScope: article ? await newsroom.inScope(article, { sourceLocations: locations }) : false,
          backlog: article ? (await backlog(settings))(article) : false,
          ...(sourceState ? { source: sourceState } : {}),
          schedules,
        },
        guildId,
      );
      return article ? [describeStory(article), ...reasons] : reasons;
    },
    follows: engine.follows,
    followDefaults: { maxPerMember: config.follows.maxPerMember, storiesPerDay: config.follows.storiesPerDay },
    owedNotice: (guildId, userId) => takeOwedNotice(engine.follows, guildId, userId),
    storeDescription: engine.description,
    now,
  };

  let delivering = false;
  return {
    role,
    services,
    newsroom,
    guilds,
    scheduler,
    updater,
    ...(follows ? { follows } : {}),
    engine,
    heartbeats,
    ingestAll: () => ingestAll().finally(refreshTrendingNow),
    async startDelivery() {
      if (role === 'gateway') return;
      delivering = true;
      // Background polls add articles without going through ingestAll, so old ones are let go on a clock of their own.
      every(PRUNE_EVERY_MS, prune);
      heartbeats.deliveryLoopAt = now();
      await poller.start();
      await scheduler.start();
      await updater.start();
      await follows?.start();
    },
    async stop() {
      for (const timer of timers) clearInterval(timer);
      if (delivering) {
        await poller.stop();
        await scheduler.stop();
        await updater.stop();
        await follows?.stop();
      }
      await running?.catch(() => undefined);
      await firstTrending;
      await runtime.close();
    },
  };
}
