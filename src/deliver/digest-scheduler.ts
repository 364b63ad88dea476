import { createHash } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Newsroom } from '../brief/newsroom.ts';
import { briefingMessages } from '../discord/render/briefing-messages.ts';
import { contentMessage, type MessagePayload } from '../discord/render/message-payload.ts';
import type { Logger } from '../logger.ts';
import type { Article } from '../model/article.ts';
import type { Story } from '../model/story.ts';
import type { GuildSettings, GuildSettingsRepository, Schedule } from '../store/guild-settings-repository.ts';
import type { DeliveryJournal, DeliveryRun } from './delivery-journal.ts';
import type { DeliveryLog } from './delivery-log.ts';
import { compileKeywords, filterText, passesKeywords } from './keyword-filter.ts';
import { dueSlots, nextSlot, parseCrons, type CronFields } from './local-slots.ts';
import { PostRefused, type Poster } from './poster.ts';

export interface DigestSchedulerDependencies {
  guilds: GuildSettingsRepository;
  newsroom: Newsroom;
  defaultSources: string[];
  poster: Poster;
  journal: DeliveryJournal;
  deliveries: DeliveryLog;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** A run that was due while Herald was down is made up once at start-up if it is at most this old. */
  catchUpGraceMs: number;
  /** Articles a source held when it was first read, or when this server added it: its backlog, which no channel is flooded with. */
  isBacklog?: (article: Article, settings: GuildSettings) => boolean;
  /** Waits between attempts at a post that failed for a passing reason (5xx, network). */
  sleep?: (ms: number) => Promise<void>;
}

export interface DigestScheduler {
  /** Finishes interrupted runs, makes up a missed run within the grace window, and starts the minute ticker. */
  start(): Promise<void>;
  /** Re-reads one server's schedules after a change. */
  reschedule(guildId: string): Promise<void>;
  /** Runs one schedule's digest for a slot (default: this minute); resolves with how many stories it posted. */
  run(guildId: string, schedule: Schedule, slot?: string): Promise<number>;
  times(guildId: string): Array<{ scheduleId: string; lastRunAt?: string; nextRunAt?: string }>;
  stop(): Promise<void>;
}

/** Attempts at one message before the run is left to be finished later (the REST client already retries 5xx three times). */
const POST_ATTEMPTS = 4;
const FIRST_RETRY_MS = 2_000;
/** Discord honours enforce_nonce for "the past few minutes"; past this, a resent nonce may post twice. */
const NONCE_TRUST_MS = 2 * 60_000;
const MINUTE = 60_000;
const NO_NEWS = 'No new stories since the last digest.';

interface Entry {
  guildId: string;
  schedule: Schedule;
  crons: CronFields[];
}

/**
 * Posts each schedule's digest in its own time zone, exactly once per slot, across restarts and failures.
 * A node-cron job ticks every minute and each schedule's due slots are worked out in its zone (see
 * local-slots.ts for why not node-cron's own zone handling). Every run is journaled before its first message
 * with the messages and nonces it will send, so a run cut short is finished with the same nonces and Discord
 * returns the messages it already has instead of posting them twice; only then are the stories recorded as
 * sent to the channel. A channel that refuses Herald pauses its schedule until it can post again.
 */
