import cron from 'node-cron';
import type { MessagePayload } from '../discord/render/message-payload.ts';
import type { Logger } from '../logger.ts';
import type { GuildSettings, GuildSettingsRepository, Schedule } from '../store/guild-settings-repository.ts';
import { whileHolding, type Leases } from '../store/leases.ts';
import type { DeliveryJournal, DeliveryRun } from './delivery-journal.ts';
import type { DeliveryLog } from './delivery-log.ts';
import type { DigestComposer, DigestContent } from './digest-composer.ts';
import { scheduleLeaseKey, type DueSlots } from './due-slots.ts';
import { dueSlots, nextSlot, parseCrons, type CronFields } from './local-slots.ts';
import { PostRefused, type Poster } from './poster.ts';
import { currentSlot, forumPostTitle, nonceFor, sentNowSlot, slotName } from './slot-names.ts';

/** What one finished slot did, for metrics: posted, found nothing, or was refused by its channel. */
export interface RunReport {
  outcome: 'sent' | 'empty' | 'failed';
  messages: number;
  /** From when the slot was due to when its run began. */
  lagMs?: number;
}

export interface DigestSchedulerDependencies {
  guilds: GuildSettingsRepository;
  /** What a slot's digest says (digest-composer.ts): the scheduler journals and sends it, whatever it says. */
  compose: DigestComposer;
  poster: Poster;
  journal: DeliveryJournal;
  deliveries: DeliveryLog;
  /** The slots due and not yet delivered: in memory for one process, in the shared store for a fleet. */
  dueSlots: DueSlots;
  /** One process at a time runs a schedule; another takes over when its lease runs out. */
  leases: Leases;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** A run that was due while Herald was down is made up once at start-up if it is at most this old. */
  catchUpGraceMs: number;
  /** Waits between attempts at a post that failed for a passing reason (5xx, network). */
  sleep?: (ms: number) => Promise<void>;
  /** Schedules this process runs at once; the pace of requests to Discord is the real limit. 16 by default. */
  concurrency?: number;
  /** How long a schedule's lease lasts without renewal: how soon another process takes over a dead one's run. */
  leaseMs?: number;
  /** How often the queue is looked at for slots other processes noted or left behind. */
  sweepEveryMs?: number;
  /** Told of each slot that finished. */
  onRun?: (report: RunReport) => void;
  /** Told of each pass over the schedules and the queue: that the scheduler is alive. */
  onTick?: () => void;
  /** What wakes the scheduler each minute of `now`'s clock: node-cron on the system clock unless given. */
  everyMinute?: MinuteTicker;
}

/**
 * Calls `tick` at each new minute, never while the previous call is still running, until stopped. A clock
 * other than the system's (a simulated week) brings its own, since node-cron wakes on the system clock.
 */
export type MinuteTicker = (tick: () => Promise<void>) => { stop(): Promise<void> };

const systemMinuteTicker: MinuteTicker = (tick) => {
  const task = cron.schedule('* * * * *', tick, { name: 'digest ticker', noOverlap: true });
  return {
    async stop() {
      await task.destroy();
    },
  };
};

export interface DigestScheduler {
  /** Finishes interrupted runs, makes up a missed run within the grace window, and starts the minute ticker. */
  start(): Promise<void>;
  /** Re-reads one server's schedules after a change. */
  reschedule(guildId: string): Promise<void>;
  /** Runs one schedule's digest for a slot (default: this minute) now; resolves with how many stories it posted. */
  run(guildId: string, schedule: Schedule, slot?: string): Promise<number>;
  /**
   * An admin's "send now": a run of a slot of its own, journaled and sent with nonces as any slot is, so that a
   * process that dies during it finishes it after a restart; the runs after it leave out what it sent.
   */
  sendNow(guildId: string, schedule: Schedule): Promise<number>;
  /**
   * The messages the schedule's digest would post if it ran now, composed as a run composes them, with nothing
   * journaled or recorded as sent; undefined when it would post nothing.
   */
  preview(guildId: string, scheduleId: string): Promise<MessagePayload[] | undefined>;
  /** When each of a server's schedules last ran (in any process) and runs next. */
  times(guildId: string): Promise<Array<{ scheduleId: string; lastRunAt?: string; nextRunAt?: string }>>;
  stop(): Promise<void>;
}

