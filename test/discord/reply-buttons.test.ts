import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST, Routes, type APIButtonComponentWithCustomId, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { deployCommands } from '../../src/discord/deploy-commands.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { option, startHeraldOnLoopback, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import type { CommandInput, LoopbackDiscord, StoredMessage } from '../support/discord/loopback-discord.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const READ_ONLY = (1n << 10n) | (1n << 16n); // View Channel and Read Message History: no Send Messages.
const OWN_FEED = 'https://valley.example/feed.xml';
const SIXTEEN_MINUTES = 16 * 60_000;
const PLACES = ['Ashford', 'Brixham', 'Carlisle', 'Dunmore', 'Elgin', 'Falmouth', 'Girvan', 'Hexham'];

let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let web: TestServer;
let folder: string;

beforeAll(async () => {
  web = await startTestServer();
  web.route('/ferry-fares', respond(await readFile(new URL('../fixtures/html/related-and-nav.html', import.meta.url), 'utf8'), { 'content-type': 'text/html' }));
  folder = await mkdtemp(path.join(tmpdir(), 'herald-buttons-'));
  // A store on disk, so that what a restarted Herald knows is what any new process would.
  const loaded = await loadConfig({ HERALD_STORE: path.join(folder, 'herald.sqlite'), HERALD_ALLOW_HOSTS: '127.0.0.1' });
  herald = await startHeraldOnLoopback({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] }], config: { ...loaded, ingest: { ...loaded.ingest, seedFirstPoll: false } } });
  discord = herald.discord;
  await herald.app.ingestAll();
  // Eight results for "lighthouse": more than a page of five.
  for (const [index, place] of PLACES.entries()) {
    await herald.app.engine.articles.add(
      buildArticle(
        { title: `${place} lighthouse opens its lamp room to visitors`, url: `https://coast.example/lighthouse-${index}`, paragraphs: [`The ${place} lighthouse will open its lamp room to visitors on ${index + 2} weekends this summer, the trust that runs it said.`], alsoRead: [] },
        { source: { kind: 'feed', location: 'config/samples/lighthouses.json' }, fetchedAt: new Date() },
      ),
    );
  }
  await herald.bot.login(discord.token);
  await deployCommands(new REST({ api: discord.apiBase }).setToken(discord.token), herald.commands, { clientId: discord.applicationId, guildId: GUILD });
}, 60_000);

afterAll(async () => {
  await herald?.close();
  await web?.close();
  await rm(folder, { recursive: true, force: true });
});

const member = (input: Omit<CommandInput, 'guildId' | 'channelId'>): CommandInput => ({ guildId: GUILD, channelId: NEWS, ...input });

async function reply(input: CommandInput): Promise<StoredMessage> {
  return (await discord.runCommand(input)).waitForOriginal();
}

function buttons(message: StoredMessage): APIButtonComponentWithCustomId[] {
  return (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as APIButtonComponentWithCustomId[]) : []));
}

function button(message: StoredMessage, label: string | RegExp): APIButtonComponentWithCustomId {
  const found = buttons(message).find((each) => (typeof label === 'string' ? each.label === label : label.test(each.label ?? '')));
  if (!found) throw new Error(`no button ${label} on message ${message.id}: ${buttons(message).map((each) => each.label).join(', ')}`);
  return found;
}

/** Presses the button and waits for what it answers: a new (private or public) reply, or the pressed message changed. */
async function press(message: StoredMessage, label: string | RegExp, permissions?: string) {
  return discord.pressButton({ guildId: GUILD, channelId: NEWS, message, customId: button(message, label).custom_id, ...(permissions ? { permissions } : {}) });
}

async function pressedAndUpdated(message: StoredMessage, label: string | RegExp): Promise<StoredMessage> {
  const handle = await press(message, label);
  expect((await handle.response()).type).toBe(7);
  return discord.message(message.id)!;
}

function text(message: StoredMessage | undefined): string {
  const embeds = (message?.embeds ?? []) as APIEmbed[];
  return [message?.content ?? '', ...embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? ''])].join('\n');
}

