import type { APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import type { HeraldApp } from '../../src/herald-app.ts';
import { channelOption, option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, type CommandInput, type LoopbackDiscord, type StoredMessage } from '../support/discord/loopback-discord.ts';
import { startTestServer, type Handler, type TestServer } from '../support/http-server.ts';

const FIRST = { guildId: '1200000000000000001', channelId: '1300000000000000001' };
const SECOND = { guildId: '1200000000000000002', channelId: '1300000000000000002' };
const ADMIN = { id: '1400000000000000009', username: 'editor' };

/** Unrelated stories, so that each is a story of its own in a digest. */
const STORIES = [
  ['Harbour City ferry crews end their nine-day strike', 'Ferry crews in Harbour City voted to accept a pay offer on Monday, ending a nine-day strike that stranded thousands of island commuters.'],
  ['Valley dam inspection finds cracks in the spillway', 'Engineers inspecting the Valley dam found cracks in its concrete spillway, and the water authority ordered the reservoir lowered by two metres.'],
  ['Northfield council approves a tram line to the airport', 'Northfield councillors approved a twelve-kilometre tram line to the airport after a four-hour debate, with building work due to start next spring.'],
  ['Lakeside hospital opens a maternity ward with birthing pools', 'Lakeside hospital opened a maternity ward with birthing pools and family rooms after a six-year campaign by midwives.'],
  ['Eastport fishing fleet lands a record mackerel catch', 'Trawlers in Eastport landed a record catch of mackerel as prices at the harbour auction fell to their lowest in a decade.'],
] as const;

let web: TestServer;
let herald: HeraldOnLoopback;
let discord: LoopbackDiscord;
let app: HeraldApp;
const START = new Date('2024-09-12T09:00:00Z');
const clock = { at: START };

/** An RSS feed that grows as stories are published, answering 304 to the ETag of what it last served. */
const wire = {
  published: 1,
  answer: undefined as Handler | undefined,
  url: '',
  requests: () => web.requests.filter((request) => request === 'GET /wire.xml'),
};

const feed = (): Handler => (request, response) => {
  const etag = `"${wire.published}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  const items = STORIES.slice(0, wire.published).map(
    ([title, body], index) => `<item><title>${title}</title><link>${web.url(`/story-${index}`)}</link><guid>story-${index}</guid><description>${body}</description></item>`,
  );
  response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire Service</title>${items.join('')}</channel></rss>`);
};

beforeAll(async () => {
  web = await startTestServer();
  web.route('/wire.xml', (request, response) => (wire.answer ?? feed())(request, response));
  wire.url = web.url('/wire.xml');
});

// Each test starts a Herald of its own on an empty store, with the wire holding one story, at the same hour.
beforeEach(async () => {
  clock.at = START;
  wire.published = 1;
  wire.answer = undefined;
  const loaded = await loadConfig({ HERALD_STORE: 'memory:', HERALD_ALLOW_HOSTS: '127.0.0.1' });
  herald = await startHeraldOnLoopback({
    guilds: [
      { id: FIRST.guildId, name: 'First', ownerId: '1400000000000000001', channels: [{ id: FIRST.channelId, name: 'news' }] },
      { id: SECOND.guildId, name: 'Second', ownerId: '1400000000000000002', channels: [{ id: SECOND.channelId, name: 'news' }] },
    ],
    config: { ...loaded, sources: [], ingest: { ...loaded.ingest, completeSnippets: false } },
    now: () => clock.at,
  });
  ({ discord, app } = herald);
  await herald.bot.login(discord.token);
}, 30_000);

afterEach(async () => {
  await herald?.close();
});

afterAll(async () => {
  await web?.close();
});

async function command(where: { guildId: string; channelId: string }, input: Omit<CommandInput, 'guildId' | 'channelId' | 'user' | 'permissions'>): Promise<string> {
  // The first /sources add of a process loads the extraction modules: seconds on a busy machine, a limit only a failure waits out.
  const reply: StoredMessage = await (await discord.runCommand({ ...where, user: ADMIN, permissions: ADMIN_PERMISSIONS, ...input })).waitForOriginal(undefined, 20_000);
  const embeds = (reply.embeds ?? []) as APIEmbed[];
  return [reply.content ?? '', ...embeds.map((embed) => embed.description ?? '')].join('\n');
}

async function digest(where: { guildId: string; channelId: string }): Promise<string[]> {
  const before = discord.channelMessages(where.channelId).length;
  const [schedule] = (await app.guilds.get(where.guildId)).schedules;
  await app.scheduler.run(where.guildId, schedule!, clock.at.toISOString());
  return discord
    .channelMessages(where.channelId)
    .slice(before)
    .flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.title ?? ''));
}

