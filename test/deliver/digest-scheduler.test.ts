import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryLog } from '../../src/deliver/delivery-log.ts';
import type { DigestComposer } from '../../src/deliver/digest-composer.ts';
import { createDigestScheduler, type DigestScheduler, type DigestSchedulerDependencies, type MinuteTicker, type RunReport } from '../../src/deliver/digest-scheduler.ts';
import { PostRefused } from '../../src/deliver/poster.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { fakeDiscord } from '../support/fake-poster.ts';
import { describeEachEngine, engineOpener, type EngineUnderTest } from '../support/store-engines.ts';

interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: Record<string, unknown>;
  message: string;
}

/** A logger that keeps what it was told, for the tests that read what an operator would. */
function recordingLogger() {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') } as unknown as DigestSchedulerDependencies['logger'] & { lines: LogLine[] };
}

/** Twelve headlines: a digest of ten of them spans four messages. */
const MANY_STORIES = Array.from({ length: 12 }, (_, index) => `Story ${index + 1} of the day`);

/**
 * The news as the scheduler sees it: each headline a story of one article, named by the headline. A digest is
 * the headlines its channel was not sent, as many as the schedule takes, three to a message; the real composer's
 * digests (the newsroom's stories, language, look and filters) are digest-composer.test.ts's. What is posted
 * here, and how often, is the scheduler's doing alone.
 */
function newsDesk(deliveries: DeliveryLog, headlines: string[]) {
  const waiting = [...headlines];
  const compose: DigestComposer = async (_settings, schedule) => {
    const sent = await deliveries.sentTo(schedule.channelId);
    const fresh = waiting.filter((headline) => !sent.has(headline)).slice(0, schedule.maxItems);
    if (fresh.length === 0) return schedule.announceEmpty ? { messages: [contentMessage('No new stories since the last digest.')], articleIds: [], stories: 0 } : undefined;
    const messages = Array.from({ length: Math.ceil(fresh.length / 3) }, (_, index) => contentMessage(fresh.slice(index * 3, index * 3 + 3).join('\n')));
    return { messages, articleIds: fresh, stories: fresh.length };
  };
  return { compose, add: (...more: string[]) => void waiting.push(...more) };
}

/** Holds every post until the function returned is called: a run under way for as long as a test needs it. */
function holdPosts(discord: ReturnType<typeof fakeDiscord>): () => void {
  let letGo!: () => void;
  const held = new Promise<void>((resolve) => (letGo = resolve));
  const post = discord.poster.post.bind(discord.poster);
  discord.poster.post = async (channelId, message, nonce) => {
    await held;
    return post(channelId, message, nonce);
  };
  return letGo;
}

const SCHEDULE: Schedule = { id: 's1', channelId: 'c1', crons: ['0 8 * * *'], when: '08:00', timezone: 'Europe/London', topics: [], maxItems: 5, createdBy: 'admin', createdAt: '2024-09-01T00:00:00.000Z' };

interface Setup {
  /** A location of a store an earlier setUp used: a restart on the same store. */
  location?: string;
  now?: { at: Date };
  schedule?: Schedule;
  discord?: ReturnType<typeof fakeDiscord>;
  /** Schedules the scheduler runs at once, and how often it looks at the queue. */
  concurrency?: number;
  sweepEveryMs?: number;
  everyMinute?: MinuteTicker;
  onRun?: (report: RunReport) => void;
  onTick?: () => void;
  /** The scheduler's own waits between attempts at a post, on the clock, instead of recorded ones. */
  ownSleep?: boolean;
  leaseMs?: number;
}

/** `method` fails its next call, as a store that went away for a moment does, and answers as before after it. */
function failsOnce<T extends object>(target: T, method: keyof T & string): void {
  const callable = target as Record<string, unknown>;
  const original = (callable[method] as (...args: unknown[]) => unknown).bind(target);
  callable[method] = async () => {
    callable[method] = original;
    throw new Error('the store went away');
  };
}

