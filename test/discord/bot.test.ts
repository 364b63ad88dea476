import { ChannelType, PermissionFlagsBits, REST, type APIApplicationCommandInteractionDataOption, type APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { DiscordBot } from '../../src/discord/discord-bot.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { embedLength } from '../../src/discord/render/embed-limits.ts';
import { contentMessage } from '../../src/discord/render/message-payload.ts';
import type { HeraldApp } from '../../src/herald-app.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type CommandInput, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const LOCKED = '1300000000000000002';
const DOOMED = '1300000000000000004';
const FORUM = '1300000000000000005';
const ANNOUNCEMENTS = '1300000000000000006';
const UNANSWERED = '1300000000000000007';
const ALERTS = '1300000000000000008';
const PREVIEWED = '1300000000000000009';
const OUTAGE = '1300000000000000010';
const EXPLAINED = '1300000000000000011';
const ALERT_ROLE = '1500000000000000001';
const OTHER_ROLE = '1500000000000000002';
const OTHER_GUILD = '1200000000000000002';
const OTHER_NEWS = '1300000000000000003';
const ADMIN = { id: '1400000000000000009', username: 'editor' };
const PLACES = ['Ashford', 'Brixham', 'Carlisle', 'Dunmore', 'Elgin', 'Falmouth', 'Girvan', 'Hexham', 'Ilkley', 'Jarrow', 'Keswick', 'Lanark', 'Malton'];

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let app: HeraldApp;
let bot: DiscordBot;
let web: TestServer;

const FEED = (origin: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Gazette</title>
<item><title>Valley dam inspection finds cracks in spillway</title><link>${origin}/dam</link><guid>dam-1</guid><pubDate>Wed, 11 Sep 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Engineers inspecting the Valley dam found cracks in its concrete spillway on Tuesday, the regional water authority said, and ordered the reservoir lowered by two metres as a precaution.&lt;/p&gt;&lt;p&gt;The authority said there was no immediate danger to homes downstream.&lt;/p&gt;</description></item>
</channel></rss>`;

beforeAll(async () => {
  web = await startTestServer();
  web.route('/valley.xml', respond(FEED(web.origin), { 'content-type': 'application/rss+xml' }));
  web.route('/slow-article', async (_request, response) => {
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    response.writeHead(200, { 'content-type': 'text/html' }).end(
      '<html><head><title>Harbour bridge reopens after repairs</title></head><body><article><h1>Harbour bridge reopens after repairs</h1><p>The harbour bridge reopened to traffic on Monday after six weeks of repairs to its steel deck, the city council said.</p><p>Engineers replaced 40 expansion joints and resurfaced the roadway, and the council said buses would return to their usual routes on Tuesday.</p></article></body></html>',
    );
  });
  const loaded = await loadConfig({ HERALD_STORE: 'memory:', HERALD_ALLOW_HOSTS: '127.0.0.1' });
  herald = await startHeraldOnLoopback({
    guilds: [
      { id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }, { id: LOCKED, name: 'locked', botCanPost: false }, { id: DOOMED, name: 'doomed' }, { id: FORUM, name: 'digests', type: ChannelType.GuildForum }, { id: ANNOUNCEMENTS, name: 'announcements', type: ChannelType.GuildAnnouncement }, { id: UNANSWERED, name: 'unanswered' }, { id: ALERTS, name: 'alerts' }, { id: PREVIEWED, name: 'previewed' }, { id: OUTAGE, name: 'outage' }, { id: EXPLAINED, name: 'explained' }], roles: [{ id: ALERT_ROLE, name: 'news-alerts' }, { id: OTHER_ROLE, name: 'moderators' }] },
      { id: OTHER_GUILD, name: 'Elsewhere', ownerId: '1400000000000000005', channels: [{ id: OTHER_NEWS, name: 'general' }] },
    ],
    // The sample articles stand for news that arrived after the schedules were set, not for a backlog to hold back.
    config: { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false } },
  });
  ({ discord, app, bot } = herald);
  await app.ingestAll();
  await bot.login(discord.token);
  // Registered in one server only: the other stands for a server whose owner opened admin commands to everyone.
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId, guildId: GUILD });
}, 30_000);

afterAll(async () => {
  await herald?.close();
  await web?.close();
});

const admin = (input: Omit<CommandInput, 'guildId' | 'channelId'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, ...input });
const member = (input: Omit<CommandInput, 'guildId' | 'channelId'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, permissions: MEMBER_PERMISSIONS, ...input });

function text(message: StoredMessage | undefined): string {
  const embeds = (message?.embeds ?? []) as APIEmbed[];
  return [message?.content ?? '', ...embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', ...(embed.fields ?? []).map((field) => `${field.name} ${field.value}`)])].join('\n');
}

function isEphemeral(message: StoredMessage | undefined): boolean {
  return ((message?.flags ?? 0) & 64) === 64;
}

async function reply(input: CommandInput): Promise<StoredMessage> {
  return (await discord.runCommand(input)).waitForOriginal();
}

describe('Herald on Discord, as a reader', () => {
  it('answers /news with a topic briefing of embeds that ping no one', async () => {
    const answer = await reply(member({ name: 'news', options: [option('topic', 'north korea')] }));
    expect(text(answer)).toContain('Kim Jong');
    expect(answer.embeds?.length).toBeGreaterThan(1);
    expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('suggests trending topics as the topic is typed', async () => {
    const handle = await discord.autocomplete(member({ name: 'news', options: [{ name: 'topic', type: 3, value: 'kor', focused: true } as APIApplicationCommandInteractionDataOption] }));
    const response = (await handle.response()) as { type: number; data: { choices: Array<{ name: string; value: string }> } };
    expect(response.type).toBe(8);
    expect(response.data.choices.map((choice) => choice.name)).toContain('North Korea');
  });

  it('keeps a server’s own sources out of /news and its suggestions in every other server', async () => {
    const own = `${web.origin}/quillfeather.xml`;
    const before = (await app.guilds.get(OTHER_GUILD)).sources;
    await app.guilds.update(OTHER_GUILD, (settings) => ({ ...settings, sources: [...before, { url: own, addedAt: new Date(0).toISOString(), addedBy: ADMIN.id }] }));
    const stories = [
      ['Quillfeather Orchestra tours the valley', 'The Quillfeather Orchestra began a tour of the valley towns on Monday, its conductor said.'],
      ['Quillfeather Orchestra adds a second night', 'Tickets for the Quillfeather Orchestra sold out within an hour, so a second night was added.'],
      ['Quillfeather Orchestra names new conductor', 'The Quillfeather Orchestra named a new conductor for its winter season on Tuesday.'],
    ];
    for (const [title, paragraph] of stories) {
      await app.engine.articles.add(buildArticle({ title: title!, url: `${web.origin}/quillfeather/${encodeURIComponent(title!)}`, paragraphs: [paragraph!], alsoRead: [] }, { source: { kind: 'feed', location: own }, fetchedAt: new Date() }));
    }
    await app.ingestAll();
    const suggested = async (guildId: string, channelId: string): Promise<string[]> => {
      const handle = await discord.autocomplete({ guildId, channelId, permissions: MEMBER_PERMISSIONS, name: 'news', options: [{ name: 'topic', type: 3, value: 'quillfeather', focused: true } as APIApplicationCommandInteractionDataOption] });
      return ((await handle.response()) as { data: { choices: Array<{ name: string }> } }).data.choices.map((choice) => choice.name);
    };
    const news = (guildId: string, channelId: string) => reply({ guildId, channelId, permissions: MEMBER_PERMISSIONS, name: 'news', options: [option('topic', 'Quillfeather Orchestra')] });
    try {
      expect(text(await news(OTHER_GUILD, OTHER_NEWS))).toContain('Quillfeather Orchestra');
      expect(text(await news(GUILD, NEWS))).not.toContain('Quillfeather Orchestra tours');
      expect((await suggested(GUILD, NEWS)).join(' ')).not.toMatch(/quillfeather/i);
    } finally {
      await app.guilds.update(OTHER_GUILD, (settings) => ({ ...settings, sources: before }));
    }
  });


  it('answers /brief with one message per story group, each story once with its other sources', async () => {
    const answer = await reply(member({ name: 'brief', options: [option('max-items', 10)] }));
    expect(text(answer)).toMatch(/Ferry strike ends|Harbour City ferry crews/);
    expect(text(answer).match(/Ferry strike ends after crews accept/g) ?? []).toHaveLength(1);
  });

  it('answers /topics and /search', async () => {
    expect(text(await reply(member({ name: 'topics' })))).toMatch(/\*\*Kim Jong Un\*\* · \d+ articles from 3 sources/);
    expect(text(await reply(member({ name: 'search', options: [option('query', 'storm agnes')] })))).toContain('Storm Agnes');
  });

  it('defers /summarize and fills the reply when the slow page arrives', async () => {
    const handle = await discord.runCommand(member({ name: 'summarize', options: [option('url', `${web.origin}/slow-article`)] }));
    const first = (await handle.response()) as { type: number };
    expect(first.type).toBe(5);
    const answer = await handle.waitForOriginal(undefined, 10_000);
    expect(text(answer)).toContain('harbour bridge reopened');
  });

  it('is settled only once the deferred /summarize has filled its reply', async () => {
    const handle = await discord.runCommand(member({ name: 'summarize', options: [option('url', `${web.origin}/slow-article`)] }));
    await handle.response();
    await bot.interactionsSettled();
    expect(text(handle.messages().find((message) => ((message.flags ?? 0) & 128) === 0))).toContain('harbour bridge reopened');
  });

  it('refuses to summarise a private address, privately and in one line', async () => {
    const handle = await discord.runCommand(member({ name: 'summarize', options: [option('url', 'http://10.0.0.1/admin')] }));
    const answer = await handle.waitForFollowUp();
    expect(handle.original()).toBeUndefined();
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(/^⚠️ /);
    expect(answer.content?.split('\n')).toHaveLength(1);
  });

  it('escapes an article titled "@everyone" and pings no one', async () => {
    await app.engine.articles.add(
      buildArticle(
        { title: '@everyone FREE NITRO giveaway **click** [here](http://evil.example)', url: 'https://spam.example/nitro', paragraphs: ['@here Claim your free nitro giveaway now, the spammers wrote in the post.'], alsoRead: [] },
        { source: { kind: 'feed', location: 'config/samples/spam.json' }, fetchedAt: new Date() },
      ),
    );
    const answer = await reply(member({ name: 'search', options: [option('query', 'nitro giveaway')] }));
    expect(answer.mention_everyone).toBe(false);
    expect(answer.allowed_mentions?.parse).toEqual([]);
    expect(text(answer)).not.toMatch(/(^|[^\u200b])@everyone/);
    expect(text(answer)).not.toContain('](http://evil.example)');
  });

  it('keeps a briefing within every Discord limit when a story has 40 sites and 450-character headlines', async () => {
    for (let index = 0; index < 40; index += 1) {
      await app.engine.articles.add(
        buildArticle(
          {
            title: `${PLACES[index % PLACES.length]} council ${index} approves ${'an extraordinarily long and winding headline '.repeat(9)}`,
            url: `https://long.example/${index}`,
            siteName: `Site ${index}`,
            paragraphs: [Array.from({ length: 60 }, (_, line) => `Ward ${index * 1000 + line} set aside ${index * 7 + line} thousand for roads.`).join(' ')],
            alsoRead: Array.from({ length: 30 }, (_, link) => ({ title: `Related budget story ${link} ${'with a long title '.repeat(5)}`, url: `https://long.example/related/${index}/${link}` })),
          },
          { source: { kind: 'feed', location: 'config/samples/long.json' }, fetchedAt: new Date() },
        ),
      );
    }
    const handle = await discord.runCommand(member({ name: 'brief', options: [option('max-items', 10)] }));
    const all = [await handle.waitForOriginal(), ...handle.followUps()];
    const embeds = all.flatMap((message) => (message.embeds ?? []) as APIEmbed[]);
    const long = embeds.find((embed) => embed.title?.includes('approves'));
    expect(long?.title?.length).toBeLessThanOrEqual(256);
    expect(long?.description).toMatch(/and \d+ more/);
    for (const message of all) expect((message.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed as APIEmbed), 0)).toBeLessThanOrEqual(6_000);
  });
});

