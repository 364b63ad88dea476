import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { validateMessage } from '../../src/discord/render/embed-limits.ts';
import type { MessagePayload } from '../../src/discord/render/message-payload.ts';
import type { Schedule } from '../../src/store/guild-settings-repository.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, type CommandInput, type StoredMessage } from '../support/discord/loopback-discord.ts';
import { writeUnrelatedArticles } from '../support/unrelated-articles.ts';

const GUILD = '1200000000000000001';
const ADMIN = { id: '1400000000000000009', username: 'editor' };
const CHANNELS = { compact: '1300000000000000001', headlines: '1300000000000000002', images: '1300000000000000003', preview: '1300000000000000004', midnight: '1300000000000000005', paused: '1300000000000000006', plain: '1300000000000000007', closed: '1300000000000000008', pinged: '1300000000000000009', edited: '1300000000000000010', refused: '1300000000000000011', listed: '1300000000000000012', listedCompact: '1300000000000000013', carried: '1300000000000000014' };
const READERS = '1500000000000000001';

let herald: HeraldOnLoopback;
let folder: string;
const START = new Date('2024-09-12T09:00:00Z');
const clock = { at: START };
let written = 0;

/** Articles arrive: written to the source folder and read, as a poll reads them. */
async function arrive(count: number): Promise<string[]> {
  const headlines = await writeUnrelatedArticles(path.join(folder, 'articles'), count, { first: written, headlineWords: 30 });
  written += count;
  await herald.app.ingestAll();
  return headlines;
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'herald-schedule-'));
  const loaded = await loadConfig({ HERALD_STORE: `sqlite://${path.join(folder, 'herald.sqlite')}` });
  herald = await startHeraldOnLoopback({
    guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', roles: [{ id: READERS, name: 'readers' }], channels: Object.entries(CHANNELS).map(([name, id]) => ({ id, name })) }],
    // The articles stand for news that arrived after the schedules were set, not for a backlog to hold back.
    config: { ...loaded, sources: [path.join(folder, 'articles')], ingest: { ...loaded.ingest, seedFirstPoll: false } },
    now: () => clock.at,
  });
  await arrive(60);
  await herald.bot.login(herald.discord.token);
  await deployCommands(new REST({ api: herald.discord.apiBase }).setToken(herald.discord.token), herald.commands, { clientId: herald.discord.applicationId, guildId: GUILD });
}, 60_000);

// Every test sets its schedules in channels of its own, and starts at the same hour whatever the last test's clock said.
beforeEach(() => {
  clock.at = START;
});