function harness(engine: EngineUnderTest) {
  const stores = engineOpener(engine);
  const schedulers: DigestScheduler[] = [];
  afterEach(async () => {
    for (const scheduler of schedulers.splice(0)) await scheduler.stop();
    await stores.closeAll();
  });

  return async function setUp(options: Setup = {}) {
    const clock = options.now ?? { at: new Date('2024-09-12T09:00:00Z') };
    const store: StoreEngine = options.location ? await stores.reopen(options.location, { now: () => clock.at }) : await stores.fresh({ now: () => clock.at });
    const location = options.location ?? stores.lastLocation();
    const news = newsDesk(store.deliveries, ['Ferry strike ends', 'Storm Agnes warning']);
    const add = async (...headlines: string[]) => news.add(...headlines);
    const guilds = store.guilds;
    const schedule = options.schedule ?? SCHEDULE;
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [schedule] }));
    const discord = options.discord ?? fakeDiscord();
    const sleeps: number[] = [];
    const logger = recordingLogger();
    const scheduler = createDigestScheduler({
      guilds,
      compose: news.compose,
      poster: discord.poster,
      journal: store.journal,
      deliveries: store.deliveries,
      dueSlots: store.dueSlots,
      leases: store.leases,
      logger,
      now: () => clock.at,
      catchUpGraceMs: 60 * 60_000,
      // Back-off waits are recorded, not waited.
      ...(options.ownSleep ? {} : { sleep: async (ms: number) => void sleeps.push(ms) }),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
      ...(options.sweepEveryMs ? { sweepEveryMs: options.sweepEveryMs } : {}),
      ...(options.everyMinute ? { everyMinute: options.everyMinute } : {}),
      ...(options.onRun ? { onRun: options.onRun } : {}),
      ...(options.onTick ? { onTick: options.onTick } : {}),
    });
    schedulers.push(scheduler);
    return { scheduler, discord, guilds, store, location, clock, schedule, add, sleeps, logs: logger.lines };
  };
}

describeEachEngine('digest scheduler', (engine) => {
const setUp = harness(engine);

describe('digest scheduler: what a run is', () => {
  it('logs each digest posted with its server, schedule, channel, slot and number of articles', async () => {
    const { scheduler, logs } = await setUp();
    await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00');
    expect(logs).toContainEqual({ level: 'info', message: 'digest posted', fields: { guildId: 'g1', scheduleId: 's1', channelId: 'c1', slot: '2024-09-12T08:00', articles: 2 } });
  });

  it('posts nothing for a schedule put on hold or removed since its slot came', async () => {
    const { scheduler, discord, guilds } = await setUp();
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [{ ...SCHEDULE, onHold: { by: 'admin', at: '2024-09-12T08:30:00.000Z' } }] }));
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00')).toBe(0);
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [] }));
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-13T08:00')).toBe(0);
    expect(discord.posts).toEqual([]);
  });

  it('previews the digest a run would post, and posts, journals and records nothing', async () => {
    const { scheduler, discord, store } = await setUp();
    const preview = await scheduler.preview('g1', SCHEDULE.id);
    expect(JSON.stringify(preview)).toContain('Ferry strike ends');
    expect(discord.posts).toEqual([]);
    expect(await store.journal.lastFinished(SCHEDULE.id)).toBeUndefined();
    expect(await scheduler.run('g1', SCHEDULE, 'a')).toBe(2);
    expect(discord.posts.map((post) => post.message)).toEqual(preview);
  });

  it('previews nothing for a schedule the server does not have, or with nothing new to post', async () => {
    const { scheduler } = await setUp();
    expect(await scheduler.preview('g1', 'no-such-schedule')).toBeUndefined();
    await scheduler.run('g1', SCHEDULE, 'a');
    expect(await scheduler.preview('g1', SCHEDULE.id)).toBeUndefined();
  });
});

