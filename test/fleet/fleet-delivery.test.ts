import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresEngine } from '../../src/store/postgres/postgres-engine.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { shardOf } from '../support/discord/shards.ts';
import { channelsNotSentOnce, everyChannelHas, fleetFiles, fleetGuilds, ingestProcess, scheduleEveryChannelJustMissed } from '../support/fleet.ts';
import { killAllHerald, startHerald, type HeraldProcess } from '../support/herald-process.ts';
import { createTestDatabase, dropTestDatabases, hasPostgres } from '../support/postgres.ts';

const DAY = 86_400_000;
const GUILDS = fleetGuilds(4, 50);
const CHANNELS = GUILDS.flatMap((guild) => guild.channels.map((channel) => channel.id));

let discord: LoopbackDiscord;
let files: Awaited<ReturnType<typeof fleetFiles>>;
let store: string;

async function countArticles(store: string): Promise<number> {
  const engine = await openPostgresEngine(store, { retentionMs: 30 * DAY, poolSize: 1 });
  try {
    return await engine.catalog.count(new Date());
  } finally {
    await engine.close();
  }
}

/**
 * One fleet's life: started, a worker killed while delivering, commands answered, health reported. Five
 * processes and 200 channels take over a minute to start and deliver, too much to start again for each test, so
 * the fleet is started, and its delivery cut short, once before the tests, which read it in any order.
 */
describe.skipIf(!hasPostgres)('a fleet of two gateway shards and three workers on one PostgreSQL', () => {
  const gateways: HeraldProcess[] = [];
  const workers: HeraldProcess[] = [];
  let env: NodeJS.ProcessEnv;
  let postedBeforeKill: number;

  beforeAll(async () => {
    discord = await startLoopbackDiscord({ guilds: GUILDS, shardCount: 2 });
    files = await fleetFiles();
    store = await createTestDatabase();
    await ingestProcess(store, files.config, files.articles);
    await scheduleEveryChannelJustMissed(store, GUILDS);
    env = { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: store, HERALD_CONFIG: files.config, HERALD_HTTP_PORT: '0' };
    gateways.push(...[0, 1].map((shard) => startHerald({ ...env, HERALD_ROLE: 'gateway', DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: String(shard) })));
    workers.push(...[0, 1, 2].map(() => startHerald({ ...env, HERALD_ROLE: 'worker' })));
    // The first worker to post is cut off in the middle of its runs; the others take its schedules over when its leases run out.
    const victim = await Promise.race(workers.map((worker) => worker.logged('"digest posted"').then(() => worker)));
    victim.child.kill('SIGKILL');
    await victim.exited;
    postedBeforeKill = CHANNELS.filter((channelId) => discord.channelMessages(channelId).length > 0).length;
    await everyChannelHas(discord, CHANNELS, 10, 150_000);
  }, 240_000);

  afterAll(async () => {
    await killAllHerald();
    await discord?.close();
    await files?.close();
    await dropTestDatabases();
  });

  it('stores one copy of each article when two processes ingest the same folder at once', async () => {
    const empty = await createTestDatabase();
    const runs = await Promise.all([ingestProcess(empty, files.config, files.articles), ingestProcess(empty, files.config, files.articles)]);
    const reports = runs.map((run) => JSON.parse(run.stdout) as { new: number; duplicate: number });
    expect(reports.reduce((sum, report) => sum + report.new, 0)).toBe(10);
    expect(reports.reduce((sum, report) => sum + report.duplicate, 0)).toBe(10);
    expect(await countArticles(empty)).toBe(10);
  }, 60_000);

  it('delivers each of 200 channels its digest exactly once, though a worker is killed with SIGKILL in the middle', () => {
    expect(postedBeforeKill).toBeLessThan(CHANNELS.length);
    expect(channelsNotSentOnce(discord, CHANNELS, 10)).toEqual([]);
    expect(discord.requests.filter((request) => request.status === 429)).toEqual([]);
  });

  it('answers a slash command in a guild of shard 1 from the gateway running shard 1', async () => {
    const guild = GUILDS.find((candidate) => shardOf(candidate.id, 2) === 1)!;
    const handle = await discord.runCommand({ guildId: guild.id, channelId: guild.channels[0]!.id, name: 'help' });
    expect(handle.shard).toBe(1);
    expect((await handle.waitForOriginal(undefined, 10_000)).embeds?.[0]?.title).toBe('Herald');
  }, 30_000);

  it('reports each process healthy on /healthz, and what it did on /metrics', async () => {
    const alive = workers.filter((herald) => herald.child.exitCode === null && herald.child.signalCode === null);
    for (const worker of alive) {
      const health = await fetch(`${await worker.opsUrl()}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', role: 'worker', storeReachable: true });
    }
    const gatewayHealth = await (await fetch(`${await gateways[1]!.opsUrl()}/healthz`)).json();
    expect(gatewayHealth).toMatchObject({ status: 'ok', role: 'gateway', shards: { total: 1, ready: 1 } });
    // Which worker posted what is the leases' choice: together, the live ones posted and measured their lag.
    const metrics = await Promise.all(alive.map(async (worker) => (await fetch(`${await worker.opsUrl()}/metrics`)).text()));
    const total = (pattern: RegExp): number => metrics.reduce((sum, text) => sum + Number(pattern.exec(text)?.[1] ?? 0), 0);
    expect(total(/^herald_messages_sent_total (\d+)/m)).toBeGreaterThan(0);
    expect(total(/^herald_job_lag_seconds_count\{job="digest"\} (\d+)/m)).toBeGreaterThan(0);
    for (const text of metrics) expect(text).toMatch(/^herald_discord_rate_limited_total\{scope="global"\} 0$/m);
  }, 30_000);

  it('stops a gateway and a worker gracefully on SIGTERM', async () => {
    // A pair of their own, so that stopping them leaves the fleet the other tests read running.
    const gateway = startHerald({ ...env, HERALD_ROLE: 'gateway', DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '0' });
    const worker = startHerald({ ...env, HERALD_ROLE: 'worker' });
    await Promise.all([gateway.logged('"connected to Discord"'), worker.logged('"polling sources and delivering digests"')]);
    const pair = [gateway, worker];
    expect(await Promise.all(pair.map((herald) => herald.stop()))).toEqual([0, 0]);
  }, 60_000);
});
