import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { MinuteTicker } from '../../src/deliver/digest-scheduler.ts';
import { startHeraldOnLoopback, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import type { StoredMessage } from '../support/discord/loopback-discord.ts';
import { clockAt, killAllHerald, startHerald } from '../support/herald-process.ts';
import { liveMemory } from '../support/live-memory.ts';
import { startWeekFeeds, type WeekFeeds } from './week-feeds.ts';
import { clocksChange, DAY_MS, digestNonce, expectedSlots, planWeek, WEEK_START, ZONES, type ExpectedSlot } from './week-plan.ts';

const root = path.resolve(import.meta.dirname, '../..');
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/**
 * The whole week by default (`npm run soak`): Europe's clocks go forward on the first night, Australia's and New
 * Zealand's go back on the last, Herald is restarted every day and killed on the second and fifth, and day 7's
 * heap is compared with day 1's. HERALD_WEEK_DAYS=3 gives a quicker look.
 */
const DAYS = Number(process.env.HERALD_WEEK_DAYS ?? 7);
const WEEK_END = WEEK_START + DAYS * DAY_MS;
/** The days (counted from 0) on which a Herald process is killed with SIGKILL while it delivers. */
const KILL_DAYS = [...new Set((DAYS >= 5 ? [1, 4] : [1, 2]).map((day) => Math.min(day, DAYS - 1)))];
const MAX_MESSAGES_PER_DIGEST = 10;
/** The 429 the loopback answers a held post with, long enough that the process dies while waiting it out. */
const HOLD_SECONDS = 3;

/** What Discord recorded of one message Herald sent, kept once the loopback forgets the message itself. */
interface Sent {
  channelId: string;
  nonce?: string;
  parse?: string[];
  roles: string[];
  /** The links of each story (embed): its lead's and the other reports of it. */
  stories: string[][];
  inThread: boolean;
}

/** The clock the in-process Herald reads and the minute ticker its scheduler wakes on; the test moves both. */
function simulatedClock(start: number) {
  const ticks = new Set<() => Promise<void>>();
  const clock = {
    at: start,
    now: () => new Date(clock.at),
    everyMinute: ((tick) => {
      ticks.add(tick);
      return { stop: async () => void ticks.delete(tick) };
    }) as MinuteTicker,
    /** Moves to `at` and wakes the scheduler, as the minute it reached came. */
    async advanceTo(at: number) {
      clock.at = at;
      for (const tick of [...ticks]) await tick();
    },
  };
  return clock;
}

async function waitUntil(what: string, ready: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const STORY_URL = /http:\/\/127\.0\.0\.1:\d+\/(?:old|news)\/\d+\/\d+/g;

let folder: string | undefined;
let herald: HeraldOnLoopback | undefined;
let feeds: WeekFeeds | undefined;

afterAll(async () => {
  await killAllHerald();
  await herald?.close();
  await feeds?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Runs the days, then reads Discord's record against the digests the schedules make due. */
async function simulateWeek() {
  folder = await mkdtemp(path.join(tmpdir(), 'herald-week-'));
  const clock = simulatedClock(WEEK_START);
  feeds = await startWeekFeeds(WEEK_START, () => clock.at);
  const plan = planWeek(feeds.url);
  expect(plan.sources).toHaveLength(200);
  expect(plan.schedules).toHaveLength(300);
  expect(new Set(plan.schedules.map((schedule) => schedule.timezone)).size).toBe(ZONES.length);
  const changing = ZONES.filter((zone) => clocksChange(zone, WEEK_START, WEEK_END));
  // Clocks go forward in Europe on the first night, and back in Australia and New Zealand on the last day of the week.
  expect(changing).toEqual(expect.arrayContaining(['Europe/London', 'Europe/Paris', ...(DAYS >= 7 ? ['Australia/Sydney', 'Pacific/Auckland'] : [])]));

  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, Record<string, unknown>>;
  const configFile = path.join(folder, 'config.json');
  await writeFile(
    configFile,
    // Articles are kept 18 hours, longer than a feed lists them: the heap of day 7 holds about as many as day 1's,
    // so that growth there would be a leak rather than the news of more days (the embedded store keeps them in memory).
    JSON.stringify({ ...defaults, sources: [], retentionDays: 0.75, ingest: { ...defaults.ingest, completeSnippets: false, intervalMinutes: 360, seedFirstPoll: true, concurrency: 8 } }),
  );
  const store = path.join(folder, 'week.sqlite');
  const env = { HERALD_CONFIG: configFile, HERALD_STORE: store, HERALD_ALLOW_HOSTS: '127.0.0.1' };
  const config = await loadConfig(env);

  // Discord mints message ids, which carry when a message was posted, on the same clock: on a child's while it runs.
  let discordNow = () => clock.at;
  herald = await startHeraldOnLoopback({ guilds: plan.guilds, config, now: clock.now, everyMinute: clock.everyMinute, discordNow: () => discordNow() });
  const discord = herald.discord;
  for (const { guildId, sources, schedules } of plan.settings) await herald.app.guilds.update(guildId, (settings) => ({ ...settings, sources, schedules }));
  await herald.bot.login(discord.token);
  // As `npm start` does once logged in: sources are read, then polling and delivery begin.
  const begin = async (): Promise<void> => {
    await herald!.app.ingestAll();
    await herald!.app.startDelivery();
  };
  await begin();

  const expected = expectedSlots(plan.schedules, WEEK_START, WEEK_END);
  const sent: Sent[] = [];
  const faults = { discord5xx: 0, discord429: 0, gatewayDrops: 0, feedOutageHours: 0, feedOutageAnswers: 0 };
  const heap: number[] = [];
  let restarts = 0;
  let kills = 0;

  const idle = async (): Promise<boolean> => (await herald!.app.engine.dueSlots.waiting(1)).length === 0;
  /** Reads what Discord holds, then lets it forget, so that the heap measures Herald rather than the record. */
  const harvest = (): void => {
    const read = (message: StoredMessage, channelId: string, inThread: boolean): Sent => ({
      channelId,
      ...(message.nonce === undefined ? {} : { nonce: String(message.nonce) }),
      ...(message.allowed_mentions?.parse ? { parse: message.allowed_mentions.parse.map(String) } : {}),
      roles: message.allowed_mentions?.roles ?? [],
      stories: (message.embeds ?? []).map((embed) => JSON.stringify(embed).match(STORY_URL) ?? []).filter((urls) => urls.length > 0),
      inThread,
    });
    for (const schedule of plan.schedules) {
      for (const message of discord.channelMessages(schedule.channelId)) sent.push(read(message, schedule.channelId, false));
      for (const thread of discord.threadsIn(schedule.channelId)) for (const message of thread.messages) sent.push(read(message, schedule.channelId, true));
    }
    for (const request of discord.requests) {
      if (request.status >= 500) faults.discord5xx += 1;
      if (request.status === 429) faults.discord429 += 1;
    }
    discord.forgetChannelMessages();
  };
  // The search index's postings are typed arrays, kept outside the heap: a leak there would not show in heapUsed.
  const measureHeap = (): number => {
    const { heapUsed, arrayBuffers } = liveMemory();
    return heapUsed + arrayBuffers;
  };

  /** Once an hour: the hour's fault begins, and the sources due are read (through an outage, if that is the fault). */
  const hourly = async (hour: number): Promise<void> => {
    feeds!.outages.clear();
    await waitUntil('the due digests to be delivered', idle);
    switch (hour % 4) {
      case 0:
        discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: ([500, 502, 503] as const)[hour % 3]! }, 3);
        break;
      case 1:
        discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 429, retryAfterSeconds: 0.3 }, 4);
        break;
      case 2:
        discord.dropGateway({ resumable: true });
        faults.gatewayDrops += 1;
        break;
      default:
        for (let source = 0; source < 40; source += 1) feeds!.outages.add((hour * 40 + source) % 200);
        faults.feedOutageHours += 1;
    }
    await herald!.app.ingestAll();
  };

  /**
   * Herald stops, and a child process on the same store and clock takes over at a minute when digests are due;
   * it is killed with SIGKILL once it has posted some of them and is waiting out a 429 on others. Herald then
   * starts again two minutes later and finishes what the dead process began.
   */
  const killMidDelivery = async (at: number, due: ExpectedSlot[]): Promise<void> => {
    await herald!.restart(async () => {
      const held = due.filter((_, index) => index % 2 === 1).map((slot) => slot.channelId);
      for (const channelId of held) discord.failNext({ method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`) }, { status: 429, retryAfterSeconds: HOLD_SECONDS }, 2);
      const since = Date.now();
      discordNow = () => at + 20_000 + (Date.now() - since);
      const child = startHerald({ ...env, DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, ...clockAt(new Date(at + 20_000)) });
      const dueChannels = new Set(due.map((slot) => slot.channelId));
      const posted = () => discord.requests.some((request) => request.at >= since && request.status === 200 && dueChannels.has(request.path.split('/')[2]!));
      const waiting = () => discord.requests.some((request) => request.at >= since && request.status === 429 && held.includes(request.path.split('/')[2]!));
      await waitUntil('the child process to be mid-delivery', () => posted() && waiting(), 90_000);
      child.child.kill('SIGKILL');
      await child.exited;
      kills += 1;
      clock.at = at + 2 * MINUTE_MS;
      discordNow = () => clock.at;
    });
    await begin();
    restarts += 1;
  };

  for (let day = 0; day < DAYS; day += 1) {
    const dayStart = WEEK_START + day * DAY_MS;
    const killAt = KILL_DAYS.includes(day) ? busiestMinute(expected, dayStart + 2 * HOUR_MS, dayStart + DAY_MS - 2 * HOUR_MS) : undefined;
    while (clock.at < dayStart + DAY_MS) {
      const next = clock.at + MINUTE_MS;
      if (killAt && next === killAt.at) {
        await waitUntil('the due digests to be delivered', idle);
        await killMidDelivery(killAt.at, killAt.slots);
        continue;
      }
      await clock.advanceTo(next);
      if (next % HOUR_MS === 0) await hourly(Math.round((next - WEEK_START) / HOUR_MS));
    }
    await waitUntil('the day’s digests to be delivered', idle);
    harvest();
    if (day === 0 || day === DAYS - 1) heap.push(measureHeap());
    if (day < DAYS - 1) {
      await herald.restart();
      await begin();
      restarts += 1;
    }
  }
  faults.feedOutageAnswers = feeds.outageAnswers();
  const gateway = discord.gatewaySessions();

  const digests = sent.filter((message) => !message.inThread);
  const byNonce = new Map<string, number>();
  for (const message of digests) if (message.nonce) byNonce.set(message.nonce, (byNonce.get(message.nonce) ?? 0) + 1);
  const firstMessages = expected.map((slot) => byNonce.get(digestNonce(slot.scheduleId, slot.slot, 0)) ?? 0);
  const knownNonces = new Set(expected.flatMap((slot) => Array.from({ length: MAX_MESSAGES_PER_DIGEST }, (_, index) => digestNonce(slot.scheduleId, slot.slot, index))));
  const channelSchedule = new Map(plan.schedules.map((schedule) => [schedule.channelId, schedule]));
  const figures = {
    days: DAYS,
    sources: plan.sources.length,
    schedules: plan.schedules.length,
    zones: ZONES.length,
    zonesChangingClocks: changing,
    faults,
    gateway: { identifies: gateway.identifies, resumes: gateway.resumes },
    restarts,
    kills,
    digestsDue: expected.length,
    digestsDelivered: firstMessages.filter((count) => count >= 1).length,
    digestsDoubled: firstMessages.filter((count) => count > 1).length,
    digestsMissing: firstMessages.filter((count) => count === 0).length,
    missing: expected.filter((_, index) => firstMessages[index] === 0).slice(0, 10).map((slot) => ({ ...slot, timezone: plan.schedules.find((schedule) => schedule.id === slot.scheduleId)?.timezone, at: new Date(slot.at).toISOString() })),
    messages: digests.length,
    messagesDoubled: [...byNonce.values()].filter((count) => count > 1).length,
    messagesForNoDueSlot: digests.filter((message) => !message.nonce || !knownNonces.has(message.nonce)).length,
    updates: sent.length - digests.length,
    storiesPosted: sent.reduce((total, message) => total + message.stories.length, 0),
    // A story whose every report was already there when its source was first read.
    backlogPosted: sent.flatMap((message) => message.stories).filter((urls) => urls.every(feeds!.isBacklog)).length,
    storiesWithABacklogReport: sent.flatMap((message) => message.stories).filter((urls) => urls.some(feeds!.isBacklog)).length,
    mentionsParsed: sent.filter((message) => message.parse === undefined || message.parse.length > 0).length,
    otherRolesAllowed: sent.filter((message) => message.roles.some((role) => role !== channelSchedule.get(message.channelId)?.mentionRoleId)).length,
    heapDay1MB: +(heap[0]! / 2 ** 20).toFixed(1),
    heapLastDayMB: +(heap.at(-1)! / 2 ** 20).toFixed(1),
  };
  console.log(`simulated week: ${JSON.stringify(figures)}`);
  return { figures, heap };
}

describe(`a simulated week (${DAYS} days; HERALD_WEEK_DAYS sets how many)`, () => {
  let week: Awaited<ReturnType<typeof simulateWeek>>;
  beforeAll(async () => {
    week = await simulateWeek();
  }, 900_000);

  it('went through every kind of fault, two kill -9s mid-delivery and a restart every day, and posted stories', () => {
    const { faults, gateway, kills, restarts, storiesPosted } = week.figures;
    expect({ discord5xx: faults.discord5xx > 0, discord429: faults.discord429 > 0, gatewayResumes: gateway.resumes > 0, feedOutages: faults.feedOutageAnswers > 0, stories: storiesPosted > 0 }).toEqual({
      discord5xx: true,
      discord429: true,
      gatewayResumes: true,
      feedOutages: true,
      stories: true,
    });
    expect(kills).toBe(KILL_DAYS.length);
    expect(restarts).toBe(DAYS - 1 + KILL_DAYS.length);
  });

  it('delivered every due digest exactly once: none missing, none doubled, nothing for a slot that was not due', () => {
    expect(week.figures).toMatchObject({ digestsMissing: 0, digestsDoubled: 0, messagesDoubled: 0, messagesForNoDueSlot: 0 });
  });

  it('posted no backlog story', () => {
    expect(week.figures.backlogPosted).toBe(0);
  });

  it('let no message parse mentions, and a digest ping only its schedule’s role', () => {
    expect(week.figures).toMatchObject({ mentionsParsed: 0, otherRolesAllowed: 0 });
  });

  it('kept the heap and array buffers after garbage collection on the last day within 10% of the first day’s', () => {
    expect(week.heap.at(-1)! / week.heap[0]!).toBeLessThanOrEqual(1.1);
  });
});

/** The minute within [from, to] at which the most digests are due, and those digests. */
function busiestMinute(slots: ExpectedSlot[], from: number, to: number): { at: number; slots: ExpectedSlot[] } {
  const byMinute = new Map<number, ExpectedSlot[]>();
  for (const slot of slots) if (slot.at >= from && slot.at <= to) byMinute.set(slot.at, [...(byMinute.get(slot.at) ?? []), slot]);
  const [at, due] = [...byMinute.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  return { at, slots: due };
}