describe('digest scheduler: exactly once', () => {
  it('runs a slot once however often it is asked', async () => {
    const { scheduler, add, discord } = await setUp();
    await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00');
    await add('Library reopens');
    // Discord's few minutes of nonces gone by: only the slot's journal keeps it from running again.
    discord.nonces.forgotten = true;
    expect(await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00')).toBe(0);
    expect(discord.posts).toHaveLength(1);
  });

  it('finishes a run cut short with the same nonces, so a message Discord got but never answered is not posted twice', async () => {
    const schedule = { ...SCHEDULE, maxItems: 10 };
    const { scheduler, discord, add } = await setUp({ schedule });
    await add(...MANY_STORIES);
    // The first message reaches Discord but its answer is lost, and every retry of this run fails too.
    discord.nonces.lostReplies = 1;
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', schedule, 'slot')).rejects.toThrow('socket hang up');
    expect(discord.posts).toHaveLength(1);
    expect(await scheduler.run('g1', schedule, 'slot')).toBe(10);
    const contents = discord.posts.map((post) => JSON.stringify(post.message));
    expect(contents.length).toBeGreaterThan(1);
    expect(new Set(contents).size).toBe(contents.length);
    // The message sent again carried the nonce it was first sent with.
    expect(discord.received.filter((post) => post.nonce === discord.posts[0]!.nonce)).toHaveLength(2);
  });

  it('logs a run that failed, with its slot, as one to be finished later', async () => {
    const { scheduler, discord, logs } = await setUp();
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('socket hang up');
    expect(logs).toContainEqual({ level: 'error', message: 'digest run failed; it will be finished later', fields: { err: expect.any(Error), guildId: 'g1', scheduleId: 's1', slot: 'slot' } });
  });

  it('posts a cut-short run’s message again, and says so, when the channel cannot be searched for it', async () => {
    const { scheduler, discord, clock, logs } = await setUp();
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('socket hang up');
    clock.at = new Date(clock.at.getTime() + 30 * 60_000);
    discord.poster.findPosted = async () => {
      throw new Error('Missing Access');
    };
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(discord.posts).toHaveLength(1);
    expect(logs).toContainEqual({ level: 'warn', message: 'could not look for a message an interrupted run may have posted; posting it again', fields: { err: expect.any(Error), scheduleId: 's1' } });
  });

  it('trusts Discord’s nonce for two minutes after a run began, and searches the channel only after', async () => {
    const { scheduler, discord, clock } = await setUp();
    discord.nonces.lostReplies = 1;
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('socket hang up');
    clock.at = new Date(clock.at.getTime() + 2 * 60_000);
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(discord.searched).toEqual([]);
    expect(discord.posts).toHaveLength(1);
  });

  it('retries a post whose answer was lost with the same nonce, so it appears once', async () => {
    const { scheduler, discord } = await setUp();
    discord.nonces.lostReplies = 1;
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(discord.posts).toHaveLength(1);
    expect(discord.received.map((post) => post.nonce)).toEqual([discord.posts[0]!.nonce, discord.posts[0]!.nonce]);
    // Discord keeps nonces of up to 25 characters.
    expect(discord.posts[0]!.nonce).toHaveLength(25);
  });

  it('records where each story went: the digest’s first message, or the forum post it opened', async () => {
    const { scheduler, store, discord } = await setUp();
    await scheduler.run('g1', SCHEDULE, 'slot');
    const storm = (await store.deliveries.sentSince('c1', new Date(0))).map((sent) => sent.articleId)[0]!;
    expect(await store.deliveries.find('c1', storm)).toEqual({ at: expect.any(String), messageId: discord.posts[0]!.id });
    const forum = { ...SCHEDULE, forum: true };
    const inForum = await setUp({ schedule: forum });
    await inForum.scheduler.run('g1', forum, 'slot');
    const first = (await inForum.store.deliveries.sentSince('c1', new Date(0))).map((sent) => sent.articleId)[0]!;
    expect(await inForum.store.deliveries.find('c1', first)).toEqual({ at: expect.any(String), messageId: 't1', threadId: 't1' });
  });

  it('finishes a run cut short after its last message was sent without searching the channel or posting again', async () => {
    const { scheduler, discord, store, clock } = await setUp();
    failsOnce(store.deliveries, 'record');
    await expect(scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('the store went away');
    clock.at = new Date(clock.at.getTime() + 30 * 60_000);
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(discord.searched).toEqual([]);
    expect(discord.received).toHaveLength(1);
  });

  it('does not search a forum for a post its cut-short run never opened', async () => {
    const schedule = { ...SCHEDULE, forum: true };
    const { scheduler, discord, clock } = await setUp({ schedule });
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', schedule, 'slot')).rejects.toThrow('socket hang up');
    clock.at = new Date(clock.at.getTime() + 30 * 60_000);
    expect(await scheduler.run('g1', schedule, 'slot')).toBe(2);
    expect(discord.searched).toEqual([]);
    expect(discord.threads).toHaveLength(1);
  });

  it('finishes a run cut short long ago without posting again the message Discord got but Herald never heard of', async () => {
    const { scheduler, discord, clock } = await setUp();
    discord.nonces.lostReplies = 1;
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('socket hang up');
    expect(discord.posts).toHaveLength(1);
    clock.at = new Date(clock.at.getTime() + 30 * 60_000);
    discord.nonces.forgotten = true;
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(discord.posts).toHaveLength(1);
  });

  it('sends now as a slot of its own: twice in one minute is two digests, and the minute’s scheduled slot is a third', async () => {
    const { scheduler, discord, add } = await setUp({ now: { at: new Date('2024-09-12T07:00:20Z') } });
    expect(await scheduler.sendNow('g1', SCHEDULE)).toBe(2);
    await add('Library reopens');
    expect(await scheduler.sendNow('g1', SCHEDULE)).toBe(1);
    await add('Dam cracks found');
    // 08:00 in London: the slot a run asked for now is named after.
    expect(await scheduler.run('g1', SCHEDULE)).toBe(1);
    expect(discord.posts).toHaveLength(3);
  });

  it('titles a forum digest sent now by the local minute it was asked in, the last minute of a year too, whatever the zone’s epoch', async () => {
    const schedule: Schedule = { ...SCHEDULE, forum: true, zoneEpoch: 2 };
    const { scheduler, discord } = await setUp({ schedule, now: { at: new Date('2022-12-31T23:59:30Z') } });
    expect(await scheduler.sendNow('g1', schedule)).toBe(2);
    expect(discord.threads.map((thread) => thread.title)).toEqual(['News digest · 2022-12-31 23:59 (Europe/London)']);
  });

  it('opens a forum post per digest and puts the rest of the digest in it', async () => {
    const schedule = { ...SCHEDULE, forum: true, maxItems: 10 };
    const { scheduler, discord, add } = await setUp({ schedule });
    await add(...MANY_STORIES);
    await scheduler.run('g1', schedule, '2024-09-12T08:00');
    await add('Library reopens');
    await scheduler.run('g1', schedule, '2024-09-13T08:00');
    expect(discord.threads.map((thread) => thread.title)).toEqual(['News digest · 2024-09-12 08:00 (Europe/London)', 'News digest · 2024-09-13 08:00 (Europe/London)']);
    const first = discord.posts.filter((post) => post.channelId === 't1');
    expect(first.length).toBeGreaterThan(1);
    expect(discord.posts.every((post) => post.channelId === 't1' || post.channelId === 't2')).toBe(true);
  });

  it('finishes an interrupted forum digest in the post it opened, never a second post', async () => {
    const schedule = { ...SCHEDULE, forum: true, maxItems: 10 };
    const { scheduler, discord, add } = await setUp({ schedule });
    await add(...MANY_STORIES);
    const original = discord.poster.post.bind(discord.poster);
    let calls = 0;
    discord.poster.post = async (channelId, message, nonce) => {
      calls += 1;
      if (calls <= 4) throw new Error('socket hang up');
      return original(channelId, message, nonce);
    };
    await expect(scheduler.run('g1', schedule, 'slot')).rejects.toThrow('socket hang up');
    expect(await scheduler.run('g1', schedule, 'slot')).toBe(10);
    expect(discord.threads).toHaveLength(1);
    expect(discord.posts.every((post) => post.channelId === 't1')).toBe(true);
  });

  it('retries a post that failed for a passing reason', async () => {
    const { scheduler, discord } = await setUp();
    discord.faults.push(new Error('HTTP 502'), new Error('HTTP 502'));
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
  });

  it('holds a schedule’s lease 30 s at a time while it runs it, and lets it go after', async () => {
    const { scheduler, store } = await setUp();
    const acquire = vi.spyOn(store.leases, 'acquire');
    const release = vi.spyOn(store.leases, 'release');
    await scheduler.run('g1', SCHEDULE, 'slot');
    // Stopping waits for the pass that ran it.
    await scheduler.stop();
    expect(acquire).toHaveBeenCalledWith('schedule:s1', 30_000);
    expect(release).toHaveBeenCalledWith('schedule:s1');
  });

  it('says so when another process takes a schedule’s lease during its run, and finishes the run', async () => {
    const discord = fakeDiscord();
    const letGo = holdPosts(discord);
    const { scheduler, store, logs } = await setUp({ discord, leaseMs: 30 });
    const acquire = store.leases.acquire.bind(store.leases);
    // The first asking takes the lease; at its first renewal another process has it.
    let asked = 0;
    store.leases.acquire = async (key, ttlMs) => (asked += 1) === 1 && acquire(key, ttlMs);
    const delivered = scheduler.run('g1', SCHEDULE, 'slot');
    await vi.waitFor(() => expect(logs.map((line) => line.message)).toContain('lost the lease of a schedule being run; its nonces keep its messages from being posted twice'), { timeout: 10_000 });
    letGo();
    expect(await delivered).toBe(2);
    expect(logs).toContainEqual({ level: 'warn', message: 'lost the lease of a schedule being run; its nonces keep its messages from being posted twice', fields: { scheduleId: 's1' } });
  });

  /**
   * Another process holding the schedule for this process's first `askings` askings for its lease: the lease is
   * refused, and the queue does not offer the schedule as waiting, as PostgreSQL's does not while a lease is held.
   * `meanwhile` is what the other process does at each refusal.
   */
  function anotherProcessHolds(store: StoreEngine, askings: number, meanwhile: () => Promise<void> = async () => {}): { refusals(): number } {
    const acquire = store.leases.acquire.bind(store.leases);
    const waiting = store.dueSlots.waiting.bind(store.dueSlots);
    let refused = 0;
    store.leases.acquire = async (key, ttlMs) => {
      if (refused >= askings) return acquire(key, ttlMs);
      refused += 1;
      await meanwhile();
      return false;
    };
    store.dueSlots.waiting = async (limit) => (await waiting(limit)).filter((due) => refused >= askings || due.scheduleId !== SCHEDULE.id);
    return { refusals: () => refused };
  }

  it('runs a slot it was asked for once another process that held the schedule lets it go', async () => {
    const { scheduler, store, discord } = await setUp({ sweepEveryMs: 50 });
    const other = anotherProcessHolds(store, 2);
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(other.refusals()).toBe(2);
    expect(discord.posts).toHaveLength(1);
  });

  it('goes on retrying a run it was asked for when the queue cannot be read meanwhile, and says so', async () => {
    const { scheduler, store, logs } = await setUp({ sweepEveryMs: 50 });
    anotherProcessHolds(store, 2);
    failsOnce(store.dueSlots, 'of');
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'error', message: 'could not read the queue of due digests', fields: expect.objectContaining({ scheduleId: 's1' }) }));
  });

  it('ends a run it was asked for, posting nothing, once another process holding the schedule has delivered the slot, though a later one is due', async () => {
    const { scheduler, store, discord } = await setUp({ sweepEveryMs: 50 });
    await store.dueSlots.add({ guildId: 'g1', scheduleId: SCHEDULE.id, slot: 'later' });
    anotherProcessHolds(store, Infinity, () => store.dueSlots.remove(SCHEDULE.id, 'slot'));
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(0);
    expect(discord.posts).toEqual([]);
  });

  it('leaves no timer behind once a run it was asked for has ended', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const { scheduler } = await setUp();
      expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
      await scheduler.stop();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits longer after each failed attempt at a post: 2 s, 4 s, then 8 s', async () => {
    const { scheduler, discord, sleeps, logs } = await setUp();
    discord.faults.push(new Error('HTTP 502'), new Error('HTTP 502'), new Error('HTTP 502'));
    expect(await scheduler.run('g1', SCHEDULE, 'slot')).toBe(2);
    expect(sleeps).toEqual([2_000, 4_000, 8_000]);
    const retries = logs.filter((line) => line.message === 'digest post failed; retrying');
    expect(retries.map((line) => [line.level, line.fields.scheduleId, line.fields.attempt])).toEqual([['warn', 's1', 1], ['warn', 's1', 2], ['warn', 's1', 3]]);
  });

  it('tells metrics what each slot did: posted in so many messages, found nothing, or was refused after so many', async () => {
    const reports: RunReport[] = [];
    const schedule = { ...SCHEDULE, maxItems: 10 };
    const { scheduler, discord, add } = await setUp({ schedule, onRun: (report) => reports.push(report) });
    expect(await scheduler.run('g1', schedule, '2024-09-12T08:00')).toBe(2);
    expect(await scheduler.run('g1', schedule, '2024-09-13T08:00')).toBe(0);
    await add(...MANY_STORIES);
    // The channel is deleted while the digest's second message is on its way.
    const post = discord.poster.post.bind(discord.poster);
    discord.poster.post = async (channelId, message, nonce) => {
      if (discord.posts.length === 2) throw new PostRefused('the channel was deleted');
      return post(channelId, message, nonce);
    };
    expect(await scheduler.run('g1', schedule, '2024-09-14T08:00')).toBe(0);
    // How late each began is the made-up run's test's: a run asked for now has no due time on one engine and now on another.
    expect(reports.map(({ outcome, messages }) => ({ outcome, messages }))).toEqual([
      { outcome: 'sent', messages: 1 },
      { outcome: 'empty', messages: 0 },
      { outcome: 'failed', messages: 1 },
    ]);
  });

});

