import { createHash } from 'node:crypto';
import { articleAddress, publisherName } from '../../brief/article-address.ts';
import type { Newsroom } from '../../brief/newsroom.ts';
import { storyUpdateMessage, updateThreadName } from '../../discord/render/story-update-message.ts';
import type { Logger } from '../../logger.ts';
import type { Article } from '../../model/article.ts';
import type { Story } from '../../model/story.ts';
import type { GuildSettings, GuildSettingsRepository, Schedule } from '../../store/guild-settings-repository.ts';
import { whileHolding, type Leases } from '../../store/leases.ts';
import type { DeliveryLog, SentArticle } from '../delivery-log.ts';
import { PostRefused, type Poster } from '../poster.ts';
import { coverageSentence } from './coverage-sentence.ts';
import { decideUpdate, type UpdateRules } from './decide-update.ts';
import type { StoryUpdateLog, StoryUpdateRun } from './story-update-log.ts';

export interface StoryUpdaterDependencies {
  guilds: GuildSettingsRepository;
  newsroom: Newsroom;
  defaultSources: string[];
  poster: Poster;
  deliveries: DeliveryLog;
  updates: StoryUpdateLog;
  /** One process at a time updates a channel; another takes over when its lease runs out. */
  leases: Leases;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  rules: UpdateRules;
  /** What a server counts as backlog, as the digest scheduler does: never news, so never an update. */
  backlog?: (settings: GuildSettings) => Promise<(article: Article) => boolean>;
  /** How often every channel's stories are looked at. Five minutes by default. */
  checkEveryMs?: number;
  leaseMs?: number;
}

export interface StoryUpdater {
  /** Finishes updates cut short, then looks at every channel's stories every few minutes. */
  start(): Promise<void>;
  /** Looks at the stories one schedule's channel was sent now (none when its updates are off or it is paused, by its channel or an admin); resolves with the updates posted. */
  check(guildId: string, schedule: Schedule): Promise<number>;
  /** Looks at every schedule's channel once. */
  checkAll(): Promise<number>;
  /** New articles arrived: every channel is looked at soon, not at the next tick (once started). */
  nudge(): void;
  stop(): Promise<void>;
}

const CHECK_EVERY_MS = 5 * 60_000;
const LEASE_MS = 30_000;
/** Discord honours enforce_nonce for "the past few minutes"; past this, a resent nonce may post twice. */
const NONCE_TRUST_MS = 2 * 60_000;

/**
 * Posts an update when a story a channel was sent develops: a reply in a thread on its digest message (in a
 * forum, in the digest's post) saying what changed, with the new reports. Each update is journaled before it
 * is sent, with a nonce that the channel, the story and the update's number decide, so that an update cut
 * short, here or in a process that died, is finished with the same nonce and never posted twice; only then
 * are its articles recorded as sent to the channel, so that they appear in no digest and no later update.
 * A channel is updated by one process at a time, under a lease of its own.
 */