export function createDigestScheduler(deps: DigestSchedulerDependencies): DigestScheduler {
  const entries = new Map<string, Entry[]>();
  const lastRuns = new Map<string, string>();
  const locks = new Map<string, Promise<unknown>>();
  const inFlight = new Set<Promise<unknown>>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  let ticker: ScheduledTask | undefined;
  let lastTick = deps.now().getTime();

  /** One run at a time per schedule, so a slow run and the next slot never interleave. */
  const exclusive = <T>(scheduleId: string, work: () => Promise<T>): Promise<T> => {
    const result = (locks.get(scheduleId) ?? Promise.resolve()).then(work, work);
    const settled = result.catch(() => undefined);
    locks.set(scheduleId, settled);
    inFlight.add(settled);
    void settled.finally(() => inFlight.delete(settled));
    return result;
  };

  const compose = async (guildId: string, schedule: Schedule, slot: string): Promise<DeliveryRun | undefined> => {
    const settings = await deps.guilds.get(guildId);
    const sent = await deps.deliveries.sentTo(schedule.channelId);
    const include = compileKeywords(schedule.include ?? []);
    const exclude = compileKeywords(schedule.exclude ?? []);
    const accept = (story: Story): boolean =>
      !story.articles.some((article) => sent.has(article.id)) &&
      !story.articles.every((article) => deps.isBacklog?.(article, settings) ?? false) &&
      passesKeywords(filterText(story.lead), include, exclude);
    const digest = await deps.newsroom.digest({
      sourceLocations: [...deps.defaultSources, ...settings.sources.map((source) => source.url)],
      limit: schedule.maxItems,
      topics: schedule.topics,
      accept,
    });
    if (digest.items.length === 0 && !schedule.announceEmpty) return undefined;
    const messages = digest.items.length ? briefingMessages(digest) : [contentMessage(NO_NEWS)];
    const withMention = schedule.mentionRoleId ? mentionRole(messages, schedule.mentionRoleId) : messages;
    return {
      scheduleId: schedule.id,
      guildId,
      channelId: schedule.channelId,
      slot,
      status: 'pending',
      messages: withMention,
      nonces: withMention.map((_, index) => nonceFor(schedule.id, slot, index)),
      ...(schedule.forum ? { threadName: forumPostTitle(slot, schedule.timezone) } : {}),
      messageIds: withMention.map(() => null),
      articleIds: digest.items.flatMap((item) => item.articleIds),
      stories: digest.items.length,
      startedAt: deps.now().toISOString(),
    };
  };

  /** Retries what failed for a passing reason (5xx, network) with back-off; a refusal is final. */
  const withRetries = async <T>(run: DeliveryRun, send: () => Promise<T>): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await send();
      } catch (error) {
        if (error instanceof PostRefused || attempt >= POST_ATTEMPTS) throw error;
        deps.logger.warn({ err: error, scheduleId: run.scheduleId, attempt }, 'digest post failed; retrying');
        await sleep(FIRST_RETRY_MS * 2 ** (attempt - 1));
      }
    }
  };

  /** Sends one message of a run; in a forum the first one opens the run's post and the rest go in it. */
  const post = async (run: DeliveryRun, index: number): Promise<void> => {
    const message = run.messages[index]!;
    if (run.threadName && !run.threadId) {
      const opened = await withRetries(run, () => deps.poster.startThread(run.channelId, run.threadName!, message));
      run.threadId = opened.threadId;
      run.messageIds[index] = opened.messageId;
      return;
    }
    run.messageIds[index] = (await withRetries(run, () => deps.poster.post(run.threadId ?? run.channelId, message, run.nonces[index]!))).messageId;
  };

  const pause = async (run: DeliveryRun, reason: string): Promise<void> => {
    deps.logger.warn({ guildId: run.guildId, scheduleId: run.scheduleId, channelId: run.channelId, reason }, 'schedule paused');
    await deps.guilds.update(run.guildId, (settings) => ({
      ...settings,
      schedules: settings.schedules.map((schedule) => (schedule.id === run.scheduleId ? { ...schedule, paused: { reason, at: deps.now().toISOString() } } : schedule)),
    }));
    await refresh(run.guildId);
  };

  /** Sends what a run has not sent yet; resolves with the stories it delivered, 0 when the channel refused. */
  /**
   * A run cut short may have posted the message it was sending without recording it. Within Discord's nonce
   * window the same nonce brings that message back; past it, the channel's recent messages are looked at.
   * Only the first unrecorded message can be such a one, since messages go out one at a time.
   */
  const recoverUnrecorded = async (run: DeliveryRun): Promise<void> => {
    const index = run.messageIds.findIndex((id) => !id);
    if (index < 0 || (run.threadName && !run.threadId)) return;
    if (deps.now().getTime() - Date.parse(run.startedAt) <= NONCE_TRUST_MS) return;
    const found = await deps.poster.findPosted(run.threadId ?? run.channelId, run.messages[index]!, new Date(run.startedAt)).catch((error: unknown) => {
      deps.logger.warn({ err: error, scheduleId: run.scheduleId }, 'could not look for a message an interrupted run may have posted; posting it again');
      return undefined;
    });
    if (!found) return;
    run.messageIds[index] = found;
    await deps.journal.save(run);
  };

  const finish = async (run: DeliveryRun): Promise<number> => {
    try {
      await recoverUnrecorded(run);
      for (let index = 0; index < run.messages.length; index += 1) {
        if (run.messageIds[index]) continue;
        await post(run, index);
        await deps.journal.save(run);
      }
    } catch (error) {
      if (!(error instanceof PostRefused)) throw error;
      await deps.journal.save({ ...run, status: 'failed', failure: error.reason, finishedAt: deps.now().toISOString() });
      await pause(run, error.reason);
      return 0;
    }
    const messageId = run.messageIds.find((id): id is string => Boolean(id));
    await deps.deliveries.record(run.channelId, run.articleIds, { ...(messageId ? { messageId } : {}), ...(run.threadId ? { threadId: run.threadId } : {}) });
    await deps.journal.save({ ...run, status: 'sent', finishedAt: deps.now().toISOString() });
    lastRuns.set(run.scheduleId, deps.now().toISOString());
    deps.logger.info({ guildId: run.guildId, scheduleId: run.scheduleId, channelId: run.channelId, slot: run.slot, articles: run.articleIds.length }, 'digest posted');
    return run.stories;
  };

  /** Whether the schedule may post now: a paused one is tried again, and resumes when its channel is fixed. */
  const ready = async (guildId: string, schedule: Schedule): Promise<boolean> => {
    if (!schedule.paused) return true;
    const blocker = await deps.poster.blocker(schedule.channelId);
    if (blocker) return false;
    await deps.guilds.update(guildId, (settings) => ({
      ...settings,
      schedules: settings.schedules.map((candidate) => (candidate.id === schedule.id ? withoutPause(candidate) : candidate)),
    }));
    await refresh(guildId);
    deps.logger.info({ guildId, scheduleId: schedule.id }, 'schedule resumed');
    return true;
  };

  const run = (guildId: string, schedule: Schedule, slot = slotOf(deps.now(), schedule.timezone)): Promise<number> =>
    exclusive(schedule.id, async () => {
      if (!(await ready(guildId, schedule))) return 0;
      // Earlier runs first: their stories are not yet recorded as sent, and a new run would repeat them.
      let delivered = 0;
      for (const unfinished of await deps.journal.unfinished(schedule.id)) {
        const stories = await finish(unfinished);
        if (unfinished.slot === slot) delivered = stories;
      }
      const journaled = await deps.journal.get(schedule.id, slot);
      if (journaled) return journaled.status === 'pending' ? finish(journaled) : delivered;
      const composed = await compose(guildId, schedule, slot);
      if (!composed) {
        lastRuns.set(schedule.id, deps.now().toISOString());
        return 0;
      }
      await deps.journal.save(composed);
      return finish(composed);
    });

  const fire = (guildId: string, schedule: Schedule, slot: string): void => {
    run(guildId, schedule, slot).catch((error: unknown) => deps.logger.error({ err: error, guildId, scheduleId: schedule.id, slot }, 'digest run failed; it will be finished on the next tick'));
  };

  const refresh = async (guildId: string): Promise<void> => {
    const { schedules } = await deps.guilds.get(guildId);
    entries.set(
      guildId,
      schedules.map((schedule) => ({ guildId, schedule, crons: parseCrons(schedule.crons) })),
    );
  };

  const tick = (): void => {
    const now = deps.now().getTime();
    const from = lastTick;
    lastTick = now;
    for (const list of entries.values()) {
      for (const { guildId, schedule, crons } of list) {
        for (const slot of dueSlots(crons, schedule.timezone, from, now)) fire(guildId, schedule, slot.key);
      }
    }
  };

  return {
    async start() {
      for await (const settings of deps.guilds.all()) await refresh(settings.guildId);
      const now = deps.now().getTime();
      for (const list of entries.values()) {
        for (const { guildId, schedule, crons } of list) {
          const created = Date.parse(schedule.createdAt);
          const missed = dueSlots(crons, schedule.timezone, Math.max(now - deps.catchUpGraceMs, created), now).at(-1);
          const unfinished = await deps.journal.unfinished(schedule.id);
          if (missed) fire(guildId, schedule, missed.key);
          else if (unfinished.length) fire(guildId, schedule, unfinished.at(-1)!.slot);
        }
      }
      lastTick = now;
      ticker = cron.schedule('* * * * *', tick, { name: 'digest ticker', noOverlap: true });
    },
    async reschedule(guildId) {
      await refresh(guildId);
    },
    run,
    times(guildId) {
      const now = deps.now().getTime();
      return (entries.get(guildId) ?? []).map(({ schedule, crons }) => {
        const next = schedule.paused ? undefined : nextSlot(crons, schedule.timezone, now);
        const last = lastRuns.get(schedule.id);
        return { scheduleId: schedule.id, ...(last ? { lastRunAt: last } : {}), ...(next ? { nextRunAt: new Date(next.at).toISOString() } : {}) };
      });
    },
    async stop() {
      await ticker?.destroy();
      await Promise.all(inFlight);
    },
  };
}