/** Attempts at one message before the run is left to be finished later (the REST client already retries 5xx three times). */
const POST_ATTEMPTS = 4;
const FIRST_RETRY_MS = 2_000;
/** Discord honours enforce_nonce for "the past few minutes"; past this, a resent nonce may post twice. */
const NONCE_TRUST_MS = 2 * 60_000;
const LEASE_MS = 30_000;
const SWEEP_EVERY_MS = 5_000;
const CONCURRENCY = 16;
/** A schedule whose run failed is not taken again by the background sweep for this long; an explicit run() still is. */
const FAILED_PAUSE_MS = 15_000;

interface Entry {
  guildId: string;
  schedule: Schedule;
  crons: CronFields[];
}

interface Waiter {
  resolve(stories: number): void;
  reject(error: unknown): void;
}

/**
 * Posts each schedule's digest in its own time zone, exactly once per slot, across restarts, failures and
 * processes. Every process ticks each minute and notes the slots that came (worked out in each schedule's own
 * zone; see local-slots.ts) in the queue of due slots, which the store may share with other processes. Whoever
 * takes a schedule's lease runs its due slots, oldest first. Every run is journaled before its first message
 * with the messages and nonces it will send, so a run cut short, here or in a process that died, is finished
 * with the same nonces and Discord returns the messages it already has instead of posting them twice; only
 * then are the stories recorded as sent to the channel. A channel that refuses Herald pauses its schedule
 * until it can post again.
 */
