import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { spawn } from 'node:child_process';
import { openPostgresEngine } from '../../src/store/postgres/postgres-engine.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import type { GuildSetup, LoopbackDiscord } from './discord/loopback-discord.ts';
import { DETAILS, STORIES } from './local-stories.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DAY = 86_400_000;
/** Discord puts a guild on shard (id >> 22) % count; guild ids this far apart alternate between two shards. */
const SHARD_STEP = 1n << 22n;

/** `count` guilds of `channels` text channels each, alternating between shards 1 and 0 of two. */
export function fleetGuilds(count: number, channels: number): GuildSetup[] {
  return Array.from({ length: count }, (_, guild) => ({
    id: String(1_200_000_000_000_000_001n + BigInt(guild) * SHARD_STEP),
    name: `Guild ${guild}`,
    ownerId: '1400000000000000001',
    channels: Array.from({ length: channels }, (_, channel) => ({ id: String(1_300_000_000_000_000_001n + BigInt(guild * 1_000 + channel)), name: `news-${channel}` })),
  }));
}

/** A folder of ten local stories as HTML pages, and a config that reads it with nothing held back as backlog. */
export async function fleetFiles(): Promise<{ folder: string; articles: string; config: string; close(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'herald-fleet-'));
  const articles = path.join(folder, 'articles');
  await mkdir(articles);
  await Promise.all(
    STORIES.slice(0, 10).map(([title, body], index) =>
      writeFile(
        path.join(articles, `story-${index}.html`),
        `<html><head><title>${title}</title><meta property="og:url" content="https://local.example/story-${index}"></head><body><article><h1>${title}</h1><p>${body} ${DETAILS[index]}</p></article></body></html>`,
      ),
    ),
  );
  const defaults = JSON.parse(await readFile(path.join(ROOT, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  const config = path.join(folder, 'config.json');
  // The stories stand for news that arrived after the schedules were set, not for a backlog to hold back.
  await writeFile(config, JSON.stringify({ ...defaults, sources: [articles], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
  return { folder, articles, config, close: () => rm(folder, { recursive: true, force: true }) };
}

/**
 * Gives every channel of the guilds a schedule whose daily slot came `minutesAgo` minutes ago, so that workers
 * starting now make every one up at once: every digest is due at the same minute.
 */
export async function scheduleChannelsJustMissed(engine: StoreEngine, guilds: GuildSetup[], options: { minutesAgo: number; maxItems: number }): Promise<void> {
  const due = new Date(Date.now() - options.minutesAgo * 60_000);
  for (const guild of guilds) {
    const schedules: Schedule[] = guild.channels.map((channel) => ({
      id: `s-${channel.id}`,
      channelId: channel.id,
      crons: [`${due.getUTCMinutes()} ${due.getUTCHours()} * * *`],
      when: 'morning',
      timezone: 'UTC',
      topics: [],
      maxItems: options.maxItems,
      createdBy: 'admin',
      createdAt: new Date(Date.now() - DAY).toISOString(),
    }));
    await engine.guilds.update(guild.id, (settings) => ({ ...settings, schedules }));
  }
}

/** The same on a store of its own: a schedule for every channel whose slot came two minutes ago, so that the first worker to start makes it up. */
export async function scheduleEveryChannelJustMissed(store: string, guilds: GuildSetup[]): Promise<void> {
  const engine = await openPostgresEngine(store, { retentionMs: 30 * DAY, poolSize: 2 });
  try {
    await scheduleChannelsJustMissed(engine, guilds, { minutesAgo: 2, maxItems: 10 });
  } finally {
    await engine.close();
  }
}

/** The story links of every embed a channel was sent, in order: a digest of ten stories sent once shows ten, each once. */
export function storyUrls(discord: LoopbackDiscord, channelId: string): string[] {
  return discord.channelMessages(channelId).flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.url).filter((url): url is string => Boolean(url)));
}

/** Waits until every channel holds `stories` story links, checking as messages arrive. */
export async function everyChannelHas(discord: LoopbackDiscord, channelIds: string[], stories: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const short = channelIds.filter((channelId) => storyUrls(discord, channelId).length < stories);
    if (short.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${short.length} of ${channelIds.length} channels still lack their digest, e.g. ${short.slice(0, 3).join(', ')}`);
    const channelId = short[0]!;
    await discord.waitForChannelMessage(channelId, () => storyUrls(discord, channelId).length >= stories, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

/**
 * `herald ingest` as a process of its own, into a store. A fleet's workers read their sources when they
 * start, but a worker that finds another reading them goes on to deliver at once: the tests ingest first, so
 * that every digest holds the same stories whichever worker composes it.
 */
export function ingestProcess(store: string, config: string, ...inputs: string[]): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ingest', ...inputs, '--json'], { cwd: ROOT, env: { ...process.env, HERALD_STORE: store, HERALD_CONFIG: config } });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.resume();
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout })));
}

/** The channels that were not sent exactly `stories` stories, each once: none, when every digest went out once. */
export function channelsNotSentOnce(discord: LoopbackDiscord, channelIds: string[], stories: number): Array<{ channelId: string; urls: string[] }> {
  return channelIds.map((channelId) => ({ channelId, urls: storyUrls(discord, channelId) })).filter(({ urls }) => urls.length !== stories || new Set(urls).size !== stories);
}
