import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';
import { createKeyvGuildSettingsRepository } from '../../src/store/guild-settings-repository.ts';
import { openStore } from '../../src/store/open-store.ts';
import { option, sub } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { killAllHerald, startHerald, type HeraldProcess } from '../support/herald-process.ts';
import { writeUnrelatedArticles } from '../support/unrelated-articles.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const SCHEDULE_ID = 'evening1';

let discord: LoopbackDiscord;
let folder: string;
let config: string;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] }] });
  folder = await mkdtemp(path.join(tmpdir(), 'herald-send-now-'));
  await writeUnrelatedArticles(path.join(folder, 'articles'), 12, { headlineWords: 30 });
  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  config = path.join(folder, 'config.json');
  // The articles stand for news that arrived after the schedule was set, not for a backlog to hold back.
  await writeFile(config, JSON.stringify({ ...defaults, sources: [path.join(folder, 'articles')], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), await loadCommands(), { clientId: discord.applicationId, guildId: GUILD });
}, 30_000);

afterAll(async () => {
  await killAllHerald();
  await discord?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A schedule whose slot is twelve hours away, so that only send-now posts while the test runs; long summaries make its digest span messages. */
async function eveningSchedule(store: string): Promise<void> {
  const opened = await openStore(store);
  const hour = (new Date().getUTCHours() + 12) % 24;
  await createKeyvGuildSettingsRepository(opened).update(GUILD, (settings) => ({
    ...settings,
    schedules: [{ id: SCHEDULE_ID, channelId: NEWS, crons: [`0 ${hour} * * *`], when: `${hour}:00`, timezone: 'UTC', topics: [], maxItems: 10, summary: 'long', createdBy: 'admin', createdAt: new Date().toISOString() }],
  }));
  await opened.close();
}

function startBot(store: string): HeraldProcess {
  return startHerald({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: config });
}

function storyUrls(): string[] {
  return discord.channelMessages(NEWS).flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.url).filter((url): url is string => Boolean(url)));
}

describe('send-now across a kill -9', () => {
  it('finishes a send-now digest cut short by kill -9 after a restart: every story once, no message twice', async () => {
    const store = path.join(folder, 'herald.sqlite');
    await eveningSchedule(store);
    const first = startBot(store);
    await first.logged('"connected to Discord"');
    await first.logged('"ingest finished"');
    void discord.runCommand({ guildId: GUILD, channelId: NEWS, permissions: ADMIN_PERMISSIONS, name: 'schedule', options: [sub('send-now', [option('schedule', SCHEDULE_ID)])] });
    // The first message is posted; the rest of the digest is held back, and the process dies under way.
    await discord.waitForChannelMessage(NEWS, undefined, 20_000);
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${NEWS}/messages`) }, { status: 429, retryAfterSeconds: 3 }, 2);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(discord.channelMessages(NEWS)).toHaveLength(1);

    const second = startBot(store);
    await second.logged('"digest posted"');
    // Every run the restart took up has begun once this is logged, and stopping waits for each to end: after a
    // clean exit nothing more can be posted, so the counts below are final (rather than read after a while).
    await second.logged('"polling sources and delivering digests"');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    const urls = storyUrls();
    expect(discord.channelMessages(NEWS).length).toBeGreaterThan(1);
    expect(urls).toHaveLength(10);
    expect(new Set(urls).size).toBe(10);
  }, 60_000);
});
