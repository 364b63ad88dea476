import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStoreEngine } from '../../src/store/open-store-engine.ts';
import { option, sub } from '../support/discord/herald-on-loopback.ts';
import { ADMIN_PERMISSIONS, startLoopbackDiscord, type InteractionHandle, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { killAllHerald, startHerald, type HeraldProcess } from '../support/herald-process.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';
import { DETAILS, STORIES } from '../support/local-stories.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

/*
 * Herald holds three secrets: the bot token, the model's API key and the store's password. Every failure path
 * a stranger can trigger (a model that echoes the key back, Discord failing, sources failing, a store that
 * cannot be reached, a token Discord refuses) is run here against a whole process logging at its most verbose,
 * and everything it let out is searched: its logs, every request it made to Discord (messages and replies),
 * /healthz and /metrics.
 */

const root = path.resolve(import.meta.dirname, '../..');
const GUILD = '1200000000000000001';
const NEWS = '1300000000000000001';
const ADMIN = { id: '1400000000000000001', username: 'admin' };

const API_KEY = `sk-herald-${randomBytes(12).toString('hex')}`;
const STORE_PASSWORD = `pw${randomBytes(12).toString('hex')}`;

let discord: LoopbackDiscord;
let model: FakeOpenAiServer;
let feeds: TestServer;
let folder: string;
let config: string;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: ADMIN.id, channels: [{ id: NEWS, name: 'news' }] }] });
  model = await startFakeOpenAiServer();
  feeds = await startTestServer({ '/broken.xml': respond('<h1>Internal error</h1>', { 'content-type': 'text/html' }, 500) });
  folder = await mkdtemp(path.join(tmpdir(), 'herald-secrets-'));
  const articles = path.join(folder, 'articles');
  await mkdir(articles);
  await Promise.all(
    STORIES.map(([title, body], index) =>
      writeFile(path.join(articles, `story-${index}.html`), `<html><head><title>${title}</title><meta property="og:url" content="https://local.example/story-${index}"></head><body><article><h1>${title}</h1><p>${body} ${DETAILS[index]}</p></article></body></html>`),
    ),
  );
  const defaults = JSON.parse(await readFile(path.join(root, 'config/default.json'), 'utf8')) as Record<string, unknown>;
  config = path.join(folder, 'config.json');
  await writeFile(config, JSON.stringify({ ...defaults, sources: [articles, feeds.url('/broken.xml'), 'http://10.0.0.1/feed.xml'], ingest: { ...(defaults.ingest as object), seedFirstPoll: false } }));
});

afterAll(async () => {
  await killAllHerald();
  await Promise.all([discord?.close(), model?.close(), feeds?.close()]);
  await rm(folder, { recursive: true, force: true });
  await dropTestDatabases();
});

/** The store's address with the password in it, as an operator writes HERALD_STORE (the test server trusts any password). */
function withPassword(url: string, password = STORE_PASSWORD): string {
  const address = new URL(url);
  address.password = password;
  return address.toString();
}

/** The pieces of each secret worth finding alone: a token's signature part is what an attacker needs. */
function secretsOf(token: string): string[] {
  return [token, token.split('.').at(-1)!, API_KEY, STORE_PASSWORD];
}

function expectNoSecrets(where: string, text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text.includes(secret), `${where} contains a secret`).toBe(false);
}

function startWith(env: NodeJS.ProcessEnv): HeraldProcess {
  return startHerald({ HERALD_LOG_LEVEL: 'trace', HERALD_ALLOW_HOSTS: '127.0.0.1', HERALD_CONFIG: config, OPENAI_API_KEY: API_KEY, OPENAI_BASE_URL: model.baseURL, OPENAI_EMBEDDINGS_MODEL: 'embedder', ...env });
}

async function scheduleDueNow(store: string): Promise<void> {
  const opened = await openStoreEngine(store, { retentionMs: 30 * 86_400_000 });
  const due = new Date(Date.now() - 60_000);
  const schedule = { id: 's-news', channelId: NEWS, crons: [`${due.getUTCMinutes()} ${due.getUTCHours()} * * *`], when: 'morning', timezone: 'UTC', topics: [], maxItems: 10, createdBy: ADMIN.id, createdAt: new Date(Date.now() - 86_400_000).toISOString() };
  await opened.guilds.update(GUILD, (settings) => ({ ...settings, schedules: [schedule] }));
  await opened.close();
}

