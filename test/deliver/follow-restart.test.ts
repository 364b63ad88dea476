import type { APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyvFollowStore } from '../../src/deliver/follows/follow-store.ts';
import type { FollowStore } from '../../src/deliver/follows/follow-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { openPostgresEngine } from '../../src/store/postgres/postgres-engine.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { fleetFiles, ingestProcess } from '../support/fleet.ts';
import { killAllHerald, startHerald } from '../support/herald-process.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

const GUILD = '1200000000000000001';
const DAY = 86_400_000;
const TOPICS = ['Ashford', 'Brixham', 'Carlisle'];

let discord: LoopbackDiscord;
let files: Awaited<ReturnType<typeof fleetFiles>>;
let readers = 0;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: '1300000000000000001', name: 'news' }] }] });
  files = await fleetFiles();
});

afterAll(async () => {
  await killAllHerald();
  await discord?.close();
  await files?.close();
  await dropTestDatabases();
});

/** A member of the server who began following three of the local stories' places yesterday, before the stories came. */
async function followingSinceYesterday(follows: FollowStore): Promise<string> {
  readers += 1;
  const userId = `14200000000000000${String(readers).padStart(2, '0')}`;
  discord.addMember(GUILD, { id: userId, username: `reader${readers}` });
  const createdAt = new Date(Date.now() - DAY).toISOString();
  await follows.update(GUILD, userId, (record) => ({ ...record, follows: TOPICS.map((topic) => ({ topic, createdAt })) }));
  return userId;
}

function storiesSent(userId: string): string[] {
  return discord.directMessages(userId).flatMap((message) => ((message.embeds ?? []) as APIEmbed[]).map((embed) => embed.url ?? ''));
}

const env = (store: string) => ({ DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: files.config });

describe('follows across restarts and processes', () => {
  it('finishes a bundle cut short by kill -9 after a restart, sending it once', async () => {
    const store = `${files.folder}/follows.sqlite`;
    const opened = await openStore(store);
    const userId = await followingSinceYesterday(createKeyvFollowStore(opened));
    await opened.close();
    // The bundle is journaled, and its message held back, when the process dies.
    discord.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/ }, { status: 429, retryAfterSeconds: 5 }, 1);
    const first = startHerald(env(store));
    while (!discord.requests.some((request) => request.status === 429 && /^\/channels\/\d+\/messages$/.test(request.path))) await new Promise((resolve) => setTimeout(resolve, 50));
    first.child.kill('SIGKILL');
    await first.exited;
    expect(discord.directMessages(userId)).toEqual([]);
    const second = startHerald(env(store));
    await discord.waitForDirectMessage(userId, undefined, 20_000);
    await second.stop();
    const again = startHerald(env(store));
    // Starting delivery makes a whole follow pass before this is logged: a bundle sent twice would be sent by now.
    await again.logged('"polling sources and delivering digests"');
    await again.stop();
    expect(discord.directMessages(userId)).toHaveLength(1);
    expect(new Set(storiesSent(userId)).size).toBe(TOPICS.length);
  }, 90_000);

  it.skipIf(!hasPostgres)('sends a member one bundle when two workers on one PostgreSQL look at once', async () => {
    const store = await createTestDatabase();
    await ingestProcess(store, files.config, files.articles);
    const engine = await openPostgresEngine(store, { retentionMs: 30 * DAY, poolSize: 2 });
    const userId = await followingSinceYesterday(engine.follows);
    await engine.close();
    const workers = [0, 1].map(() => startHerald({ ...env(store), HERALD_ROLE: 'worker' }));
    await discord.waitForDirectMessage(userId, undefined, 30_000);
    // Each worker has made its first follow pass (or found the other's lease) once this is logged.
    await Promise.all(workers.map((worker) => worker.logged('"polling sources and delivering digests"')));
    await Promise.all(workers.map((worker) => worker.stop()));
    expect(discord.directMessages(userId)).toHaveLength(1);
    expect(new Set(storiesSent(userId)).size).toBe(TOPICS.length);
  }, 90_000);
});