describe('Herald on Discord, as an admin', () => {
  it('refuses /sources add to a member without Manage Server even where the command is open to them', async () => {
    const answer = await reply({ guildId: OTHER_GUILD, channelId: OTHER_NEWS, permissions: MEMBER_PERMISSIONS, name: 'sources', options: [sub('add', [option('url', `${web.origin}/valley.xml`)])] });
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toContain('Manage Server');
    expect((await app.guilds.get(OTHER_GUILD)).sources).toEqual([]);
  });

  it('registers the admin commands for Manage Server only', () => {
    const sources = discord.commands(GUILD).find((command) => command.name === 'sources');
    expect(sources?.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
  });

  it.each([
    ['an invalid URL', [sub('add', [option('url', 'not a url')])], 'sources', /not a web address/],
    ['a private address', [sub('add', [option('url', 'http://192.168.1.10/feed.xml')])], 'sources', /could not read that source/],
    ['a bad time', [sub('set', [channelOption('channel', NEWS), option('time', '25:99'), option('timezone', 'Europe/London')])], 'schedule', /not a time of day/],
    ['a bad cron expression', [sub('set', [channelOption('channel', NEWS), option('time', '61 * * * *'), option('timezone', 'Europe/London')])], 'schedule', /nor a five-field cron expression/],
    ['an unknown time zone', [sub('set', [channelOption('channel', NEWS), option('time', '08:00'), option('timezone', 'Mars/Olympus')])], 'schedule', /not an IANA time zone/],
    ['a channel the bot cannot post in', [sub('set', [channelOption('channel', LOCKED), option('time', '08:00'), option('timezone', 'UTC')])], 'schedule', /cannot post in #locked/],
    ['a language for a schedule the server does not have', [sub('language', [option('schedule', 'no-such'), option('language', 'fr')])], 'schedule', /no such schedule/],
    ['10,000 characters of text', [sub('add', [option('url', `https://${'a'.repeat(10_000)}.example/`)])], 'sources', /^⚠️ /],
  ])('explains %s privately and changes nothing', async (_case, options, name, message) => {
    const before = JSON.stringify(await app.guilds.get(GUILD));
    const answer = await reply(admin({ name, options }));
    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toMatch(message);
    expect(JSON.stringify(await app.guilds.get(GUILD))).toBe(before);
  });

  it('posts each message of a digest once when Discord took it but lost every answer, more times than discord.js retries', async () => {
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', UNANSWERED), option('time', '06:00'), option('timezone', 'UTC'), option('max-items', 10)])] }));
    const schedule = (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === UNANSWERED)!;
    try {
      // Every attempt at the first message is posted and answered 502, until discord.js gives up and Herald retries it.
      discord.failNext({ method: 'POST', path: new RegExp(`/channels/${UNANSWERED}/messages`) }, { status: 502, afterServing: true }, 5);
      expect(await app.scheduler.run(GUILD, schedule, '2024-09-12T06:00')).toBeGreaterThan(0);
      const attempts = discord.requests.filter((request) => request.method === 'POST' && request.path === `/channels/${UNANSWERED}/messages`);
      expect(attempts.filter((request) => request.status === 502)).toHaveLength(5);
      const posted = discord.channelMessages(UNANSWERED);
      const contents = posted.map((message) => JSON.stringify([message.content, message.embeds]));
      expect(new Set(contents).size).toBe(contents.length);
      expect(posted.length).toBeLessThan(attempts.length);
    } finally {
      await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule.id)])] }));
    }
  }, 20_000);

  it('pings the role a schedule names, as Discord works mentions out, and no other role', async () => {
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', ALERTS), option('time', '06:00'), option('timezone', 'UTC'), option('max-items', 10), { name: 'mention', type: 8, value: ALERT_ROLE } as never])] }));
    const schedule = (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === ALERTS)!;
    try {
      expect(await app.scheduler.run(GUILD, schedule, '2024-09-12T06:00')).toBeGreaterThan(0);
      const [first] = discord.channelMessages(ALERTS);
      expect(first?.content).toMatch(new RegExp(`^<@&${ALERT_ROLE}> `));
      expect(first?.allowed_mentions).toEqual({ parse: [], replied_user: false, roles: [ALERT_ROLE] });
      expect(first?.mention_roles).toEqual([ALERT_ROLE]);
    } finally {
      await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule.id)])] }));
    }
  });

  it('previews a digest in several messages, every one of which pings no one', async () => {
    // A channel never posted to: the preview holds every story, which takes more than one message.
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', PREVIEWED), option('time', '06:00'), option('timezone', 'UTC'), option('max-items', 10)])] }));
    const schedule = (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === PREVIEWED)!;
    try {
      const handle = await discord.runCommand(admin({ name: 'schedule', options: [sub('preview', [option('schedule', schedule.id)])] }));
      await handle.waitForOriginal();
      await handle.waitForFollowUp();
      for (const message of handle.messages()) expect(message.allowed_mentions).toEqual({ parse: [], replied_user: false });
    } finally {
      await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule.id)])] }));
    }
  });

  it('opens a new forum post for each digest, with the rest of the digest inside it', async () => {
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', FORUM), option('time', '06:00'), option('timezone', 'UTC'), option('max-items', 10)])] }));
    const forum = (await app.guilds.get(GUILD)).schedules.find((schedule) => schedule.channelId === FORUM)!;
    expect(forum.forum).toBe(true);
    expect(await app.scheduler.run(GUILD, forum, '2024-09-12T06:00')).toBeGreaterThan(0);
    const post = discord.forumPosts(FORUM).find((candidate) => candidate.name === 'News digest · 2024-09-12 06:00 (UTC)');
    expect(post?.name).toBe('News digest · 2024-09-12 06:00 (UTC)');
    expect(post?.messages[0]?.id).toBe(post?.id);
    expect(post?.messages[0]?.allowed_mentions?.parse).toEqual([]);
    expect(discord.channelMessages(FORUM)).toEqual([]);
    await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', forum.id)])] }));
  });

  it('finds a message it posted since a given time by its text and embeds, for a run finished after Discord forgot its nonce', async () => {
    const since = new Date();
    const message = { ...contentMessage('Morning digest'), embeds: [{ title: 'Ferry strike ends', url: 'https://courier.example/ferry' }] };
    const { messageId } = await bot.poster.post(NEWS, message, 'find-posted-1');
    expect(await bot.poster.findPosted(NEWS, message, since)).toBe(messageId);
    expect(await bot.poster.findPosted(NEWS, { ...message, embeds: [{ title: 'Another story', url: 'https://courier.example/other' }] }, since)).toBeUndefined();
    expect(await bot.poster.findPosted(NEWS, message, new Date(Date.now() + 60_000))).toBeUndefined();
  });

  it('finds the forum post a cut-short run already opened instead of opening a second', async () => {
    const before = discord.forumPosts(FORUM).length;
    const first = await bot.poster.startThread(FORUM, 'News digest · 2024-09-13 06:00 (UTC)', contentMessage('Top stories'));
    const again = await bot.poster.startThread(FORUM, 'News digest · 2024-09-13 06:00 (UTC)', contentMessage('Top stories'));
    expect(again).toEqual(first);
    expect(discord.forumPosts(FORUM)).toHaveLength(before + 1);
  });

  it.each([
    ['an announcement channel', () => ANNOUNCEMENTS],
    ['a thread', () => discord.openForumPost(FORUM, 'Readers’ thread', '1400000000000000001')],
  ])('posts a digest in %s', async (_kind, channelOf) => {
    const channelId = channelOf();
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', channelId), option('time', '06:00'), option('timezone', 'UTC')])] }));
    const schedule = (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === channelId)!;
    const before = discord.channelMessages(channelId).length;
    expect(await app.scheduler.run(GUILD, schedule, '2024-09-14T06:00')).toBeGreaterThan(0);
    expect(discord.channelMessages(channelId).length).toBeGreaterThan(before);
    await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule.id)])] }));
  });

  it('pauses the schedule of a deleted channel with the reason, leaving other channels alone', async () => {
    await reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', DOOMED), option('time', '09:00'), option('timezone', 'UTC')])] }));
    const doomed = (await app.guilds.get(GUILD)).schedules.find((schedule) => schedule.channelId === DOOMED)!;
    discord.deleteChannel(DOOMED);
    expect(await app.scheduler.run(GUILD, doomed)).toBe(0);
    const paused = (await app.guilds.get(GUILD)).schedules.find((schedule) => schedule.channelId === DOOMED);
    expect(paused?.paused?.reason).toBe('the channel was deleted');
    expect((await app.guilds.get(GUILD)).schedules.find((schedule) => schedule.channelId === NEWS)?.paused).toBeUndefined();
    expect(text(await reply(admin({ name: 'status' })))).toContain('paused: the channel was deleted');
    await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', doomed.id)])] }));
  });

  it('suggests time zones as they are typed', async () => {
    const offered = await discord.autocomplete(admin({ name: 'schedule', options: [sub('set', [{ name: 'timezone', type: 3, value: 'new_yo', focused: true } as APIApplicationCommandInteractionDataOption])] }));
    const choices = ((await offered.response()) as { data: { choices: Array<{ value: string }> } }).data.choices;
    expect(choices.map((choice) => choice.value)).toEqual(['America/New_York']);
  });

  it('answers /help privately with every command', async () => {
    const answer = await reply(member({ name: 'help' }));
    expect(isEphemeral(answer)).toBe(true);
    for (const name of ['/news', '/brief', '/topics', '/search', '/summarize', '/sources', '/schedule', '/status']) expect(text(answer)).toContain(name);
  });

  it('shows /status privately, with the store, the summariser and the schedule', async () => {
    const answer = await reply(admin({ name: 'status' }));
    expect(isEphemeral(answer)).toBe(true);
    expect(text(answer)).toMatch(/Store:\** memory[\s\S]*Summaries:\** extractive[\s\S]*config\/samples \(every server\): read/);
  });
});

