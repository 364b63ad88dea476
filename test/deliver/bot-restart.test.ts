import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyvDeliveryJournal } from '../../src/deliver/delivery-journal.ts';
import { createKeyvGuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';
import { NONCE_WINDOW_MS } from '../support/discord/channel-posts.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { killAllHerald, startHerald, type HeraldProcess } from '../support/herald-process.ts';
import { DETAILS, STORIES } from '../support/local-stories.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const SPORT = '1300000000000000002';
const CULTURE = '1300000000000000003';
const WORLD = '1300000000000000004';

let discord: LoopbackDiscord;
let folder: string;
let config: string;

async function writeArticles(directory: string, stories = STORIES, first = 0): Promise<void> {
  await mkdir(directory, { recursive: true });
  await Promise.all(
    stories.map(([title, body], offset) => {
      const index = first + offset;
      return writeFile(
        path.join(directory, `story-${index}.html`),
        `<html><head><title>${title}</title><meta property="og:url" content="https://local.example/story-${index}"></head><body><article><h1>${title}</h1><p>${body} ${DETAILS[index % DETAILS.length]}</p></article></body></html>`,
      );
    }),
  );
}

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }, { id: SPORT, name: 'sport' }, { id: CULTURE, name: 'culture' }, { id: WORLD, name: 'world' }] }] });
  folder = await mkdtemp(path.join(tmpdir(), 'herald-restart-'));
  await writeArticles(path.join(folder, 'articles'));
  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  config = path.join(folder, 'config.json');
  // The articles stand for news that arrived after the schedules were set, not for a backlog to hold back.
  await writeFile(config, JSON.stringify({ ...defaults, sources: [path.join(folder, 'articles')], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
});

afterAll(async () => {
  await killAllHerald();
  await discord?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Channels' schedules whose slot was two minutes ago, so the bot makes them up as soon as it starts. */
async function scheduleJustMissed(store: string, channelIds = [NEWS, SPORT]): Promise<void> {
  const opened = await openStore(store);
  const due = new Date(Date.now() - 2 * 60_000);
  const schedule = (id: string, channelId: string) => ({ id, channelId, crons: [`${due.getUTCMinutes()} ${due.getUTCHours()} * * *`], when: 'morning', timezone: 'UTC', topics: [], maxItems: 10, createdBy: 'admin', createdAt: new Date(Date.now() - 86_400_000).toISOString() });
  await createKeyvGuildSettingsRepository(opened).update(GUILD, (settings) => ({ ...settings, schedules: channelIds.map((channelId) => schedule(`s-${channelId}`, channelId)) }));
  await opened.close();
}

/** What a store's delivery journal says of a schedule: its runs begun and not finished, and when its last one finished. */
async function runsOf(store: string, scheduleId: string): Promise<{ unfinished: string[]; lastFinished: string | undefined }> {
  const opened = await openStore(store);
  try {
    const journal = createKeyvDeliveryJournal(opened, 86_400_000);
    return { unfinished: (await journal.unfinished(scheduleId)).map((run) => run.slot), lastFinished: await journal.lastFinished(scheduleId) };
  } finally {
    await opened.close();
  }
}

function startBot(store: string): HeraldProcess {
  return startHerald({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: config });
}

function storyUrls(channelId: string): string[] {
  return discord.channelMessages(channelId).flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.url).filter((url): url is string => Boolean(url)));
}

describe('delivery across restarts', () => {
  it('finishes a digest cut short by kill -9 after a restart, with no message twice and no story missing', async () => {
    const store = path.join(folder, 'killed.sqlite');
    await scheduleJustMissed(store);
    // One channel's digest is held back, so that the process dies with the other posted and this one under way.
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${SPORT}/messages`) }, { status: 429, retryAfterSeconds: 3 }, 2);
    const first = startBot(store);
    await discord.waitForChannelMessage(NEWS, undefined, 20_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(discord.channelMessages(SPORT)).toHaveLength(0);
    const second = startBot(store);
    await discord.waitForChannelMessage(SPORT, undefined, 20_000);
    // Once this is logged every run the restart makes up has begun, and stopping waits for each to end: after a
    // clean exit nothing more can be posted, so the counts below are final (rather than read after a while).
    await second.logged('"polling sources and delivering digests"');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    for (const channelId of [NEWS, SPORT]) {
      const urls = storyUrls(channelId);
      expect(urls).toHaveLength(10);
      expect(new Set(urls).size).toBe(10);
    }
  }, 60_000);

  it('does not post a finished digest again when the bot restarts on the same store, though news arrived meanwhile', async () => {
    const store = path.join(folder, 'finished.sqlite');
    await scheduleJustMissed(store, [WORLD]);
    const first = startBot(store);
    await first.logged('"digest posted"');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const before = discord.channelMessages(WORLD).length;
    expect(before).toBeGreaterThan(0);
    const finishedAt = await runsOf(store, `s-${WORLD}`);
    expect(finishedAt.unfinished).toEqual([]);
    // News the digest did not have, and Discord's memory of nonces gone, so that only the slot's journal keeps the
    // restart from making up the slot that was already delivered.
    await writeArticles(path.join(folder, 'articles'), [['Harbour ferry timetable changes', 'The harbour ferry moves to a winter timetable from Monday, with two fewer crossings a day.']], STORIES.length);
    discord.setNonceWindow(0);
    const again = startBot(store);
    try {
      // Delivery has started once this is logged, and stopping waits for every run it began: a second run of the
      // slot would be left in the journal, begun (its posts fail once the bot has logged out) or finished.
      await again.logged('"polling sources and delivering digests"');
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    } finally {
      discord.setNonceWindow(NONCE_WINDOW_MS);
    }
    expect(await runsOf(store, `s-${WORLD}`)).toEqual(finishedAt);
    expect(discord.channelMessages(WORLD)).toHaveLength(before);
  }, 60_000);

  it('finishes the digest it is posting when told to stop, then exits 0', async () => {
    const store = path.join(folder, 'terminated.sqlite');
    await scheduleJustMissed(store, [CULTURE]);
    const limited = () => discord.requests.some((request) => request.status === 429 && request.path === `/channels/${CULTURE}/messages`);
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${CULTURE}/messages`) }, { status: 429, retryAfterSeconds: 2 }, 1);
    const bot = startBot(store);
    while (!limited()) await new Promise((resolve) => setTimeout(resolve, 50));
    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(storyUrls(CULTURE)).toHaveLength(10);
  }, 60_000);
});