export function createStoryUpdater(deps: StoryUpdaterDependencies): StoryUpdater {
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  let timer: ReturnType<typeof setInterval> | undefined;
  let pass: Promise<number> = Promise.resolve(0);
  let stopped = false;

  /** Sends what an update has not sent yet: its thread, then its message; then records its articles as sent. */
  const finish = async (run: StoryUpdateRun): Promise<number> => {
    try {
      if (!run.threadId) {
        run.threadId = (await deps.poster.openThread(run.channelId, run.parentMessageId!, run.threadName)).threadId;
        await deps.updates.save(run);
      }
      if (!run.messageId && deps.now().getTime() - Date.parse(run.startedAt) > NONCE_TRUST_MS) {
        // Cut short long enough ago that Discord may have forgotten the nonce: the message may be there already.
        const found = await deps.poster.findPosted(run.threadId, run.message, new Date(run.startedAt));
        if (found) run.messageId = found;
      }
      run.messageId ??= (await deps.poster.post(run.threadId, run.message, run.nonce)).messageId;
      await deps.updates.save(run);
    } catch (error) {
      if (!(error instanceof PostRefused)) throw error;
      await deps.updates.save({ ...run, status: 'failed', failure: error.reason, finishedAt: deps.now().toISOString() });
      deps.logger.warn({ channelId: run.channelId, storyKey: run.storyKey, reason: error.reason }, 'story update refused');
      return 0;
    }
    await deps.deliveries.record(run.channelId, run.articleIds, { messageId: run.messageId, threadId: run.threadId });
    await deps.updates.save({ ...run, status: 'sent', finishedAt: deps.now().toISOString() });
    deps.logger.info({ guildId: run.guildId, channelId: run.channelId, storyKey: run.storyKey, seq: run.seq, articles: run.articleIds.length }, 'story update posted');
    return 1;
  };

  /** The updates a channel's stories call for now, each one not yet journaled. */
  const compose = async (guildId: string, schedule: Schedule): Promise<StoryUpdateRun[]> => {
    const now = deps.now().getTime();
    // Twice the age limit: a story updated late in its day has articles sent then, and its first ones before.
    const recent = await deps.deliveries.sentSince(schedule.channelId, new Date(now - 2 * deps.rules.maxAgeMs));
    if (recent.length === 0) return [];
    const settings = await deps.guilds.get(guildId);
    const everSent = await deps.deliveries.sentTo(schedule.channelId);
    const isBacklog = (await deps.backlog?.(settings)) ?? (() => false);
    const places = new Map(recent.map((entry) => [entry.articleId, entry]));
    const stories = await deps.newsroom.stories({ sourceLocations: [...deps.defaultSources, ...settings.sources.map((source) => source.url)] });
    const runs: StoryUpdateRun[] = [];
    for (const story of stories) {
      const sent = story.articles.filter((article) => places.has(article.id));
      const fresh = story.articles.filter((article) => !everSent.has(article.id) && !isBacklog(article));
      // A story with an article sent before the window was first sent too long ago for updates.
      if (sent.length === 0 || fresh.length === 0 || story.articles.some((article) => everSent.has(article.id) && !places.has(article.id))) continue;
      const first = firstSent(sent.map((article) => places.get(article.id)!));
      const earlier = await deps.updates.ofStory(schedule.channelId, first.articleId);
      const lastUpdateAt = earlier.at(-1)?.startedAt;
      const decision = decideUpdate(
        { sent, fresh, firstSentAt: Date.parse(first.at), ...(lastUpdateAt ? { lastUpdateAt: Date.parse(lastUpdateAt) } : {}), now },
        deps.rules,
      );
      if (!decision.update) continue;
      const place = first.threadId ? { threadId: first.threadId } : first.messageId ? { parentMessageId: first.messageId } : undefined;
      if (!place) continue;
      const whatChanged = coverageSentence(decision.coverage);
      const sources = decision.coverage.reports.map((article) => ({ publisher: publisherName(article), title: article.title, url: articleAddress(article) }));
      const seq = earlier.length + 1;
      runs.push({
        channelId: schedule.channelId,
        storyKey: first.articleId,
        seq,
        guildId,
        scheduleId: schedule.id,
        status: 'pending',
        message: storyUpdateMessage(whatChanged, sources),
        nonce: nonceFor(schedule.channelId, first.articleId, seq),
        ...place,
        threadName: updateThreadName(leadOf(story, sent).title),
        articleIds: fresh.map((article) => article.id),
        storyArticleIds: [...sent, ...fresh].map((article) => article.id),
        sources,
        whatChanged,
        startedAt: deps.now().toISOString(),
      });
    }
    return runs;
  };

  const check = async (guildId: string, schedule: Schedule): Promise<number> => {
    if (schedule.updates === false || schedule.paused || schedule.onHold) return 0;
    const key = `story-updates:${schedule.channelId}`;
    if (!(await deps.leases.acquire(key, leaseMs))) return 0;
    const lost = () => deps.logger.warn({ channelId: schedule.channelId }, 'lost the lease of a channel being updated; nonces keep its updates from being posted twice');
    return whileHolding(deps.leases, key, leaseMs, async () => {
      let posted = 0;
      for (const unfinished of await deps.updates.unfinished(schedule.channelId)) posted += await finish(unfinished);
      for (const composed of await compose(guildId, schedule)) {
        const run = await deps.updates.begin(composed);
        if (run.status === 'pending') posted += await finish(run);
      }
      return posted;
    }, lost);
  };

  const checkAll = async (): Promise<number> => {
    let posted = 0;
    const channels = new Set<string>();
    for await (const settings of deps.guilds.all()) {
      for (const schedule of settings.schedules) {
        // A channel with two schedules is updated once, for the first that wants updates.
        if (stopped || schedule.updates === false || schedule.paused || schedule.onHold || channels.has(schedule.channelId)) continue;
        channels.add(schedule.channelId);
        posted += await check(settings.guildId, schedule).catch((error: unknown) => {
          deps.logger.error({ err: error, guildId: settings.guildId, channelId: schedule.channelId }, 'could not update a channel’s stories; the next check tries again');
          return 0;
        });
      }
    }
    return posted;
  };

  /** One pass at a time; asked during a pass (articles arrived meanwhile), it makes one more after. */
  let running = false;
  let again = false;
  const tick = (): void => {
    if (stopped || !timer) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    pass = checkAll()
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, 'could not look for developing stories');
        return 0;
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          tick();
        }
      });
  };

  return {
    async start() {
      stopped = false;
      timer = setInterval(tick, deps.checkEveryMs ?? CHECK_EVERY_MS);
      timer.unref();
      tick();
    },
    check,
    checkAll,
    nudge: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      timer = undefined;
      while (running) await pass;
    },
  };
}

/** The channel's first delivery of the story: its earliest article, the earliest id among ties. */
function firstSent(entries: SentArticle[]): SentArticle {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at) || (a.articleId < b.articleId ? -1 : 1))[0]!;
}

/** The headline the channel knows the story by: the lead's when it was sent, else the first it was sent. */
function leadOf(story: Story, sent: Article[]): Article {
  return sent.includes(story.lead) ? story.lead : sent[0]!;
}

/** Discord keeps nonces of up to 25 characters; the same channel, story and update number always give the same one. */
function nonceFor(channelId: string, storyKey: string, seq: number): string {
  return createHash('sha256').update(`update|${channelId}|${storyKey}|${seq}`).digest('hex').slice(0, 25);
}