afterAll(async () => {
  await herald?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

const admin = (options: NonNullable<CommandInput['options']>): CommandInput => ({ guildId: GUILD, channelId: CHANNELS.plain, user: ADMIN, permissions: ADMIN_PERMISSIONS, name: 'schedule', options });

/**
 * The admin's /schedule command, answered: the reply and the first `followUps` follow-ups (a deferred answer in
 * several messages fills the reply, then sends each follow-up), waited for rather than given a while to arrive.
 */
async function schedule(name: string, options: Parameters<typeof sub>[1] = [], followUps = 0): Promise<StoredMessage[]> {
  const handle = await herald.discord.runCommand(admin([sub(name, options)]));
  await handle.waitForOriginal(undefined, 20_000);
  for (let count = 1; count <= followUps; count += 1) await handle.waitForFollowUp(() => handle.followUps().length >= count, 20_000);
  return handle.messages();
}

const isEphemeral = (message: StoredMessage): boolean => ((message.flags ?? 0) & 64) === 64;
const embedsOf = (messages: StoredMessage[]): APIEmbed[] => messages.flatMap((message) => (message.embeds ?? []) as APIEmbed[]);
const textOf = (messages: StoredMessage[]): string => messages.map((message) => [message.content ?? '', ...embedsOf([message]).flatMap((embed) => [embed.title ?? '', embed.description ?? ''])].join('\n')).join('\n');
const posted = (channelId: string): StoredMessage[] => herald.discord.channelMessages(channelId);
/** Each story a channel was posted, by the headline it was listed or titled with. */
const storiesIn = (messages: StoredMessage[]): string[] => [
  ...embedsOf(messages).flatMap((embed) => (embed.url ? [embed.title ?? ''] : [])),
  ...[...textOf(messages).matchAll(/(?:^• |^\*\*\d+\.\*\* )\[([^\]]+)\]/gm)].map((match) => match[1]!),
];

async function scheduleIn(channelId: string): Promise<Schedule> {
  return (await herald.app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === channelId)!;
}

/** The time moves on to `iso`; Herald starts (as after a restart) and makes up a slot that came within its grace, then settles. */
async function startAt(iso: string): Promise<void> {
  clock.at = new Date(iso);
  await herald.app.scheduler.start();
  await herald.app.scheduler.stop();
}

function acceptedByDiscord(messages: StoredMessage[]): void {
  expect(messages.flatMap((message) => validateMessage({ ...(message as unknown as MessagePayload), allowed_mentions: { parse: [] } }))).toEqual([]);
}

describe('/schedule formats and options, on Discord', () => {
  it('sets a compact digest and posts ten stories with long headlines in one message Discord accepts', async () => {
    const [reply] = await schedule('set', [channelOption('channel', CHANNELS.compact), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 10), option('format', 'compact'), option('summary', 'short'), option('group-by', 'none')]);
    expect(reply!.content).toMatch(/as a compact list.*one-sentence summaries.*ranked, not by topic/);
    const [sent] = await schedule('send-now', [option('schedule', (await scheduleIn(CHANNELS.compact)).id)]);
    expect(sent!.content).toMatch(/^Posted 10 stories to <#/);
    expect(posted(CHANNELS.compact)).toHaveLength(1);
    acceptedByDiscord(posted(CHANNELS.compact));
    expect(storiesIn(posted(CHANNELS.compact))).toHaveLength(10);
    expect(textOf(posted(CHANNELS.compact))).toMatch(/^\*\*10\.\*\* \[/m);
  }, 30_000);

  it('posts a headlines digest of fifty, every message within Discord’s limits and every story once', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.headlines), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 50), option('format', 'headlines')]);
    await schedule('send-now', [option('schedule', (await scheduleIn(CHANNELS.headlines)).id)]);
    acceptedByDiscord(posted(CHANNELS.headlines));
    const stories = storiesIn(posted(CHANNELS.headlines));
    expect(stories).toHaveLength(50);
    expect(new Set(stories).size).toBe(50);
  }, 30_000);

  it('shows each story’s picture when images are on, as a thumbnail Discord fetches, and none once edited off', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.images), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 2), { name: 'images', type: 5, value: true } as never]);
    const id = (await scheduleIn(CHANNELS.images)).id;
    await schedule('send-now', [option('schedule', id)]);
    expect(embedsOf(posted(CHANNELS.images)).map((embed) => embed.thumbnail?.url)).toEqual([expect.stringMatching(/^https:\/\/images\.example\/article-\d+\.jpg$/), expect.stringMatching(/^https:\/\/images\.example\//)]);
    await schedule('edit', [option('schedule', id), { name: 'images', type: 5, value: false } as never]);
    await schedule('send-now', [option('schedule', id)]);
    expect(embedsOf(posted(CHANNELS.images)).slice(2)).toHaveLength(2);
    expect(embedsOf(posted(CHANNELS.images)).slice(2).some((embed) => embed.thumbnail)).toBe(false);
  }, 30_000);

  it('edits any option, updates to developing stories and the filters included, keeping the schedule’s id', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.edited), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 2)]);
    const before = await scheduleIn(CHANNELS.edited);
    const [off] = await schedule('edit', [option('schedule', before.id), { name: 'updates', type: 5, value: false } as never, option('include', 'bridge'), option('summary', 'long'), option('time', '07:15')]);
    expect(off!.content).toMatch(/^Changed: <#\d+> at 07:15 \(UTC\), up to 2 stories, naming bridge, no updates, long summaries\./);
    expect(await scheduleIn(CHANNELS.edited)).toMatchObject({ id: before.id, createdAt: before.createdAt, updates: false, include: ['bridge'], summary: 'long', crons: ['15 7 * * *'] });
    await schedule('edit', [option('schedule', before.id), { name: 'updates', type: 5, value: true } as never, option('include', '-')]);
    const after = await scheduleIn(CHANNELS.edited);
    expect(after.updates).toBeUndefined();
    expect(after.include).toBeUndefined();
  }, 30_000);

  it('stops pinging the schedule’s role with no-mention, and refuses a role and no-mention together', async () => {
    const role = { name: 'mention', type: 8, value: READERS } as never;
    const noMention = { name: 'no-mention', type: 5, value: true } as never;
    await schedule('set', [channelOption('channel', CHANNELS.pinged), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 1), role]);
    const id = (await scheduleIn(CHANNELS.pinged)).id;
    await schedule('send-now', [option('schedule', id)]);
    expect(posted(CHANNELS.pinged)[0]!.allowed_mentions).toEqual({ parse: [], roles: [READERS], replied_user: false });
    const [both] = await schedule('edit', [option('schedule', id), role, noMention]);
    expect(both!.content).toMatch(/^⚠️ Choose a role to mention or no-mention, not both/);
    expect((await scheduleIn(CHANNELS.pinged)).mentionRoleId).toBe(READERS);
    await schedule('edit', [option('schedule', id), noMention]);
    expect((await scheduleIn(CHANNELS.pinged)).mentionRoleId).toBeUndefined();
    await arrive(1);
    await schedule('send-now', [option('schedule', id)]);
    const [, unpinged] = posted(CHANNELS.pinged);
    expect(unpinged!.content ?? '').not.toContain(`<@&${READERS}>`);
    expect(unpinged!.allowed_mentions?.roles ?? []).toEqual([]);
    expect(unpinged!.allowed_mentions?.parse).toEqual([]);
  }, 30_000);

  it('refuses an option out of its choices, or too many stories for the format, privately in one line, changing nothing', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.refused), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 50), option('format', 'headlines')]);
    const before = (await herald.app.guilds.get(GUILD)).schedules;
    for (const [options, error] of [
      [[channelOption('channel', CHANNELS.plain), option('time', '08:00'), option('timezone', 'UTC'), option('format', 'carousel')], /^⚠️ format is one of: embeds, compact, headlines\.$/],
      [[channelOption('channel', CHANNELS.plain), option('time', '08:00'), option('timezone', 'UTC'), option('summary', 'epic')], /^⚠️ summary is one of: short, medium, long\.$/],
      [[channelOption('channel', CHANNELS.plain), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 30), option('format', 'compact')], /^⚠️ A compact digest holds at most 10 stories/],
    ] as const) {
      const [reply] = await schedule('set', [...options]);
      expect(isEphemeral(reply!)).toBe(true);
      expect(reply!.content).toMatch(error);
    }
    const [edit] = await schedule('edit', [option('schedule', (await scheduleIn(CHANNELS.refused)).id), option('format', 'compact')]);
    expect(edit!.content).toMatch(/^⚠️ A compact digest holds at most 10 stories/);
    const [nothing] = await schedule('edit', [option('schedule', (await scheduleIn(CHANNELS.refused)).id)]);
    expect(nothing!.content).toMatch(/^⚠️ Nothing to change/);
    expect((await herald.app.guilds.get(GUILD)).schedules).toEqual(before);
  }, 30_000);

  it('lists each schedule with its look, and /status shows it too', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.listed), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 50), option('format', 'headlines')]);
    await schedule('set', [channelOption('channel', CHANNELS.listedCompact), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 10), option('format', 'compact'), option('summary', 'short'), option('group-by', 'none')]);
    const [list] = await schedule('list');
    expect(textOf([list!])).toMatch(/headlines only/);
    expect(textOf([list!])).toMatch(/up to 50 stories, headlines only/);
    const status = await (await herald.discord.runCommand({ ...admin([]), name: 'status', options: [] })).waitForOriginal();
    expect(textOf([status])).toMatch(/as a compact list, one-sentence summaries, ranked, not by topic/);
  }, 30_000);
});