describe('digest scheduler: missed runs and refusing channels', () => {
  it('makes up a run missed while down once, within the grace window, though news arrived before the next start', async () => {
    const { scheduler, discord, location } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') } });
    await scheduler.start();
    await scheduler.stop();
    expect(discord.posts).toHaveLength(1);
    const again = await setUp({ now: { at: new Date('2024-09-12T07:45:00Z') }, location, discord });
    // Something new to post, and Discord's few minutes of nonces gone by, so that only the slot's journal keeps the
    // made-up slot from being run a second time.
    discord.nonces.forgotten = true;
    await again.add('Library reopens');
    await again.scheduler.start();
    await again.scheduler.stop();
    expect(discord.posts).toHaveLength(1);
  });

  it('makes up every missed run though more are due than it runs at once, and it looks at the queue while full', async () => {
    const discord = fakeDiscord();
    const post = discord.poster.post.bind(discord.poster);
    // Posts slow enough that the queue is looked at while both runs are still under way.
    discord.poster.post = async (channelId, message, nonce) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return post(channelId, message, nonce);
    };
    const { scheduler, guilds } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, concurrency: 2, sweepEveryMs: 5, discord });
    const channels = ['c1', 'c2', 'c3', 'c4', 'c5'];
    await guilds.update('g1', (settings) => ({ ...settings, schedules: channels.map((channelId) => ({ ...SCHEDULE, id: `s-${channelId}`, channelId })) }));
    await scheduler.start();
    await vi.waitFor(() => expect(new Set(discord.posts.map((post) => post.channelId))).toEqual(new Set(channels)), { timeout: 10_000 });
  });

  it('leaves a schedule whose run failed to the sweeps of the next 15 s, looking at the queue every few milliseconds meanwhile', async () => {
    const discord = fakeDiscord();
    let attempts = 0;
    const post = discord.poster.post.bind(discord.poster);
    discord.poster.post = async (channelId, message, nonce) => {
      attempts += 1;
      return post(channelId, message, nonce);
    };
    let ticks = 0;
    const { scheduler, logs } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, sweepEveryMs: 5, discord, onTick: () => (ticks += 1) });
    discord.faults.push(new Error('HTTP 502'), new Error('HTTP 502'), new Error('HTTP 502'), new Error('HTTP 502'));
    await scheduler.start();
    await vi.waitFor(() => expect(logs.map((line) => line.message)).toContain('digest run failed; it will be finished later'), { timeout: 10_000 });
    // Sweeps after the failure, on the same clock minute: each looks at the queue and passes the schedule by.
    const seen = ticks;
    await vi.waitFor(() => expect(ticks).toBeGreaterThan(seen + 2), { timeout: 2_000, interval: 5 });
    // Stopping waits for every pass and run begun.
    await scheduler.stop();
    expect(attempts).toBe(4);
    expect(discord.posts).toEqual([]);
  });

  it('finishes at start-up a run that a stopped process cut short, unasked', async () => {
    const discord = fakeDiscord();
    const first = await setUp({ discord });
    discord.faults.push(new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'), new Error('socket hang up'));
    await expect(first.scheduler.run('g1', SCHEDULE, 'slot')).rejects.toThrow('socket hang up');
    await first.scheduler.stop();
    await first.store.close();
    const again = await setUp({ location: first.location, discord });
    await again.scheduler.start();
    // Stopping waits for every run begun.
    await again.scheduler.stop();
    expect(discord.posts).toHaveLength(1);
  });

  it('takes the next waiting schedule as soon as a run ends, without waiting to look at the queue again', async () => {
    const { scheduler, guilds, discord } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, concurrency: 1, sweepEveryMs: 60 * 60_000 });
    const channels = ['c1', 'c2', 'c3'];
    await guilds.update('g1', (settings) => ({ ...settings, schedules: channels.map((channelId) => ({ ...SCHEDULE, id: `s-${channelId}`, channelId })) }));
    await scheduler.start();
    await vi.waitFor(() => expect(discord.posts.map((post) => post.channelId).sort()).toEqual(channels), { timeout: 10_000 });
  });

  it('finishes the run under way when stopped, and begins no other', async () => {
    const discord = fakeDiscord();
    const letGo = holdPosts(discord);
    const { scheduler, guilds } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, concurrency: 1, discord });
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [SCHEDULE, { ...SCHEDULE, id: 's2', channelId: 'c2' }] }));
    await scheduler.start();
    const stopped = scheduler.stop();
    letGo();
    await stopped;
    // Stopping again waits for any run begun since.
    await scheduler.stop();
    expect(discord.posts.map((sent) => sent.channelId)).toEqual(['c1']);
  });

  it('says when it could not read the queue of due digests, and reads it again at its next look', async () => {
    const { scheduler, store, discord, logs } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, sweepEveryMs: 5 });
    failsOnce(store.dueSlots, 'waiting');
    await scheduler.start();
    await vi.waitFor(() => expect(discord.posts).toHaveLength(1), { timeout: 10_000 });
    expect(logs).toContainEqual({ level: 'error', message: 'could not read the queue of due digests', fields: { err: expect.any(Error) } });
  });

  it('says when it could not read a schedule’s due slots, and runs them at its next look', async () => {
    const { scheduler, store, discord, logs } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, sweepEveryMs: 5 });
    failsOnce(store.dueSlots, 'of');
    await scheduler.start();
    await vi.waitFor(() => expect(discord.posts).toHaveLength(1), { timeout: 10_000 });
    expect(logs).toContainEqual({ level: 'error', message: 'could not run a schedule', fields: { err: expect.any(Error), scheduleId: 's1' } });
  });

  it('notes at the next tick the slots of a tick that could not read the schedules, and says so', async () => {
    const clock = { at: new Date('2024-09-12T06:58:30Z') };
    const ticks: Array<() => Promise<void>> = [];
    const everyMinute: MinuteTicker = (tick) => {
      ticks.push(tick);
      return { stop: async () => undefined };
    };
    const { scheduler, guilds, discord, logs } = await setUp({ now: clock, everyMinute, sweepEveryMs: 60 * 60_000 });
    await scheduler.start();
    failsOnce(guilds, 'changedSince');
    // 08:00 in London comes, and the tick at it fails.
    clock.at = new Date('2024-09-12T07:00:10Z');
    await ticks[0]!();
    expect(logs).toContainEqual({ level: 'error', message: 'could not note the digests due this minute; the next tick tries again', fields: { err: expect.any(Error) } });
    clock.at = new Date('2024-09-12T07:01:10Z');
    await ticks[0]!();
    await scheduler.stop();
    expect(discord.posts).toHaveLength(1);
  });

  it('does not make up a run missed longer ago than the grace window', async () => {
    const { scheduler, discord } = await setUp({ now: { at: new Date('2024-09-12T09:30:00Z') } });
    await scheduler.start();
    await scheduler.stop();
    expect(discord.posts).toHaveLength(0);
  });

  it('pauses a schedule whose channel refuses Herald, keeps its stories, and resumes when the channel is fixed', async () => {
    const { scheduler, discord, guilds, logs } = await setUp();
    discord.faults.push(new PostRefused('the channel was deleted'));
    discord.block('the channel was deleted');
    expect(await scheduler.run('g1', SCHEDULE, 'day1')).toBe(0);
    const paused = (await guilds.get('g1')).schedules[0]!;
    expect(paused.paused?.reason).toBe('the channel was deleted');
    expect((await scheduler.times('g1'))[0]?.nextRunAt).toBeUndefined();
    expect(await scheduler.run('g1', paused, 'day2')).toBe(0);
    discord.block(undefined);
    expect(await scheduler.run('g1', paused, 'day3')).toBe(2);
    expect((await guilds.get('g1')).schedules[0]?.paused).toBeUndefined();
    expect(logs).toContainEqual({ level: 'warn', message: 'schedule paused', fields: { guildId: 'g1', scheduleId: 's1', channelId: 'c1', reason: 'the channel was deleted' } });
    expect(logs).toContainEqual({ level: 'info', message: 'schedule resumed', fields: { guildId: 'g1', scheduleId: 's1' } });
  });

  it('tells how late a made-up run began, from when its slot was due', async () => {
    const reports: RunReport[] = [];
    const { scheduler, logs } = await setUp({ now: { at: new Date('2024-09-12T07:40:00Z') }, onRun: (report) => reports.push(report) });
    await scheduler.start();
    await scheduler.stop();
    // 08:00 in London, in summer, is 07:00 UTC: forty minutes before.
    expect(reports).toEqual([{ outcome: 'sent', messages: 1, lagMs: 40 * 60_000 }]);
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
  });

  it('tells when a schedule last ran, in any process, and none before its first run', async () => {
    const { scheduler, clock } = await setUp();
    expect(await scheduler.times('g1')).toEqual([{ scheduleId: 's1', nextRunAt: '2024-09-13T07:00:00.000Z' }]);
    await scheduler.run('g1', SCHEDULE, '2024-09-12T08:00');
    expect(await scheduler.times('g1')).toEqual([{ scheduleId: 's1', lastRunAt: clock.at.toISOString(), nextRunAt: '2024-09-13T07:00:00.000Z' }]);
  });

  it('pauses only the schedule whose channel refused, not the server’s others', async () => {
    const other = { ...SCHEDULE, id: 's2', channelId: 'c2' };
    const { scheduler, discord, guilds } = await setUp();
    await guilds.update('g1', (settings) => ({ ...settings, schedules: [SCHEDULE, other] }));
    discord.faults.push(new PostRefused('the channel was deleted'));
    expect(await scheduler.run('g1', SCHEDULE, 'day1')).toBe(0);
    expect((await guilds.get('g1')).schedules.map((schedule) => [schedule.id, schedule.paused?.reason])).toEqual([['s1', 'the channel was deleted'], ['s2', undefined]]);
  });

  it('tells the next run in the schedule’s own time zone', async () => {
    const schedule = { ...SCHEDULE, timezone: 'America/New_York' };
    const { scheduler } = await setUp({ schedule, now: { at: new Date('2024-09-12T20:00:00Z') } });
    await scheduler.start();
    expect((await scheduler.times('g1'))[0]?.nextRunAt).toBe('2024-09-13T12:00:00.000Z');
  });
});