/** Moves the clock to the wire's next poll and lets Herald poll everything due. */
async function pollWhenDue(): Promise<void> {
  const health = await app.services.sourceHealth(wire.url);
  clock.at = new Date(health!.nextPollAt);
  await app.ingestAll();
}

/** A server adds the wire as a source and schedules a daily digest of it; returns the answer to the adding. */
async function follows(where: { guildId: string; channelId: string }): Promise<string> {
  const added = await command(where, { name: 'sources', options: [sub('add', [option('url', wire.url)])] });
  await command(where, { name: 'schedule', options: [sub('set', [channelOption('channel', where.channelId), option('time', '08:00'), option('timezone', 'UTC')])] });
  return added;
}

/** A feed's life, a stage in each test: added, growing, answering 304, followed by a second server, failing, gone. */
describe('polling feeds into scheduled digests', () => {
  it('holds back what a source held when it was added, and posts what it publishes later', async () => {
    expect(await follows(FIRST)).toContain('Added **Wire Service** (1 article read now)');
    expect(await digest(FIRST)).toEqual([]);
    wire.published = 2;
    await pollWhenDue();
    expect(await digest(FIRST)).toEqual([STORIES[1][0]]);
  });

  it('asks again with the ETag, and a 304 adds nothing and counts as a success', async () => {
    await follows(FIRST);
    const before = wire.requests().length;
    await pollWhenDue();
    expect(wire.requests().length).toBe(before + 1);
    const health = await app.services.sourceHealth(wire.url);
    expect(health).toMatchObject({ lastStatus: 304, consecutiveFailures: 0 });
    expect(health!.lastNotModifiedAt).toBe(clock.at.toISOString());
    expect(await digest(FIRST)).toEqual([]);
  });

  it('reads a source two servers follow once per poll, and gives the second none of what came before it joined', async () => {
    wire.published = 2;
    await follows(FIRST);
    wire.published = 3;
    await pollWhenDue();
    await follows(SECOND);
    expect(await digest(SECOND)).toEqual([]);
    wire.published = 4;
    const before = wire.requests().length;
    await pollWhenDue();
    expect(wire.requests().length).toBe(before + 1);
    expect(await digest(SECOND)).toEqual([STORIES[3][0]]);
    expect((await digest(FIRST)).sort()).toEqual([STORIES[2][0], STORIES[3][0]].sort());
  });

  it('backs off a failing source, doubling the wait, shows why in /status, and recovers', async () => {
    await follows(FIRST);
    wire.answer = (_request, response) => void response.writeHead(503).end('down for maintenance');
    const waits: number[] = [];
    for (let failure = 0; failure < 3; failure += 1) {
      const polledAt = (await app.services.sourceHealth(wire.url))!.nextPollAt;
      await pollWhenDue();
      waits.push(Date.parse((await app.services.sourceHealth(wire.url))!.nextPollAt) - Date.parse(polledAt));
    }
    expect(waits[1]! / waits[0]!).toBeGreaterThan(1.6);
    expect(waits[2]! / waits[1]!).toBeGreaterThan(1.6);
    expect(await command(FIRST, { name: 'status' })).toMatch(/Wire Service.*⚠️ .*HTTP 503 Service Unavailable \(3 times in a row; trying again/);
    wire.answer = undefined;
    wire.published = 2;
    await pollWhenDue();
    expect(await app.services.sourceHealth(wire.url)).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
    expect(await digest(FIRST)).toEqual([STORIES[1][0]]);
  });

  it('disables a source that stays gone for days, flags it for the admin, and reads it again when it is added again', async () => {
    await follows(FIRST);
    wire.answer = (_request, response) => void response.writeHead(410).end('gone');
    for (let polls = 0; polls < 50 && !(await app.services.sourceHealth(wire.url))?.disabled; polls += 1) await pollWhenDue();
    const health = await app.services.sourceHealth(wire.url);
    expect(health?.disabled?.reason).toContain('HTTP 410 Gone');
    expect(await command(FIRST, { name: 'status' })).toContain('⛔ disabled');
    const before = wire.requests().length;
    clock.at = new Date(clock.at.getTime() + 7 * 86_400_000);
    await app.ingestAll();
    expect(wire.requests().length).toBe(before);
    wire.answer = undefined;
    expect(await command(FIRST, { name: 'sources', options: [sub('add', [option('url', wire.url)])] })).toContain('Added **Wire Service**');
    expect((await app.services.sourceHealth(wire.url))?.disabled).toBeUndefined();
    expect((await app.guilds.get(FIRST.guildId)).sources).toHaveLength(1);
  });
});