describe('/schedule preview, send-now, edit, pause and resume, on Discord', () => {
  it('previews privately exactly what send-now then posts, sending and marking nothing', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.preview), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 3), option('format', 'compact')]);
    const id = (await scheduleIn(CHANNELS.preview)).id;
    // Three stories in a compact list: the preview's reply, then the one message send-now would post.
    const preview = await schedule('preview', [option('schedule', id)], 1);
    expect(preview.every(isEphemeral)).toBe(true);
    expect(preview[0]!.content).toMatch(/^\*\*Preview\*\*/);
    expect(posted(CHANNELS.preview)).toHaveLength(0);
    expect(await herald.app.scheduler.times(GUILD)).toContainEqual({ scheduleId: id, nextRunAt: expect.any(String) });
    const again = await schedule('preview', [option('schedule', id)], 1);
    expect(storiesIn(again)).toEqual(storiesIn(preview));
    await schedule('send-now', [option('schedule', id)]);
    expect(storiesIn(posted(CHANNELS.preview))).toEqual(storiesIn(preview));
    expect(posted(CHANNELS.preview).map((message) => message.embeds)).toEqual(preview.slice(1).map((message) => message.embeds));
  }, 30_000);

  it('carries the next scheduled slot on from send-now, with no story twice', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.carried), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 3), option('format', 'compact')]);
    const id = (await scheduleIn(CHANNELS.carried)).id;
    await schedule('send-now', [option('schedule', id)]);
    expect(storiesIn(posted(CHANNELS.carried))).toHaveLength(3);
    await startAt('2024-09-13T08:01:00Z');
    const all = storiesIn(posted(CHANNELS.carried));
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    expect((await herald.app.scheduler.times(GUILD)).find((times) => times.scheduleId === id)?.lastRunAt).toBe('2024-09-13T08:01:00.000Z');
  }, 30_000);

  it('edits the time zone across midnight, keeping the history: the new zone’s slot runs once, and nothing sent is sent again', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.midnight), option('time', '23:30'), option('timezone', 'Europe/London'), option('max-items', 2)]);
    const id = (await scheduleIn(CHANNELS.midnight)).id;
    // 23:30 in London (22:30 UTC in September): the evening's digest.
    await startAt('2024-09-13T22:31:00Z');
    const evening = storiesIn(posted(CHANNELS.midnight));
    expect(evening).toHaveLength(2);
    // Edited to Los Angeles, where the same 23:30 of the same date is seven hours later, past midnight in London.
    const [edited] = await schedule('edit', [option('schedule', id), option('timezone', 'America/Los_Angeles')]);
    expect(edited!.content).toMatch(/^Changed: <#\d+> at 23:30 \(America\/Los_Angeles\)/);
    expect((await scheduleIn(CHANNELS.midnight)).id).toBe(id);
    expect((await herald.app.scheduler.times(GUILD)).find((times) => times.scheduleId === id)?.nextRunAt).toBe('2024-09-14T06:30:00.000Z');
    await startAt('2024-09-14T06:31:00Z');
    const after = storiesIn(posted(CHANNELS.midnight));
    expect(after).toHaveLength(4);
    expect(new Set(after).size).toBe(4);
    await startAt('2024-09-14T06:40:00Z');
    expect(storiesIn(posted(CHANNELS.midnight))).toHaveLength(4);
  }, 30_000);

  it('pauses a schedule, posting nothing while paused, and on resume posts only what is new, once, at the next slot, within its maximum', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.paused), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 3), option('format', 'headlines')]);
    const id = (await scheduleIn(CHANNELS.paused)).id;
    await startAt('2024-09-14T08:01:00Z');
    expect(storiesIn(posted(CHANNELS.paused))).toHaveLength(3);
    const [paused] = await schedule('pause', [option('schedule', id)]);
    expect(paused!.content).toMatch(/^Paused: .*paused by an admin/);
    expect((await herald.app.scheduler.times(GUILD)).find((times) => times.scheduleId === id)?.nextRunAt).toBeUndefined();
    const [refused] = await schedule('send-now', [option('schedule', id)]);
    expect(refused!.content).toMatch(/^⚠️ That schedule is paused/);
    await arrive(8);
    await startAt('2024-09-15T08:01:00Z');
    await startAt('2024-09-16T08:01:00Z');
    expect(storiesIn(posted(CHANNELS.paused))).toHaveLength(3);
    clock.at = new Date('2024-09-17T08:05:00Z');
    const [resumed] = await schedule('resume', [option('schedule', id)]);
    expect(resumed!.content).toMatch(/^Resumed: .*only what is new/);
    // Herald restarting just after the resume makes up no slot that came while the schedule was paused.
    await startAt('2024-09-17T08:06:00Z');
    expect(storiesIn(posted(CHANNELS.paused))).toHaveLength(3);
    await startAt('2024-09-18T08:01:00Z');
    const all = storiesIn(posted(CHANNELS.paused));
    expect(all).toHaveLength(6);
    expect(new Set(all).size).toBe(6);
    expect(posted(CHANNELS.paused)).toHaveLength(2);
  }, 30_000);

  it('tells the admin that send-now could not post because the channel refuses Herald, not that nothing was new', async () => {
    await schedule('set', [channelOption('channel', CHANNELS.closed), option('time', '08:00'), option('timezone', 'UTC'), option('max-items', 2)]);
    const id = (await scheduleIn(CHANNELS.closed)).id;
    await arrive(2);
    herald.discord.setBotCanPost(CHANNELS.closed, false);
    const [answer] = await schedule('send-now', [option('schedule', id)]);
    expect(answer!.content).toMatch(/^Herald could not post to <#1300000000000000008>: .+\. The schedule is paused until it can/);
    expect(posted(CHANNELS.closed)).toHaveLength(0);
    expect((await scheduleIn(CHANNELS.closed)).paused).toBeDefined();
  }, 30_000);
});