const isEphemeral = (message: StoredMessage | undefined): boolean => ((message?.flags ?? 0) & 64) === 64;

describe('/search pages', () => {
  it('turns to the next page and back in place, numbering on, with no page before the first', async () => {
    const first = await reply(member({ name: 'search', options: [option('query', 'lighthouse')] }));
    expect(buttons(first).map((each) => each.label)).not.toContain('◀ Previous');
    expect(text(first)).toMatch(/^1\. /m);

    const second = await pressedAndUpdated(first, 'Next ▶');
    expect(second.id).toBe(first.id);
    expect(text(second)).toMatch(/^6\. /m);
    expect(button(second, 'Summarize 6')).toBeDefined();

    const back = await pressedAndUpdated(second, '◀ Previous');
    expect(text(back)).toBe(text(first));
  });
});

describe('Summarize and Post here on a search result', () => {
  it('summarises the stored article privately, and Post here shares it with the channel', async () => {
    const results = await reply(member({ name: 'search', options: [option('query', 'storm agnes')] }));
    const summary = await (await press(results, 'Summarize 1')).waitForOriginal();
    expect(isEphemeral(summary)).toBe(true);
    expect(text(summary)).toContain('Storm Agnes');

    const posted = await (await press(summary, 'Post here')).waitForOriginal();
    expect(isEphemeral(posted)).toBe(false);
    expect(posted.content).toBe('Shared by reader');
    expect(posted.embeds?.[0]?.title).toBe(summary.embeds?.[0]?.title);
  });

  it('explains privately when the article is no longer the server’s to see, and changes nothing', async () => {
    const own = buildArticle({ title: 'Valley reservoir lowered after spillway cracks', url: 'https://valley.example/dam', paragraphs: ['Engineers lowered the Valley reservoir by two metres after finding cracks in the spillway.'], alsoRead: [] }, { source: { kind: 'feed', location: OWN_FEED }, fetchedAt: new Date() });
    await herald.app.engine.articles.add(own);
    await herald.app.guilds.update(GUILD, (settings) => ({ ...settings, sources: [{ url: OWN_FEED, addedBy: 'admin', addedAt: new Date().toISOString() }] }));
    const results = await reply(member({ name: 'search', options: [option('query', 'valley reservoir spillway')] }));
    await herald.app.guilds.update(GUILD, (settings) => ({ ...settings, sources: [] }));

    const answer = await (await press(results, 'Summarize 1')).waitForOriginal();

    expect(isEphemeral(answer)).toBe(true);
    expect(answer.content).toBe('⚠️ Herald no longer keeps that article (old articles are let go); search again for newer coverage.');
  });
});