// The clock here is vitest's fake one, which runs six hours of ticks in a moment; a database's answers take
// real time, so on PostgreSQL the ticks would overlap and be skipped, and the PostgreSQL client's own timers
// would run on the fake clock too. Slots and waits are worked out the same on every engine, so the embedded one
// alone proves them.
describe.runIf(engine.name === 'sqlite')('digest scheduler: running on the clock', () => {
  it.each([
    // London's first 01:30 is 00:30 UTC (summer time); on the night the clocks go back it comes again at 01:30 UTC.
    ['the night the clocks go back', '2024-10-26T22:00:00Z', '2024-10-27T00:30:00Z'],
    // 01:30 never shows on London's clocks that night: it is due at 01:00 UTC, the first minute after the jump.
    ['the night the clocks go forward', '2024-03-30T22:00:00Z', '2024-03-31T01:00:00Z'],
  ])('posts a 01:30 London digest exactly once on %s, though news arrives after it, and once in Tokyo and New York too', async (_night, start, londonFirst) => {
    vi.useFakeTimers({ now: new Date(start) });
    try {
      const clock = { get at() { return new Date(); } } as { at: Date };
      const london = { ...SCHEDULE, id: 'london', channelId: 'london', crons: ['30 1 * * *'], timezone: 'Europe/London' };
      const { scheduler, guilds, discord, add } = await setUp({ now: clock, schedule: london });
      await guilds.update('g1', (settings) => ({
        ...settings,
        schedules: [london, { ...london, id: 'tokyo', channelId: 'tokyo', timezone: 'Asia/Tokyo', crons: ['0 12 * * *'] }, { ...london, id: 'new-york', channelId: 'new-york', timezone: 'America/New_York', crons: ['0 20 * * *'] }],
      }));
      await scheduler.start();
      await vi.advanceTimersByTimeAsync(Date.parse(londonFirst) - Date.parse(start));
      // A tick waits on the store's real I/O while the fake clock runs ahead, and the ticks it overlaps are
      // skipped, leaving their slots to the next: the clock moves on a minute at a time until London's is out.
      const minuteUntil = (check: () => void) =>
        vi.waitFor(
          async () => {
            await vi.advanceTimersByTimeAsync(60_000);
            check();
          },
          { timeout: 20_000, interval: 20 },
        );
      await minuteUntil(() => expect(discord.posts.map((post) => post.channelId)).toContain('london'));
      // News after London's digest: a repeated 01:30 run as a slot of its own would have something to post.
      await add('Library reopens');
      await vi.advanceTimersByTimeAsync(Date.parse(start) + 6 * 60 * 60_000 - Date.now());
      // No slot falls in the minutes added on a busy machine.
      await minuteUntil(() => expect(discord.posts.length).toBeGreaterThanOrEqual(3));
      await scheduler.stop();
      expect(discord.posts.map((post) => post.channelId).sort()).toEqual(['london', 'new-york', 'tokyo']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits 2 s on its own clock before trying a failed post again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { scheduler, discord } = await setUp({ ownSleep: true });
      discord.faults.push(new Error('HTTP 502'));
      const delivered = scheduler.run('g1', SCHEDULE, 'slot');
      // The first attempt has failed once its fault is taken, and the wait for the next has begun by the next turn
      // of the event loop (vi.waitFor would move the faked clock itself).
      while (discord.faults.length > 0) await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1_999);
      expect(discord.received).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      // The wait is over, and no other has begun.
      expect(vi.getTimerCount()).toBe(0);
      expect(await delivered).toBe(2);
    } finally {
      // A run still waiting (the test failed) ends, so that stopping the scheduler does not wait for it.
      await vi.runOnlyPendingTimersAsync();
      vi.useRealTimers();
    }
  });

  it('ticks no more once stopped', async () => {
    vi.useFakeTimers({ now: new Date('2024-09-12T06:58:00Z') });
    try {
      const clock = { get at() { return new Date(); } } as { at: Date };
      let ticks = 0;
      const { scheduler } = await setUp({ now: clock, sweepEveryMs: 60 * 60_000, onTick: () => (ticks += 1) });
      const minutes = async (count: number) => {
        for (let minute = 0; minute < count; minute += 1) await vi.advanceTimersByTimeAsync(60_000);
      };
      await scheduler.start();
      await minutes(10);
      const ticked = ticks;
      expect(ticked).toBeGreaterThan(0);
      await scheduler.stop();
      await minutes(10);
      expect(ticks).toBe(ticked);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads a schedule’s times once rather than at every tick, and again once they change', async () => {
    const clock = { at: new Date('2024-09-12T07:10:00Z') };
    const ticks: Array<() => Promise<void>> = [];
    const everyMinute: MinuteTicker = (tick) => {
      ticks.push(tick);
      return { stop: async () => undefined };
    };
    const minutes = async (count: number) => {
      for (let minute = 0; minute < count; minute += 1) {
        clock.at = new Date(clock.at.getTime() + 60_000);
        for (const tick of ticks) await tick();
      }
    };
    const { scheduler, guilds, discord } = await setUp({ now: clock, everyMinute });
    await scheduler.start();
    await vi.waitFor(() => expect(discord.posts).toHaveLength(1), { timeout: 10_000 });
    const parse = vi.spyOn(cron, 'parse');
    try {
      await minutes(20);
      expect(parse).not.toHaveBeenCalled();
      // 08:45 in London, in summer: 07:45 UTC.
      await guilds.update('g1', (settings) => ({ ...settings, schedules: [{ ...SCHEDULE, crons: ['45 8 * * *'], when: '08:45', announceEmpty: true }] }));
      await minutes(20);
      expect(parse).toHaveBeenCalledTimes(1);
      await vi.waitFor(() => expect(discord.posts).toHaveLength(2), { timeout: 10_000 });
    } finally {
      parse.mockRestore();
    }
  });
});
});