export function createDigestScheduler(deps: DigestSchedulerDependencies): DigestScheduler {
  const entries = new Map<string, Entry[]>();
  const sleep = deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  const leaseMs = deps.leaseMs ?? LEASE_MS;
  const concurrency = deps.concurrency ?? CONCURRENCY;
  /** Schedules this process is running now, and whether a slot was noted for one meanwhile. */
  const running = new Map<string, { again: boolean; done: Promise<void> }>();
  const waiters = new Map<string, Waiter[]>();
  const failedAt = new Map<string, number>();
  let ticker: ReturnType<MinuteTicker> | undefined;
  let sweeper: ReturnType<typeof setInterval> | undefined;
  let lastTick = deps.now().getTime();
  let cursor: string | undefined;
  let stopped = false;

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

  const setPaused = async (guildId: string, scheduleId: string, paused: Schedule['paused']): Promise<void> => {
    await deps.guilds.update(guildId, (settings) => ({
      ...settings,
      schedules: settings.schedules.map((schedule) => {
        if (schedule.id !== scheduleId) return schedule;
        const { paused: _paused, ...rest } = schedule;
        return paused ? { ...rest, paused } : rest;
      }),
    }));
    await refresh(guildId);
  };

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

  /** Sends what a run has not sent yet; resolves with the stories it delivered, 0 when the channel refused. */
  const finish = async (run: DeliveryRun, lag: { lagMs?: number } = {}): Promise<number> => {
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
      deps.logger.warn({ guildId: run.guildId, scheduleId: run.scheduleId, channelId: run.channelId, reason: error.reason }, 'schedule paused');
      await setPaused(run.guildId, run.scheduleId, { reason: error.reason, at: deps.now().toISOString() });
      deps.onRun?.({ outcome: 'failed', messages: run.messageIds.filter(Boolean).length, ...lag });
      return 0;
    }
    const messageId = run.messageIds.find((id): id is string => Boolean(id));
    await deps.deliveries.record(run.channelId, run.articleIds, { ...(messageId ? { messageId } : {}), ...(run.threadId ? { threadId: run.threadId } : {}) });
    await deps.journal.save({ ...run, status: 'sent', finishedAt: deps.now().toISOString() });
    deps.logger.info({ guildId: run.guildId, scheduleId: run.scheduleId, channelId: run.channelId, slot: run.slot, articles: run.articleIds.length }, 'digest posted');
    deps.onRun?.({ outcome: 'sent', messages: run.messages.length, ...lag });
    return run.stories;
  };

  /** Whether the schedule may post now: a paused one is tried again, and resumes when its channel is fixed. */
  const ready = async (guildId: string, schedule: Schedule): Promise<boolean> => {
    if (!schedule.paused) return true;
    if (await deps.poster.blocker(schedule.channelId)) return false;
    await setPaused(guildId, schedule.id, undefined);
    deps.logger.info({ guildId, scheduleId: schedule.id }, 'schedule resumed');
    return true;
  };

  /** Delivers one slot of a schedule this process holds; resolves with the stories it posted now. */
  const runSlot = async (guildId: string, scheduleId: string, slot: string, lag: { lagMs?: number }): Promise<number> => {
    const settings = await deps.guilds.get(guildId);
    const schedule = settings.schedules.find((candidate) => candidate.id === scheduleId);
    // Removed or put on hold since the slot came: nothing to post; a hold's unfinished run is finished on resume.
    if (!schedule || schedule.onHold || !(await ready(guildId, schedule))) return 0;
    // Earlier runs first: their stories are not yet recorded as sent, and a new run would repeat them.
    let delivered = 0;
    for (const unfinished of await deps.journal.unfinished(scheduleId)) {
      const stories = await finish(unfinished);
      if (unfinished.slot === slot) delivered = stories;
    }
    const journaled = await deps.journal.get(scheduleId, slot);
    if (journaled) return journaled.status === 'pending' ? finish(journaled, lag) : delivered;
    const content = await deps.compose(settings, schedule);
    if (!content) {
      // Journaled too, so that the slot is not run again once a story arrives.
      await deps.journal.save({ ...runOf(guildId, schedule, slot, NOTHING, deps.now()), status: 'empty', finishedAt: deps.now().toISOString() });
      deps.onRun?.({ outcome: 'empty', messages: 0, ...lag });
      return 0;
    }
    const composed = runOf(guildId, schedule, slot, content, deps.now());
    await deps.journal.save(composed);
    return finish(composed, lag);
  };

  const settle = (scheduleId: string, slot: string, outcome: { stories: number } | { error: unknown }): void => {
    const key = `${scheduleId} ${slot}`;
    for (const waiter of waiters.get(key) ?? []) {
      if ('error' in outcome) waiter.reject(outcome.error);
      else waiter.resolve(outcome.stories);
    }
    waiters.delete(key);
  };

  /**
   * Runs a schedule's due slots, oldest first, while this process holds its lease; a slot noted meanwhile is
   * run before the lease is let go. A failure leaves the slot due, for a later try.
   */
  const drain = async (scheduleId: string): Promise<void> => {
    const key = scheduleLeaseKey(scheduleId);
    if (!(await deps.leases.acquire(key, leaseMs))) return;
    const lost = () => deps.logger.warn({ scheduleId }, 'lost the lease of a schedule being run; its nonces keep its messages from being posted twice');
    await whileHolding(deps.leases, key, leaseMs, async () => {
      for (;;) {
        const next = (await deps.dueSlots.of(scheduleId))[0];
        if (!next) return;
        const lag = next.dueAt ? { lagMs: Math.max(0, deps.now().getTime() - Date.parse(next.dueAt)) } : {};
        try {
          const stories = await runSlot(next.guildId, scheduleId, next.slot, lag);
          await deps.dueSlots.remove(scheduleId, next.slot);
          failedAt.delete(scheduleId);
          settle(scheduleId, next.slot, { stories });
        } catch (error) {
          failedAt.set(scheduleId, deps.now().getTime());
          deps.logger.error({ err: error, guildId: next.guildId, scheduleId, slot: next.slot }, 'digest run failed; it will be finished later');
          settle(scheduleId, next.slot, { error });
          return;
        }
      }
    }, lost);
  };

  /** Makes sure this process is running the schedule, or will look at it again once its current pass ends. */
  const kick = (scheduleId: string): Promise<void> => {
    const current = running.get(scheduleId);
    if (current) {
      current.again = true;
      return current.done;
    }
    const state = { again: false, done: Promise.resolve() };
    state.done = (async () => {
      do {
        state.again = false;
        await drain(scheduleId).catch((error: unknown) => deps.logger.error({ err: error, scheduleId }, 'could not run a schedule'));
      } while (state.again && !stopped);
    })().finally(() => {
      running.delete(scheduleId);
      // Room for another schedule (a stopped scheduler's pass takes none).
      void pump();
    });
    running.set(scheduleId, state);
    return state.done;
  };

  /** Takes as many waiting schedules as this process has room for. */
  const pumpOnce = async (): Promise<void> => {
    try {
      const room = concurrency - running.size;
      if (room <= 0 || stopped) return;
      const now = deps.now().getTime();
      for (const waiting of await deps.dueSlots.waiting(room + running.size)) {
        if (running.size >= concurrency) break;
        if (running.has(waiting.scheduleId) || now - (failedAt.get(waiting.scheduleId) ?? -Infinity) < FAILED_PAUSE_MS) continue;
        void kick(waiting.scheduleId);
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'could not read the queue of due digests');
    }
  };

  let pumping = false;
  let pumpAgain = false;
  let pumped: Promise<void> = Promise.resolve();
  /**
   * One pass over the queue at a time; asked again during a pass (a run finished and made room), it makes
   * another pass after, so that no request for more work is lost. The flag is set before the first await,
   * so a pass that ends at once cannot leave a stale one behind.
   */
  const pump = (): Promise<void> => {
    if (pumping) {
      pumpAgain = true;
      return pumped;
    }
    pumping = true;
    pumped = (async () => {
      try {
        do {
          pumpAgain = false;
          await pumpOnce();
        } while (pumpAgain);
      } finally {
        pumping = false;
      }
    })();
    return pumped;
  };

  const refresh = async (guildId: string): Promise<void> => {
    setEntries(await deps.guilds.get(guildId));
  };

  const setEntries = (settings: GuildSettings): void => {
    // The embedded store answers every server as changed at each tick, and parsing a cron line costs far more
    // than the tick's other work for it: lines that did not change keep what they were parsed into.
    const known = new Map((entries.get(settings.guildId) ?? []).map((entry) => [entry.schedule.crons.join('\n'), entry.crons]));
    entries.set(
      settings.guildId,
      settings.schedules.map((schedule) => ({ guildId: settings.guildId, schedule, crons: known.get(schedule.crons.join('\n')) ?? parseCrons(schedule.crons) })),
    );
  };

  /** Learns of schedules other processes changed: every server at start, then those changed since. */
  const refreshChanged = async (): Promise<void> => {
    const { changed, cursor: next } = await deps.guilds.changedSince(cursor);
    for (const settings of changed) setEntries(settings);
    cursor = next;
  };

  const note = (guildId: string, schedule: Schedule, slot: { key: string; at: number }): Promise<void> =>
    deps.dueSlots.add({ guildId, scheduleId: schedule.id, slot: slotName(schedule, slot.key), dueAt: new Date(slot.at).toISOString() });

  const tick = async (): Promise<void> => {
    deps.onTick?.();
    const now = deps.now().getTime();
    try {
      await refreshChanged();
      for (const list of entries.values()) {
        for (const { guildId, schedule, crons } of list) {
          if (schedule.onHold) continue;
          for (const slot of dueSlots(crons, schedule.timezone, lastTick, now)) await note(guildId, schedule, slot);
        }
      }
      // Only once every slot of these minutes is noted: a tick that fails leaves them to the next (noting one twice is harmless).
      lastTick = now;
    } catch (error) {
      deps.logger.error({ err: error }, 'could not note the digests due this minute; the next tick tries again');
    }
    await pump();
  };

  const run = async (guildId: string, schedule: Schedule, slot = currentSlot(schedule, deps.now())): Promise<number> => {
    const result = new Promise<number>((resolve, reject) => {
      const key = `${schedule.id} ${slot}`;
      waiters.set(key, [...(waiters.get(key) ?? []), { resolve, reject }]);
    });
    await deps.dueSlots.add({ guildId, scheduleId: schedule.id, slot });
    // Asked for now: not held back by an earlier failure, and tried again while another process holds the schedule;
    // once that process has delivered the slot, this call posted nothing itself.
    failedAt.delete(schedule.id);
    const retry = setInterval(() => {
      void kick(schedule.id)
        .then(async () => {
          if (!(await deps.dueSlots.of(schedule.id)).some((due) => due.slot === slot)) settle(schedule.id, slot, { stories: 0 });
        })
        // The store may fail to answer for a while (a PostgreSQL pool out of connections); the next retry asks again.
        .catch((error: unknown) => deps.logger.error({ err: error, scheduleId: schedule.id }, 'could not read the queue of due digests'));
    }, deps.sweepEveryMs ?? SWEEP_EVERY_MS);
    void kick(schedule.id);
    try {
      return await result;
    } finally {
      clearInterval(retry);
    }
  };

  return {
    async start() {
      stopped = false;
      await refreshChanged();
      const now = deps.now().getTime();
      for (const list of entries.values()) {
        for (const { guildId, schedule, crons } of list) {
          // A slot missed while an admin held the schedule is not made up: resuming never floods a channel.
          const since = Math.max(now - deps.catchUpGraceMs, Date.parse(schedule.createdAt), schedule.resumedAt ? Date.parse(schedule.resumedAt) : -Infinity);
          const missed = schedule.onHold ? undefined : dueSlots(crons, schedule.timezone, since, now).at(-1);
          if (missed) await note(guildId, schedule, missed);
          // A run begun in a process that stopped is finished by whoever runs its schedule next.
          for (const unfinished of await deps.journal.unfinished(schedule.id)) await deps.dueSlots.add({ guildId, scheduleId: schedule.id, slot: unfinished.slot });
        }
      }
      lastTick = now;
      ticker = (deps.everyMinute ?? systemMinuteTicker)(tick);
      sweeper = setInterval(() => {
        deps.onTick?.();
        void pump();
      }, deps.sweepEveryMs ?? SWEEP_EVERY_MS);
      sweeper.unref();
      await pump();
    },
    async reschedule(guildId) {
      await refresh(guildId);
    },
    run,
    sendNow: (guildId, schedule) => run(guildId, schedule, sentNowSlot(schedule, deps.now())),
    async preview(guildId, scheduleId) {
      const settings = await deps.guilds.get(guildId);
      const schedule = settings.schedules.find((candidate) => candidate.id === scheduleId);
      if (!schedule) return undefined;
      return (await deps.compose(settings, schedule))?.messages;
    },
    async times(guildId) {
      const now = deps.now().getTime();
      const { schedules } = await deps.guilds.get(guildId);
      return Promise.all(
        schedules.map(async (schedule) => {
          const next = schedule.paused || schedule.onHold ? undefined : nextSlot(parseCrons(schedule.crons), schedule.timezone, now);
          const last = await deps.journal.lastFinished(schedule.id);
          return { scheduleId: schedule.id, ...(last ? { lastRunAt: last } : {}), ...(next ? { nextRunAt: new Date(next.at).toISOString() } : {}) };
        }),
      );
    },
    async stop() {
      stopped = true;
      await ticker?.stop();
      clearInterval(sweeper);
      await pumped;
      await Promise.all([...running.values()].map((state) => state.done));
    },
  };
}

/** What an empty slot's run sends. */
const NOTHING: DigestContent = { messages: [], articleIds: [], stories: 0 };

/** A slot's run, journaled before its first message: what it sends, and the nonce each message is sent with. */
function runOf(guildId: string, schedule: Schedule, slot: string, content: DigestContent, now: Date): DeliveryRun {
  return {
    scheduleId: schedule.id,
    guildId,
    channelId: schedule.channelId,
    slot,
    status: 'pending',
    messages: content.messages,
    nonces: content.messages.map((_, index) => nonceFor(schedule.id, slot, index)),
    ...(schedule.forum ? { threadName: forumPostTitle(slot, schedule.timezone) } : {}),
    messageIds: content.messages.map(() => null),
    articleIds: content.articleIds,
    stories: content.stories,
    startedAt: now.toISOString(),
  };
}
