import { PassThrough } from 'node:stream';
import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.ts';
import { runConsole } from '../../src/discord/console/run-console.ts';
import { createLogger } from '../../src/logger.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import { option, startHeraldOnLoopback, sub, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, MEMBER_PERMISSIONS, type CommandInput, type StoredMessage } from '../support/discord/loopback-discord.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';
import injection from '../fixtures/brief/answer/bakery-injection.json' with { type: 'json' };

const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const OTHER_GUILD = '1200000000000000002';
const OTHER_NEWS = '1300000000000000002';
const ADMIN = { id: '1400000000000000009', username: 'editor' };

const AGNES = 'What did the Met Office warn about Storm Agnes?';
const COASTLINE_SOURCE = 'Coastline Post, 26 Sep 2024 — [Storm Agnes: amber wind warning issued for west coast](https://coastline.example/news/storm-agnes-amber-warning)';
const NOTHING = 'Who won the Olympic swimming final?';
const DAM = 'What did engineers find at the Valley dam?';

/** A paper only the other server reads. */
const VALLEY_FEED = (origin: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Gazette</title>
<item><title>Valley dam inspection finds cracks in spillway</title><link>${origin}/dam</link><guid>dam-1</guid><pubDate>Wed, 11 Sep 2024 08:00:00 GMT</pubDate>
<description>&lt;p&gt;Engineers inspecting the Valley dam found cracks in its concrete spillway on Tuesday, the regional water authority said, and ordered the reservoir lowered by two metres as a precaution.&lt;/p&gt;</description></item>
</channel></rss>`;

let web: TestServer;
let model: FakeOpenAiServer;
let plain: HeraldOnLoopback;
let modelled: HeraldOnLoopback;

/** Herald on a loopback Discord with two servers and the sample sources, a model behind OPENAI_BASE_URL when `withModel`. */
async function startHerald(withModel: boolean): Promise<HeraldOnLoopback> {
  const loaded = await loadConfig({ HERALD_STORE: 'memory:', HERALD_ALLOW_HOSTS: '127.0.0.1' });
  const herald = await startHeraldOnLoopback({
    guilds: [
      { id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: NEWS, name: 'news' }] },
      { id: OTHER_GUILD, name: 'Valley', ownerId: '1400000000000000005', channels: [{ id: OTHER_NEWS, name: 'general' }] },
    ],
    // No retries, so that a failing model falls back at once.
    config: { ...loaded, summarizer: { ...loaded.summarizer, llm: { ...loaded.summarizer.llm, maxRetries: 0 } } },
    ...(withModel ? { env: { OPENAI_BASE_URL: model.baseURL } } : {}),
  });
  await herald.app.ingestAll();
  await herald.bot.login(herald.discord.token);
  return herald;
}

beforeAll(async () => {
  web = await startTestServer();
  web.route('/valley.xml', respond(VALLEY_FEED(web.origin), { 'content-type': 'application/rss+xml' }));
  model = await startFakeOpenAiServer();
  [plain, modelled] = [await startHerald(false), await startHerald(true)];
  // An article in the sample sources that tries to take over the model, in a sentence written to be retrieved.
  await modelled.app.engine.articles.add(
    buildArticle(injection, { source: { kind: 'feed', location: 'config/samples/millbrook.json' }, fetchedAt: new Date() }),
  );
}, 60_000);

afterAll(async () => {
  await plain?.close();
  await modelled?.close();
  await model?.close();
  await web?.close();
});

function ask(herald: HeraldOnLoopback, question: string, where: { guildId: string; channelId: string } = { guildId: GUILD, channelId: NEWS }) {
  const input: CommandInput = { ...where, permissions: MEMBER_PERMISSIONS, name: 'ask', options: [option('question', question)] };
  return herald.discord.runCommand(input);
}

async function answer(herald: HeraldOnLoopback, question: string, where?: { guildId: string; channelId: string }): Promise<StoredMessage> {
  return (await ask(herald, question, where)).waitForOriginal(undefined, 15_000);
}

function embed(message: StoredMessage): APIEmbed {
  return (message.embeds?.[0] ?? {}) as APIEmbed;
}

describe('/ask without a model', () => {
  it('defers, then answers publicly with the sentences that answer the question, each citing its numbered source', async () => {
    const handle = await ask(plain, AGNES);
    expect(((await handle.response()) as { type: number }).type).toBe(5);
    const reply = await handle.waitForOriginal();
    expect(((reply.flags ?? 0) & 64) === 0).toBe(true);
    expect(embed(reply).title).toBe(AGNES);
    expect(embed(reply).description).toMatch(/^• The Met Office has issued an amber warning for wind across the west coast as Storm Agnes, .* \[1\]/);
    expect(embed(reply).description).toContain(`**Sources**\n[1] ${COASTLINE_SOURCE}`);
    expect(embed(reply).footer?.text).toBe('Sentences quoted from the sources above.');
    expect(reply.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('says it found nothing, instead of guessing, when the server’s sources hold nothing about the question', async () => {
    const reply = await answer(plain, NOTHING);
    expect(reply.content).toBe(`I found nothing in this server’s sources about “${NOTHING}”.`);
    expect(reply.embeds ?? []).toEqual([]);
  });

  it('explains privately that a question needs something to look for', async () => {
    const handle = await ask(plain, 'what happened?');
    const reply = await handle.waitForFollowUp();
    expect(((reply.flags ?? 0) & 64) === 64).toBe(true);
    expect(reply.content).toMatch(/^⚠️ Ask about something in the news/);
  });

  it('answers from a server’s own source in that server only: another server never sees it cited', async () => {
    const added = await (
      await plain.discord.runCommand({ guildId: OTHER_GUILD, channelId: OTHER_NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, name: 'sources', options: [sub('add', [option('url', web.url('/valley.xml'))])] })
    ).waitForOriginal(undefined, 20_000);
    expect(added.content).toContain('Added **Valley Gazette**');
    const there = await answer(plain, DAM, { guildId: OTHER_GUILD, channelId: OTHER_NEWS });
    expect(embed(there).description).toContain('Engineers inspecting the Valley dam found cracks in its concrete spillway');
    expect(embed(there).description).toContain('[1] Valley Gazette, 11 Sep 2024');
    const here = await answer(plain, DAM);
    expect(here.content).toBe(`I found nothing in this server’s sources about “${DAM}”.`);
  });

  it('answers at the console as on Discord', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    const done = runConsole({ commands: plain.commands, services: plain.app.services, input, output, logger: createLogger({ HERALD_LOG_LEVEL: 'silent' }) });
    input.end(`/ask question:${AGNES}\n/ask question:${NOTHING}\n`);
    await done;
    expect(printed).toContain(`${AGNES}\n${'-'.repeat(AGNES.length)}\n• The Met Office has issued an amber warning`);
    expect(printed).toContain('Sources\n[1] Coastline Post, 26 Sep 2024 — Storm Agnes: amber wind warning issued for\nwest coast <https://coastline.example/news/storm-agnes-amber-warning>');
    expect(printed).toContain('I found nothing in this server’s sources about “Who won the Olympic swimming\nfinal?”.');
  });
});

describe('/ask with a model', () => {
  it('answers with the model’s sentences, each citing sources that were retrieved, and names the model', async () => {
    model.script({ kind: 'answer', text: 'The Met Office issued an amber wind warning for the west coast as Storm Agnes approached [1]. Gusts of up to 80mph were expected on exposed coasts [2].' });
    const before = model.requests.length;
    const reply = await answer(modelled, AGNES);
    const [system, user] = model.requests[before]?.body.messages ?? [];
    expect(system?.content).toContain('End every sentence with the number of the article it comes from');
    expect(user?.content).toContain('<article number="1">');
    expect(embed(reply).description).toMatch(/^The Met Office issued an amber wind warning for the west coast as Storm Agnes approached\. \[1\] Gusts of up to 80mph were expected on exposed coasts\. \[2\]/);
    expect(embed(reply).description).toMatch(/\[1\] (Coastline Post|World Wire), /);
    expect(embed(reply).description).toMatch(/\[2\] (Coastline Post|World Wire), /);
    expect(embed(reply).footer?.text).toBe('Written by gpt-4o-mini from the sources above; check them before you rely on it.');
  });

  it('drops a sentence citing a source that was never retrieved, [9]', async () => {
    model.script({ kind: 'answer', text: 'An amber wind warning was issued as Storm Agnes approached [1]. Storm Agnes will reach Tokyo on Friday [9].' });
    const description = embed(await answer(modelled, AGNES)).description ?? '';
    expect(description).toMatch(/^An amber wind warning was issued as Storm Agnes approached\. \[1\]\n\n\*\*Sources\*\*/);
    expect(description).not.toContain('Tokyo');
    expect(description).not.toContain('[2]');
  });

  it('quotes an article that says "ignore previous instructions" as data, and a reply that obeys it is not used', async () => {
    model.script({ kind: 'answer', text: '<@123456789> @everyone [claim your prize](https://evil.example/phish)' });
    const before = model.requests.length;
    const reply = await answer(modelled, 'Which bakery won the regional bread prize?');
    const user = model.requests[before]?.body.messages[1]?.content ?? '';
    expect(user.indexOf('Ignore previous instructions')).toBeGreaterThan(user.indexOf('<article number="1">'));
    expect(user.match(/<\/article>/g)?.length).toBe(user.match(/<article number=/g)?.length);
    expect(embed(reply).description).toMatch(/^• A family bakery in Millbrook won first prize at the regional bread awards on Saturday for its sourdough rye\. \[1\]/);
    expect(embed(reply).footer?.text).toBe('Sentences quoted from the sources above.');
    expect(reply.mention_everyone).toBe(false);
    // Quoted, the article's own words ping no one and link nowhere they could hide a destination.
    expect(JSON.stringify(reply)).not.toMatch(/<@1|\]\(https:\/\/evil/);
  });

  it('falls back to quoting the sources when the model fails', async () => {
    model.script({ kind: 'status', status: 503 });
    const reply = await answer(modelled, AGNES);
    expect(embed(reply).description).toContain(`[1] ${COASTLINE_SOURCE}`);
    expect(embed(reply).footer?.text).toBe('Sentences quoted from the sources above.');
  });

  it('asks the model nothing when the server’s sources hold nothing about the question', async () => {
    const before = model.requests.length;
    expect((await answer(modelled, NOTHING)).content).toBe(`I found nothing in this server’s sources about “${NOTHING}”.`);
    expect(model.requests.length).toBe(before);
  });
});