describe('/news buttons', () => {
  it('answers More like this privately with related stories, not the story itself', async () => {
    const briefing = await reply(member({ name: 'news', options: [option('topic', 'north korea')] }));
    const related = await (await press(briefing, 'More like: Kim Jong Un to Meet…')).waitForOriginal();
    expect(isEphemeral(related)).toBe(true);
    expect(related.content).toMatch(/^\*\*More like "Kim Jong Un to Meet Putin/);
    expect(related.embeds?.map((embed) => embed.title)).toEqual(['Seoul warns Pyongyang and Moscow against arms deal']);
  });

  it('offers More like this under every story of /brief too, as digests do', async () => {
    const handle = await discord.runCommand(member({ name: 'brief', options: [option('max-items', 10)] }));
    const messages = [await handle.waitForOriginal(), ...handle.followUps()];
    const stories = messages.flatMap((message) => (message.embeds ?? []) as APIEmbed[]);
    expect(messages.flatMap(buttons).filter((each) => each.label?.startsWith('More like: '))).toHaveLength(stories.length);
    const related = await (await press(messages[0]!, /^More like: /)).waitForOriginal();
    expect(isEphemeral(related)).toBe(true);
  });

  it('turns a briefing’s page in place, and back', async () => {
    const first = await reply(member({ name: 'news', options: [option('topic', 'lighthouse')] }));
    expect(first.embeds).toHaveLength(6);
    const second = await pressedAndUpdated(first, 'Next ▶');
    expect(second.content).toMatch(/^\*\*Briefing: lighthouse · 6–\d\*\*$/);
    expect(second.embeds?.length).toBeGreaterThan(0);
    expect(buttons(second).map((each) => each.label)).toContain('◀ Previous');
    expect((await pressedAndUpdated(second, '◀ Previous')).embeds?.map((embed) => embed.title)).toEqual(first.embeds?.map((embed) => embed.title));
  });
});

describe('Summarize with Herald, then Post here', () => {
  it('posts the private summary for the channel', async () => {
    const summary = await (await discord.runMessageCommand({ guildId: GUILD, channelId: NEWS, name: 'Summarize with Herald', message: { content: `fares: ${web.origin}/ferry-fares` } })).waitForOriginal();
    const posted = await (await press(summary, 'Post here')).waitForOriginal(undefined, 10_000);
    expect(isEphemeral(posted)).toBe(false);
    expect(posted.embeds?.[0]).toMatchObject({ title: 'Harbour ferry fares frozen for another year', url: `${web.origin}/ferry-fares` });
  });

  it('finds an address too long for the button in the summary’s own link', async () => {
    const long = `/ferry-fares?${'campaign=spring-commuter-newsletter&'.repeat(4)}end=1`;
    const summary = await (await discord.runMessageCommand({ guildId: GUILD, channelId: NEWS, name: 'Summarize with Herald', message: { content: `${web.origin}${long}` } })).waitForOriginal();
    expect(button(summary, 'Post here').custom_id).toMatch(/^summarize:link:#/);
    const posted = await (await press(summary, 'Post here')).waitForOriginal(undefined, 10_000);
    expect(posted.embeds?.[0]?.url).toBe(`${web.origin}${long}`);
  });

  it('will not post for a member who cannot post in the channel', async () => {
    const summary = await (await discord.runMessageCommand({ guildId: GUILD, channelId: NEWS, name: 'Summarize with Herald', message: { content: `${web.origin}/ferry-fares` } })).waitForOriginal();
    const refused = await (await press(summary, 'Post here', READ_ONLY.toString())).waitForOriginal();
    expect(isEphemeral(refused)).toBe(true);
    expect(refused.content).toMatch(/^⚠️ You cannot post messages with links in this channel/);
  });
});

describe('buttons over time', () => {
  it('work after Herald restarts between the reply and the press', async () => {
    const first = await reply(member({ name: 'search', options: [option('query', 'lighthouse')] }));
    const summary = await (await discord.runMessageCommand({ guildId: GUILD, channelId: NEWS, name: 'Summarize with Herald', message: { content: `${web.origin}/ferry-fares` } })).waitForOriginal();

    await herald.restart();

    expect(text(await pressedAndUpdated(first, 'Next ▶'))).toMatch(/^6\. /m);
    expect((await (await press(summary, 'Post here')).waitForOriginal(undefined, 10_000)).embeds?.[0]?.title).toBe('Harbour ferry fares frozen for another year');
  }, 60_000);

  it('still answer more than 15 minutes after the reply, when its interaction token has run out', async () => {
    const command = await discord.runCommand(member({ name: 'search', options: [option('query', 'lighthouse')] }));
    const first = await command.waitForOriginal();

    discord.letTimePass(SIXTEEN_MINUTES);
    const rest = new REST({ api: discord.apiBase }).setToken(discord.token);
    await expect(rest.patch(Routes.webhookMessage(discord.applicationId, command.token, '@original'), { body: { content: 'too late' }, auth: false })).rejects.toMatchObject({ code: 50027 });

    const second = await pressedAndUpdated(first, 'Next ▶');
    expect(text(second)).toMatch(/^6\. /m);
    const summary = await (await press(second, 'Summarize 6')).waitForOriginal();
    expect(isEphemeral(summary)).toBe(true);
    expect(summary.embeds).toHaveLength(1);
  });
});
