import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load-config.ts';
import { createKeyvDeliveryJournal } from '../src/deliver/delivery-journal.ts';
import { contentMessage } from '../src/discord/render/message-payload.ts';
import { createDiscordBot, type DiscordBot } from '../src/discord/discord-bot.ts';
import { loadCommands } from '../src/discord/load-commands.ts';
import { startHeraldApp, type HeraldApp } from '../src/herald-app.ts';
import { createLogger } from '../src/logger.ts';
import type { Schedule } from '../src/store/guild-settings-repository.ts';
import { openStore } from '../src/store/open-store.ts';
import { startLoopbackDiscord, type GuildSetup, type LoopbackDiscord, type RecordedRequest } from '../test/support/discord/loopback-discord.ts';
import { median, percentile, type BenchSection } from './report.ts';

/** Discord caps a server at 500 channels, so the 1,000 are spread over four servers, as a bot in several servers sees them. */
const GUILD_COUNT = 4;
const DAY_MS = 86_400_000;
const CHANNELS_PER_GUILD = 250;
/** Discord's global limit per bot, which the loopback enforces as Discord does. */
const GLOBAL_PER_SECOND = 50;
const PER_CHANNEL = { messages: 5, windowMs: 5_000 };
/** Far beyond the 20–40 s the deliveries should take at 50 requests/s: a stuck queue fails the bench instead of hanging it. */
const DEADLINE_MS = 120_000;
/** The mornings already delivered to every channel, as a month-old deployment's store holds them. */
const HISTORY_DAYS = 7;

function guildSetups(): GuildSetup[] {
  return Array.from({ length: GUILD_COUNT }, (_, guild) => ({
    id: `120000000000000000${guild + 1}`,
    name: `Bench ${guild + 1}`,
    ownerId: `140000000000000000${guild + 1}`,
    channels: Array.from({ length: CHANNELS_PER_GUILD }, (_, channel) => {
      const index = guild * CHANNELS_PER_GUILD + channel;
      return { id: `13000000000000${String(index).padStart(5, '0')}`, name: `news-${index}` };
    }),
  }));
}

/** Every channel's digest at 08:00 UTC with the defaults an admin gets from /schedule set. */
function scheduleFor(channelId: string, maxItems: number, createdAt: string): Schedule {
  return { id: `bench-${channelId.slice(-5)}`, channelId, crons: ['0 8 * * *'], when: '08:00', timezone: 'UTC', topics: [], maxItems, createdBy: '1400000000000000009', createdAt };
}

/** The most of `times` (ms) that fall in any `windowMs` window, wherever it starts. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

interface Delivery {
  channels: number;
  messages: number;
  requests: RecordedRequest[];
  /** From the moment every run was started to the last message Discord accepted. */
  wallMs: number;
  settledMs: number;
  firstPostMs: number;
  /** When each channel's last message arrived, from the start. */
  channelMs: number[];
  busiestSecond: number;
  busiestChannelWindow: number;
  stories: number;
  failures: string[];
}

/** Every channel's digests of the past HISTORY_DAYS mornings, journaled as sent, in the store the bench then opens. */
async function writeHistory(file: string, channelIds: string[], maxItems: number): Promise<number> {
  const store = await openStore(file);
  const journal = createKeyvDeliveryJournal(store, 30 * DAY_MS);
  const message = contentMessage('A digest of earlier news. '.repeat(120));
  let written = 0;
  for (let day = HISTORY_DAYS; day >= 1; day -= 1) {
    const slot = new Date(Date.now() - day * DAY_MS).toISOString().slice(0, 10) + 'T08:00';
    for (const channelId of channelIds) {
      const schedule = scheduleFor(channelId, maxItems, '');
      await journal.save({ scheduleId: schedule.id, guildId: '', channelId, slot, status: 'sent', messages: [message], nonces: ['n'], messageIds: ['1'], articleIds: [], stories: maxItems, startedAt: `${slot}:00.000Z` });
      written += 1;
    }
  }
  await store.close();
  return written;
}

