import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ChannelType, REST, type APIApplicationCommandInteractionDataOption, type APIEmbed } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import type { HeraldApp } from '../../src/herald-app.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import { DAM_REPORTS, damReport, type DamReport } from '../support/dam-reports.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, type CommandInput, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const REGION = '1300000000000000002';
const FORUM = '1300000000000000003';
const QUIET = '1300000000000000004';
const ADMIN = { id: '1400000000000000009', username: 'editor' };

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let app: HeraldApp;
let folder: string;
let articles: string;
const schedules = new Map<string, Schedule>();

const admin = (input: Omit<CommandInput, 'guildId' | 'channelId'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, ...input });
const updatesOff = { name: 'updates', type: 5, value: false } as APIApplicationCommandInteractionDataOption;

function text(message: StoredMessage | undefined): string {
  const embeds = (message?.embeds ?? []) as APIEmbed[];
  return [message?.content ?? '', ...embeds.map((embed) => embed.description ?? '')].join('\n');
}

async function reply(input: CommandInput): Promise<StoredMessage> {
  return (await discord.runCommand(input)).waitForOriginal();
}

/** A site publishes a report, and Herald keeps it, as its next read of the source would (one due in minutes, not now). */
async function published(report: DamReport): Promise<void> {
  const location = path.join(articles, `${report}.html`);
  await copyFile(path.join(DAM_REPORTS, `${report}.html`), location);
  await app.engine.articles.add({ ...(await damReport(report, new Date())), source: { kind: 'file', location } });
}

const updatesIn = (messages: StoredMessage[]) => messages.filter((message) => message.content.startsWith('🔄'));

// Each test has a Herald of its own, whose four channels have just been sent the morning's digest: what one test's
// updates leave in the store and on Discord is not another's starting point.
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'herald-updates-'));
  articles = path.join(folder, 'articles');
  await mkdir(articles);
  for (const report of ['coastline-dam', 'library']) await copyFile(path.join(DAM_REPORTS, `${report}.html`), path.join(articles, `${report}.html`));
  const loaded = await loadConfig({ HERALD_STORE: `sqlite://${path.join(folder, 'herald.sqlite')}` });
  herald = await startHeraldOnLoopback({
    guilds: [
      {
        id: GUILD,
        name: 'Newsroom',
        ownerId: '1400000000000000001',
        channels: [
          { id: NEWS, name: 'news' },
          { id: REGION, name: 'region' },
          { id: FORUM, name: 'digests', type: ChannelType.GuildForum },
          { id: QUIET, name: 'quiet' },
        ],
      },
    ],
    // The reports stand for news that arrived after the schedules were set, not for a backlog to hold back.
    config: { ...loaded, sources: [articles], ingest: { ...loaded.ingest, seedFirstPoll: false } },
  });
  ({ discord, app } = herald);
  await app.ingestAll();
  await herald.bot.login(discord.token);
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId, guildId: GUILD });
  // Each channel's 06:00 digest goes out with the Coastline Post's first report of the dam.
  for (const [channelId, extra] of [[NEWS], [REGION], [FORUM], [QUIET, updatesOff]] as const) {
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', channelId), option('time', '06:00'), option('timezone', 'UTC'), ...(extra ? [extra] : [])])] }));
    const schedule = (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === channelId)!;
    schedules.set(channelId, schedule);
    expect(await app.scheduler.run(GUILD, schedule, 'morning')).toBe(2);
  }
}, 60_000);

afterEach(async () => {
  await herald?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('updates of a developing story, on Discord', () => {
  it('posts no update when another site prints a copy of the report a channel was sent', async () => {
    await published('gazette-dam');
    expect(await app.updater.checkAll()).toBe(0);
    expect(discord.threadsIn(NEWS)).toEqual([]);
    expect(updatesIn(discord.forumPosts(FORUM)[0]!.messages)).toEqual([]);
  });

  it('posts one update in a thread on the digest message when a second site reports the story', async () => {
    await published('harbour-dam');
    expect(await app.updater.check(GUILD, schedules.get(NEWS)!)).toBe(1);
    expect(await app.updater.check(GUILD, schedules.get(NEWS)!)).toBe(0);
    const [digest] = discord.channelMessages(NEWS);
    const threads = discord.threadsIn(NEWS);
    expect(threads.map((thread) => [thread.id, thread.name])).toEqual([[digest!.id, 'Updates: Valley dam spillway cracks force evacuation of Millbrook']]);
    const [update] = threads[0]!.messages;
    expect(threads[0]!.messages).toHaveLength(1);
    expect(update!.content).toContain('Harbour Times now reports it. New: 4,000 evacuated, 1.2 metres, Ana Ruiz.');
    expect(update!.content).toContain('(https://harbour.example/millbrook-dam-evacuation)');
    expect(update!.allowed_mentions?.parse).toEqual([]);
    expect(discord.channelMessages(NEWS)).toHaveLength(1);
  });

  it('in a forum, posts the update inside the digest’s post', async () => {
    await published('harbour-dam');
    expect(await app.updater.check(GUILD, schedules.get(FORUM)!)).toBe(1);
    const posts = discord.forumPosts(FORUM);
    expect(posts).toHaveLength(1);
    expect(updatesIn(posts[0]!.messages).map((message) => message.content)).toEqual([expect.stringContaining('Harbour Times now reports it.')]);
  });

  it('finishes an update cut short by a restart, and it is posted exactly once', async () => {
    await published('harbour-dam');
    // The update's message fails past the REST client's retries, after its thread is open.
    discord.failNext({ method: 'POST', path: /\/channels\/\d+\/messages$/ }, { status: 503 }, 4);
    await expect(app.updater.check(GUILD, schedules.get(REGION)!)).rejects.toThrow();
    expect(discord.threadsIn(REGION).flatMap((thread) => thread.messages)).toEqual([]);
    app = await herald.restartApp();
    expect(await app.updater.check(GUILD, schedules.get(REGION)!)).toBe(1);
    expect(await app.updater.check(GUILD, schedules.get(REGION)!)).toBe(0);
    const threads = discord.threadsIn(REGION);
    expect(threads).toHaveLength(1);
    expect(updatesIn(threads[0]!.messages)).toHaveLength(1);
  }, 30_000);

  it('posts none in a channel whose schedule has updates turned off, and says so in /schedule list', async () => {
    await published('harbour-dam');
    // One update each in the three channels that take them.
    expect(await app.updater.checkAll()).toBe(3);
    expect(discord.threadsIn(QUIET)).toEqual([]);
    expect(text(await reply(admin({ name: 'schedule', options: [sub('list')] })))).toMatch(new RegExp(`<#${QUIET}>[^\\n]*no updates`));
  });

  it('lists the update sent for the story in /status story:', async () => {
    await published('harbour-dam');
    expect(await app.updater.check(GUILD, schedules.get(NEWS)!)).toBe(1);
    const answer = text(await reply(admin({ name: 'status', options: [option('story', 'https://harbour.example/millbrook-dam-evacuation')] })));
    expect(answer).toMatch(new RegExp(`<#${NEWS}>: updated <t:\\d+:f> with Harbour Times https://discord.com/channels/${GUILD}/\\d+/\\d+`));
  });
});
