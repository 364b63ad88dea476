import type { APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, type CommandInput } from '../support/discord/loopback-discord.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { startTestServer, type Handler, type TestServer } from '../support/http-server.ts';

const FRENCH_SERVER = { guildId: '1200000000000000001', channelId: '1300000000000000001', locale: 'fr' };
const ENGLISH_SERVER = { guildId: '1200000000000000002', channelId: '1300000000000000002', locale: 'en-US' };
const ADMIN = { id: '1400000000000000009', username: 'editor' };

/** A French paper's feed: what it held when a server added it, then the story published after. */
const STORIES = [
  ['La bibliothèque du port rouvre après deux ans de travaux', 'La bibliothèque du port a rouvert ses portes samedi après deux ans de travaux, avec une nouvelle salle de lecture pour les enfants et des horaires élargis le dimanche.'],
  ['Les marins du ferry mettent fin à neuf jours de grève', 'Les marins des ferries de Harbour City ont voté lundi en faveur d’une offre salariale, mettant fin à une grève de neuf jours qui avait bloqué des milliers d’habitants des îles.'],
] as const;
const [, STRIKE] = STORIES;

const TRANSLATED_HEADLINE = 'Ferry crews end their nine-day strike';
const TRANSLATED_SUMMARY = 'Harbour City ferry crews voted on Monday to accept a pay offer, ending a nine-day strike that stranded thousands of islanders.';

let web: TestServer;
const clock = { at: new Date('2024-09-12T09:00:00Z') };
const feed = { published: 1, url: '' };