async function deliverToEveryChannel(discord: LoopbackDiscord, app: HeraldApp, maxItems: number): Promise<Delivery> {
  const createdAt = new Date().toISOString();
  const schedules = new Map<string, Schedule[]>();
  for (const guild of discord.guilds) {
    const own = guild.channels.map((channel) => scheduleFor(channel.id, maxItems, createdAt));
    await app.guilds.update(guild.id, (settings) => ({ ...settings, schedules: [...settings.schedules, ...own] }));
    schedules.set(guild.id, own);
  }
  const channelIds = discord.guilds.flatMap((guild) => guild.channels.map((channel) => channel.id));
  const before = discord.requests.length;

  const startedAt = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: the digests were not all delivered within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  });
  const outcomes = await Promise.race([
    Promise.all(
      [...schedules].flatMap(([guildId, own]) =>
        own.map((schedule) =>
          app.scheduler.run(guildId, schedule).then(
            (stories) => ({ channelId: schedule.channelId, stories }),
            (error: unknown) => ({ channelId: schedule.channelId, error: String(error) }),
          ),
        ),
      ),
    ),
    deadline,
  ]).finally(() => clearTimeout(timer));
  const settledMs = Date.now() - startedAt;

  const requests = discord.requests.slice(before);
  const accepted = requests.filter((request) => request.method === 'POST' && request.status < 300);
  const lastAt = new Map<string, number>();
  for (const request of accepted) lastAt.set(request.path, Math.max(lastAt.get(request.path) ?? 0, request.at));
  const failures = [
    ...outcomes.flatMap((outcome) => ('error' in outcome ? [`${outcome.channelId}: ${outcome.error}`] : outcome.stories === 0 ? [`${outcome.channelId}: no stories posted`] : [])),
    ...channelIds.filter((id) => discord.channelMessages(id).length === 0).map((id) => `${id}: no message in the channel`),
    ...requests.filter((request) => request.status >= 300 && request.status !== 429).map((request) => `${request.method} ${request.path}: ${request.status}`),
  ];
  const perChannel = channelIds.map((id) => busiestWindow(accepted.filter((request) => request.path === `/channels/${id}/messages`).map((request) => request.at), PER_CHANNEL.windowMs));
  return {
    channels: channelIds.length,
    messages: channelIds.reduce((sum, id) => sum + discord.channelMessages(id).length, 0),
    requests,
    wallMs: Math.max(0, ...lastAt.values()) - startedAt,
    settledMs,
    firstPostMs: Math.min(...requests.map((request) => request.at)) - startedAt,
    channelMs: [...lastAt.values()].map((at) => at - startedAt),
    busiestSecond: busiestWindow(requests.map((request) => request.at), 1_000),
    busiestChannelWindow: Math.max(0, ...perChannel),
    stories: outcomes.reduce((sum, outcome) => sum + ('stories' in outcome ? outcome.stories : 0), 0),
    failures,
  };
}

const fixed = (value: number, digits = 1): string => value.toFixed(digits);
const count = (value: number): string => value.toLocaleString('en-US');
const share = (value: number): string => `${Math.round(value * 100)}%`;

/**
 * Digest delivery at scale: 1,000 channels' digests all due at once, posted by the real discord.js client
 * through the loopback Discord, which enforces Discord's rate limits, set beside the ideal of sending every
 * request at exactly the global limit.
 */