/** The local minute a run made now would be for. */
function slotOf(now: Date, timezone: string): string {
  return dueSlots([{ second: [0], minute: range(0, 59), hour: range(0, 23), dayOfMonth: range(1, 31), month: range(1, 12), dayOfWeek: range(0, 6) }], timezone, now.getTime() - MINUTE, now.getTime())[0]!.key;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Discord keeps nonces of up to 25 characters; the same schedule, slot and message always give the same one. */
function nonceFor(scheduleId: string, slot: string, index: number): string {
  return createHash('sha256').update(`${scheduleId}|${slot}|${index}`).digest('hex').slice(0, 25);
}

/** A forum post's title: the slot in the schedule's own zone, which also tells an interrupted run which post is its own. */
function forumPostTitle(slot: string, timezone: string): string {
  return `News digest · ${slot.replace('T', ' ')} (${timezone})`.slice(0, 100);
}

/** The role goes on the first message, and only that role may be pinged by it. */
function mentionRole(messages: MessagePayload[], roleId: string): MessagePayload[] {
  return messages.map((message, index) =>
    index === 0 ? { ...message, content: `<@&${roleId}> ${message.content ?? ''}`.trim(), allowed_mentions: { parse: [], roles: [roleId] } } : message,
  );
}

function withoutPause(schedule: Schedule): Schedule {
  const { paused: _paused, ...rest } = schedule;
  return rest;
}