const serveFeed: Handler = (_request, response) => {
  const items = STORIES.slice(0, feed.published).map(
    ([title, body], index) => `<item><title>${title}</title><link>${web.url(`/article-${index}`)}</link><guid>article-${index}</guid><description>${body}</description></item>`,
  );
  response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Le Courrier du Port</title><language>fr</language>${items.join('')}</channel></rss>`);
};

beforeAll(async () => {
  web = await startTestServer();
  web.route('/courrier.xml', serveFeed);
  feed.url = web.url('/courrier.xml');
});

afterAll(() => web?.close());

/** Herald on a loopback Discord with the two servers, a model behind OPENAI_BASE_URL when `model` is given. */
async function startHerald(model?: FakeOpenAiServer): Promise<HeraldOnLoopback> {
  const loaded = await loadConfig({ HERALD_STORE: 'memory:', HERALD_ALLOW_HOSTS: '127.0.0.1' });
  const herald = await startHeraldOnLoopback({
    guilds: [FRENCH_SERVER, ENGLISH_SERVER].map(({ guildId, channelId, locale }) => ({ id: guildId, name: guildId, ownerId: '1400000000000000001', locale, channels: [{ id: channelId, name: 'news' }] })),
    config: { ...loaded, sources: [], ingest: { ...loaded.ingest, completeSnippets: false } },
    ...(model ? { env: { OPENAI_BASE_URL: model.baseURL } } : {}),
    now: () => clock.at,
  });
  await herald.bot.login(herald.discord.token);
  return herald;
}

/** Long enough for a first /sources add, which loads the language and topic models, on a busy machine. */
const REPLY_WAIT_MS = 20_000;

async function command(herald: HeraldOnLoopback, where: { guildId: string; channelId: string }, input: Omit<CommandInput, 'guildId' | 'channelId' | 'user' | 'permissions'>): Promise<string> {
  const reply = await (await herald.discord.runCommand({ guildId: where.guildId, channelId: where.channelId, user: ADMIN, permissions: ADMIN_PERMISSIONS, ...input })).waitForOriginal(undefined, REPLY_WAIT_MS);
  return reply.content ?? '';
}

/** Adds the French paper while it holds one story, then schedules a digest, with a language when given. */
async function followFrenchPaper(herald: HeraldOnLoopback, where: { guildId: string; channelId: string }, language?: string): Promise<string> {
  feed.published = 1;
  await command(herald, where, { name: 'sources', options: [sub('add', [option('url', feed.url)])] });
  const options = [channelOption('channel', where.channelId), option('time', '08:00'), option('timezone', 'UTC'), ...(language ? [option('language', language)] : [])];
  return command(herald, where, { name: 'schedule', options: [sub('set', options)] });
}

/** The paper publishes its next story and Herald polls it when due. */
async function publishStrike(herald: HeraldOnLoopback): Promise<void> {
  feed.published = 2;
  clock.at = new Date((await herald.app.services.sourceHealth(feed.url))!.nextPollAt);
  await herald.app.ingestAll();
}

async function digest(herald: HeraldOnLoopback, where: { guildId: string; channelId: string }): Promise<APIEmbed[]> {
  const before = herald.discord.channelMessages(where.channelId).length;
  const [schedule] = (await herald.app.guilds.get(where.guildId)).schedules;
  await herald.app.scheduler.run(where.guildId, schedule!, clock.at.toISOString());
  return herald.discord
    .channelMessages(where.channelId)
    .slice(before)
    .flatMap((message) => (message.embeds ?? []) as APIEmbed[]);
}

describe('a digest in the server’s language, with a model', () => {
  let model: FakeOpenAiServer;
  let herald: HeraldOnLoopback;

  // A model and a Herald for each test, so that what the model was asked and what was sent are the test's own.
  beforeEach(async () => {
    model = await startFakeOpenAiServer(`Headline: ${TRANSLATED_HEADLINE}\nSummary: ${TRANSLATED_SUMMARY}`);
    herald = await startHerald(model);
  }, 30_000);

  afterEach(async () => {
    await herald?.close();
    await model?.close();
  });

  it('summarises a French story in English for a schedule set to English, the original headline beside the translated one', { timeout: 60_000 }, async () => {
    expect(await followFrenchPaper(herald, FRENCH_SERVER, 'en')).toContain('in English');
    await followFrenchPaper(herald, ENGLISH_SERVER);
    await publishStrike(herald);
    const [story, ...rest] = await digest(herald, FRENCH_SERVER);
    expect(rest).toEqual([]);
    expect(story).toMatchObject({
      title: `${TRANSLATED_HEADLINE} (original: «${STRIKE[0]}», fr)`,
      description: TRANSLATED_SUMMARY,
    });
    expect(story!.footer?.text).toMatch(/^Le Courrier du Port · translated from French( · |$)/);
    const [system, user] = model.requests.at(-1)!.body.messages;
    expect(system!.content).toContain('Write the summary in English');
    expect(user!.content).toContain(`<article>\nTitle: ${STRIKE[0]}`);
  });

  it('translates for a schedule that follows its server’s language, from the summary already made for English readers', { timeout: 60_000 }, async () => {
    await followFrenchPaper(herald, FRENCH_SERVER, 'en');
    await followFrenchPaper(herald, ENGLISH_SERVER);
    await publishStrike(herald);
    await digest(herald, FRENCH_SERVER);
    const asked = model.requests.length;
    const [story] = await digest(herald, ENGLISH_SERVER);
    expect(story).toMatchObject({ title: `${TRANSLATED_HEADLINE} (original: «${STRIKE[0]}», fr)`, description: TRANSLATED_SUMMARY });
    expect(model.requests.length).toBe(asked);
  });

  it('lets an admin put a schedule back on the server’s language', { timeout: 60_000 }, async () => {
    await followFrenchPaper(herald, FRENCH_SERVER, 'en');
    const [schedule] = (await herald.app.guilds.get(FRENCH_SERVER.guildId)).schedules;
    const reply = await command(herald, FRENCH_SERVER, { name: 'schedule', options: [sub('language', [option('schedule', schedule!.id), option('language', 'server')])] });
    expect(reply).toContain('Following the server’s language (French now)');
    const settings = await herald.app.guilds.get(FRENCH_SERVER.guildId);
    expect(settings.locale).toBe('fr');
    expect(settings.schedules[0]!.language).toBeUndefined();
  });
});

describe('a digest in the server’s language, without a model', () => {
  let herald: HeraldOnLoopback;

  beforeAll(async () => {
    herald = await startHerald();
  }, 30_000);

  afterAll(() => herald?.close());

  it('keeps a French story in French for a schedule set to English, labelled with its language', { timeout: 60_000 }, async () => {
    await followFrenchPaper(herald, FRENCH_SERVER, 'en');
    await publishStrike(herald);
    const [story] = await digest(herald, FRENCH_SERVER);
    expect(story!.title).toBe(STRIKE[0]);
    expect(story!.description).toContain('Les marins des ferries');
    // The footer goes on to the story's topics, which are the topic extractor's to decide.
    expect(story!.footer?.text).toMatch(/^Le Courrier du Port · in French( · |$)/);
  });
});