/**
 * One admin's story, a step in each test: a source added, a schedule set and posted through 429s and 5xx, a story
 * explained, both removed. Each test adds what its step needs, and the server is left without them after it.
 */
describe('Herald on Discord, an admin’s schedule from set to removed', () => {
  const valley = (): string => `${web.origin}/valley.xml`;
  const addValley = (): Promise<StoredMessage> => reply(admin({ name: 'sources', options: [sub('add', [option('url', valley())])] }));
  // A channel of its own for each test that posts, since a channel is never sent the same story twice.
  const setSchedule = (channelId = NEWS): Promise<StoredMessage> => reply(admin({ name: 'schedule', options: [sub('set', [channelOption('channel', channelId), option('time', '07:30 weekdays'), option('timezone', 'Europe/London'), option('max-items', 3)])] }));
  const scheduleIn = async (channelId = NEWS) => (await app.guilds.get(GUILD)).schedules.find((candidate) => candidate.channelId === channelId);

  afterEach(async () => {
    for (const channelId of [NEWS, OUTAGE, EXPLAINED]) {
      const schedule = await scheduleIn(channelId);
      if (schedule) await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule.id)])] }));
    }
    if ((await app.guilds.get(GUILD)).sources.some((source) => source.url === valley())) await reply(admin({ name: 'sources', options: [sub('remove', [option('url', valley())])] }));
  });

  it('adds a source for one server only: the other never sees its stories', async () => {
    const added = await addValley();
    expect(added.content).toContain('Added **Valley Gazette**');
    expect(text(await reply(member({ name: 'search', options: [option('query', 'valley dam')] })))).toContain('Valley dam inspection');
    const elsewhere = await reply({ guildId: OTHER_GUILD, channelId: OTHER_NEWS, permissions: ADMIN_PERMISSIONS, user: ADMIN, name: 'search', options: [option('query', 'valley dam')] });
    expect(text(elsewhere)).not.toContain('Valley dam inspection');
    const otherList = await reply({ guildId: OTHER_GUILD, channelId: OTHER_NEWS, permissions: ADMIN_PERMISSIONS, user: ADMIN, name: 'sources', options: [sub('list')] });
    expect(text(otherList)).not.toContain('valley.xml');
  });

  it('sets a schedule, lists it, and posts its digest to the channel without pings, even through a 429 burst', async () => {
    const set = await setSchedule();
    expect(set.content).toContain('Scheduled: <#1300000000000000001> at 07:30 weekdays (Europe/London), up to 3 stories');
    expect(text(await reply(admin({ name: 'schedule', options: [sub('list')] })))).toContain('07:30 weekdays');
    const schedule = await scheduleIn();
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${NEWS}/messages`) }, { status: 429, retryAfterSeconds: 0.2 }, 3);
    expect(await app.scheduler.run(GUILD, schedule!)).toBe(3);
    const posted = await discord.waitForChannelMessage(NEWS);
    expect(posted.allowed_mentions?.parse).toEqual([]);
    expect(discord.requests.filter((request) => request.status === 429).length).toBeGreaterThanOrEqual(3);
    expect(await app.scheduler.run(GUILD, schedule!)).toBeLessThanOrEqual(3);
    const sentTwice = discord.channelMessages(NEWS).flatMap((message) => (message.embeds ?? []).map((embed) => embed.url)).filter((url, index, all) => url && all.indexOf(url) !== index);
    expect(sentTwice).toEqual([]);
  });

  it('keeps trying a digest through more 5xx errors than discord.js retries, and posts each message once', async () => {
    await setSchedule(OUTAGE);
    const schedule = await scheduleIn(OUTAGE);
    const failedBefore = discord.requests.filter((request) => request.status === 503).length;
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${OUTAGE}/messages`) }, { status: 503 }, 5);
    expect(await app.scheduler.run(GUILD, schedule!, 'after-the-outage')).toBeGreaterThan(0);
    expect(discord.requests.filter((request) => request.status === 503).length - failedBefore).toBe(5);
    const posted = discord.channelMessages(OUTAGE);
    expect(posted.length).toBeGreaterThan(0);
    expect(new Set(posted.map((message) => message.nonce)).size).toBe(posted.length);
  }, 20_000);

  it('explains with /status story: where a story was sent, with a link to the message', async () => {
    await setSchedule(EXPLAINED);
    expect(await app.scheduler.run(GUILD, (await scheduleIn(EXPLAINED))!, 'to-explain')).toBeGreaterThan(0);
    const digests = discord.channelMessages(EXPLAINED).filter((message) => message.content?.startsWith('**Top stories**'));
    const sentUrl = digests.flatMap((message) => (message.embeds ?? []) as APIEmbed[]).find((embed) => embed.url)?.url;
    const answer = await reply(admin({ name: 'status', options: [option('story', sentUrl!)] }));
    // Other tests' digests may have carried the story too: the link is to whichever channel had it first.
    expect(text(answer)).toMatch(new RegExp(`https://discord\\.com/channels/${GUILD}/\\d+/\\d+`));
    expect(text(answer)).toContain('in English (en)');
    const unknown = await reply(admin({ name: 'status', options: [option('story', 'https://nowhere.example/story')] }));
    expect(text(unknown)).toContain('Herald has not read that story');
  });

  it('removes a schedule and a source, chosen through autocomplete', async () => {
    await addValley();
    await setSchedule();
    const schedule = await scheduleIn();
    const offered = await discord.autocomplete(admin({ name: 'schedule', options: [sub('remove', [{ name: 'schedule', type: 3, value: '07:30', focused: true } as APIApplicationCommandInteractionDataOption])] }));
    const choices = ((await offered.response()) as { data: { choices: Array<{ value: string }> } }).data.choices;
    expect(choices.map((choice) => choice.value)).toContain(schedule!.id);
    const removed = await reply(admin({ name: 'schedule', options: [sub('remove', [option('schedule', schedule!.id)])] }));
    expect(removed.content).toContain('Removed: <#1300000000000000001> at 07:30 weekdays');
    expect((await app.scheduler.times(GUILD)).map((times) => times.scheduleId)).not.toContain(schedule!.id);
    const gone = await reply(admin({ name: 'sources', options: [sub('remove', [option('url', valley())])] }));
    expect(gone.content).toContain('Removed.');
    expect((await app.guilds.get(GUILD)).sources).toEqual([]);
    expect(text(await reply(member({ name: 'search', options: [option('query', 'valley dam')] })))).not.toContain('Valley dam inspection');
  });
});

describe('Herald on Discord, when the connection drops', () => {
  it('resumes the gateway session and keeps answering', async () => {
    const before = discord.gatewaySessions();
    discord.dropGateway({ resumable: true });
    // Waits for the resume itself, not a time a slow machine may not keep to.
    await vi.waitFor(() => expect(discord.gatewaySessions().resumes).toBeGreaterThan(before.resumes), { timeout: 10_000 });
    expect(text(await reply(member({ name: 'topics' })))).toContain('Trending now');
  });
});