/** Everything the member was shown: a slow command's error replaces its "thinking…" with a private follow-up. */
async function answered(handle: Promise<InteractionHandle>): Promise<string> {
  const interaction = await handle;
  await Promise.any([interaction.waitForOriginal(undefined, 20_000), interaction.waitForFollowUp(undefined, 20_000)]);
  return JSON.stringify(interaction.messages());
}

describe.skipIf(!hasPostgres)('secrets under every failure path', () => {
  it('never shows the token, the API key or the store password in logs, replies, posts, /healthz or /metrics', async () => {
    const store = withPassword(await createTestDatabase());
    await scheduleDueNow(store);
    // Real servers echo a wrong key in their error message; the first answers say so, as a 401 does.
    model.script(...Array.from({ length: 50 }, () => ({ kind: 'status' as const, status: 401, message: `Incorrect API key provided: ${API_KEY}` })));
    model.failEmbeddings(500, 50);
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${NEWS}/messages`) }, { status: 500 }, 1);
    discord.failNext({ method: 'POST', path: new RegExp(`/channels/${NEWS}/messages`) }, { status: 429, retryAfterSeconds: 1 }, 1);
    const herald = startWith({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_HTTP_PORT: '0' });
    await herald.logged('"ingest finished"');
    await discord.waitForChannelMessage(NEWS, undefined, 30_000);
    discord.dropGateway({ resumable: true });
    await discord.waitForBot(20_000);

    const run = (name: string, options = [] as Parameters<typeof discord.runCommand>[0]['options']) =>
      answered(discord.runCommand({ guildId: GUILD, channelId: NEWS, user: ADMIN, permissions: ADMIN_PERMISSIONS, name, ...(options ? { options } : {}) }));
    const replies = [
      await run('status'),
      await run('sources', [sub('list')]),
      await run('summarize', [option('url', 'http://10.0.0.1/article')]),
      await run('summarize', [option('url', feeds.url('/broken.xml'))]),
      await run('ask', [option('question', 'What happened to the Carlisle rail bridge?')]),
      await run('news', [option('topic', 'lifeboat')]),
    ];
    const ops = await herald.opsUrl();
    const pages = await Promise.all(['/healthz', '/metrics'].map(async (page) => (await fetch(`${ops}${page}`)).text()));
    expect(await herald.stop()).toBe(0);

    expect(model.requests.length, 'the model was asked, and failed').toBeGreaterThan(0);
    const secrets = secretsOf(discord.token);
    expectNoSecrets('the logs', herald.output(), secrets);
    expectNoSecrets('the replies', replies.join('\n'), secrets);
    expectNoSecrets('what Herald sent Discord', JSON.stringify(discord.requests.map((request) => request.body)), secrets);
    expectNoSecrets('/healthz and /metrics', pages.join('\n'), secrets);
    expect(herald.output(), 'the model\'s refusal was logged').toContain('HTTP 401');
  }, 120_000);

  it('never shows the store password when the store cannot be reached', async () => {
    const herald = startWith({ HERALD_STORE: withPassword('postgres://herald@127.0.0.1:1/herald'), DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase });
    expect(await herald.exited).toBe(1);
    expect(herald.output()).not.toBe('');
    expectNoSecrets('the logs', herald.output(), secretsOf(discord.token));
  }, 60_000);

  it('never shows a token Discord refuses', async () => {
    const refused = `${Buffer.from('1500000000000000001').toString('base64')}.refused.${randomBytes(20).toString('base64url')}`;
    const herald = startWith({ HERALD_STORE: 'memory:', DISCORD_TOKEN: refused, DISCORD_API_BASE: discord.apiBase });
    expect(await herald.exited).not.toBe(0);
    expect(herald.output()).not.toBe('');
    expectNoSecrets('the logs', herald.output(), secretsOf(refused));
  }, 60_000);
});