export default async function benchDelivery(): Promise<BenchSection> {
  const logger = createLogger({ HERALD_LOG_LEVEL: 'silent' });
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-bench-delivery-'));
  const file = path.join(folder, 'herald.sqlite');
  const loaded = await loadConfig({ HERALD_STORE: file });
  // The samples stand for the news of the night before, not a backlog to hold back.
  const config = { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false } };
  const history = await writeHistory(file, guildSetups().flatMap((guild) => guild.channels.map((channel) => channel.id)), config.schedules.maxItems);
  let discord: LoopbackDiscord | undefined;
  let app: HeraldApp | undefined;
  let bot: DiscordBot | undefined;
  let delivery: Delivery;
  let articles: number;
  try {
    discord = await startLoopbackDiscord({ guilds: guildSetups() });
    bot = createDiscordBot({ apiBase: discord.apiBase, commands: await loadCommands(), services: () => app!.services, logger });
    app = await startHeraldApp({ config, env: {}, logger, poster: bot.poster });
    await app.ingestAll();
    articles = await app.newsroom.count();
    await bot.login(discord.token);
    delivery = await deliverToEveryChannel(discord, app, config.schedules.maxItems);
  } finally {
    await bot?.stop();
    await app?.stop();
    await discord?.close();
    await rm(folder, { recursive: true, force: true });
  }

  const total = delivery.requests.length;
  const limited = (scope: 'global' | 'user'): number => delivery.requests.filter((request) => request.limitedBy === scope).length;
  const served = total - limited('global') - limited('user');
  const wallS = delivery.wallMs / 1000;
  const idealS = served / GLOBAL_PER_SECOND;
  const rate = total / wallS;
  const postingRate = total / (wallS - delivery.firstPostMs / 1000);
  return {
    title: 'Digest delivery',
    table: [
      ['delivery', 'channels', 'messages', 'REST requests', 'first post s', 'wall s', 'messages/s', 'requests/s', 'of the 50/s limit', 'of it while posting', 'busiest 1 s', '429s global', '429s per channel', 'failures'],
      [
        'Herald: every digest due at 08:00',
        count(delivery.channels),
        count(delivery.messages),
        count(total),
        fixed(delivery.firstPostMs / 1000),
        fixed(wallS),
        fixed(delivery.messages / wallS),
        fixed(rate),
        share(rate / GLOBAL_PER_SECOND),
        share(postingRate / GLOBAL_PER_SECOND),
        count(delivery.busiestSecond),
        count(limited('global')),
        count(limited('user')),
        count(delivery.failures.length),
      ],
      [
        'ideal: each request at exactly 50/s',
        count(delivery.channels),
        count(delivery.messages),
        count(served),
        '0.0',
        fixed(idealS),
        fixed(delivery.messages / idealS),
        fixed(GLOBAL_PER_SECOND),
        '100%',
        '100%',
        count(GLOBAL_PER_SECOND),
        '0',
        '0',
        '0',
      ],
    ],
    notes: [
      `Setup: the loopback Discord (test/support/discord) with ${GUILD_COUNT} servers of ${CHANNELS_PER_GUILD} text channels, enforcing ${GLOBAL_PER_SECOND} requests/s for the bot and ${PER_CHANNEL.messages} messages per ${PER_CHANNEL.windowMs / 1000} s per channel in fixed windows, as Discord does; the real discord.js client logged in through createDiscordBot; Herald from startHeraldApp over a SQLite store holding the ${count(articles)} articles of config/samples and ${count(history)} digests of the ${HISTORY_DAYS} mornings before, journaled as sent. Both run in this one Node process, so their CPU is shared.`,
      `Run: one schedule per channel (08:00 UTC, up to ${config.schedules.maxItems} stories, no topics), stored through app.guilds.update, then app.scheduler.run for all ${count(delivery.channels)} at once, as if every one fired at 08:00; ${count(delivery.stories)} stories went out in ${count(delivery.messages)} messages. Every channel is then checked to hold its digest by the loopback's channelMessages.`,
      `Wall: from starting the runs to the arrival of the last message Discord accepted (the runs had all resolved at ${fixed(delivery.settledMs / 1000)} s). First post: when the first request reached Discord; before it, the runs were composing their digests and journaling them, all ${count(delivery.channels)} at once. A channel held its whole digest after ${fixed(median(delivery.channelMs) / 1000)} s at the median, ${fixed(percentile(delivery.channelMs, 99) / 1000)} s at p99.`,
      `Rate: REST requests as the loopback counted them (429s included) over the wall time, and as a share of the ${GLOBAL_PER_SECOND}/s global limit, which binds here: no channel received more than ${delivery.busiestChannelWindow} of its ${PER_CHANNEL.messages} messages allowed in any ${PER_CHANNEL.windowMs / 1000} s. "While posting" is the same share from the first post to the last. Busiest 1 s is the most requests that arrived in any second-long span; it can exceed ${GLOBAL_PER_SECOND} without a 429 when the span straddles two of Discord's fixed windows. The ideal sends the ${count(served)} requests that were served at exactly ${GLOBAL_PER_SECOND}/s from the first instant: ${fixed(idealS)} s, against which Herald took ${fixed(wallS / idealS, 2)}x.`,
      `429s: the responses the loopback sent as Discord would, by the limit that refused them (global, or the channel's message bucket); the goal is none. ${delivery.failures.length ? `Failures: ${delivery.failures.slice(0, 5).join('; ')}${delivery.failures.length > 5 ? `; and ${count(delivery.failures.length - 5)} more` : ''}.` : 'Failures (runs that threw or posted nothing, channels left empty, errors other than 429): none.'}`,
    ],
  };
}
