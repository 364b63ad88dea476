import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';
import { channelsNotSentOnce, everyChannelHas, fleetFiles, fleetGuilds, ingestProcess, scheduleEveryChannelJustMissed } from '../support/fleet.ts';
import { killAllHerald, startHerald } from '../support/herald-process.ts';
import { privatePostgresProblem, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.ts';

const GUILDS = fleetGuilds(2, 40);
const CHANNELS = GUILDS.flatMap((guild) => guild.channels.map((channel) => channel.id));

describe.skipIf(privatePostgresProblem !== undefined && !process.env.CI)('delivery through a PostgreSQL restart', () => {
  let discord: LoopbackDiscord;
  let files: Awaited<ReturnType<typeof fleetFiles>>;
  let postgres: PrivatePostgres;

  beforeAll(async () => {
    discord = await startLoopbackDiscord({ guilds: GUILDS });
    files = await fleetFiles();
    postgres = await startPrivatePostgres();
    await ingestProcess(postgres.url, files.config, files.articles);
  }, 60_000);

  afterAll(async () => {
    await killAllHerald();
    await discord?.close();
    await postgres?.destroy();
    await files?.close();
  });

  it('loses and doubles nothing when the database goes away in the middle of a delivery and comes back', async () => {
    await scheduleEveryChannelJustMissed(postgres.url, GUILDS);
    const env = { DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, HERALD_STORE: postgres.url, HERALD_CONFIG: files.config, HERALD_HTTP_PORT: '0' };
    const workers = [startHerald({ ...env, HERALD_ROLE: 'worker' }), startHerald({ ...env, HERALD_ROLE: 'worker' })];
    await Promise.race(workers.map((worker) => worker.logged('"digest posted"')));
    await postgres.stop();
    const postedWhileDown = CHANNELS.filter((channelId) => discord.channelMessages(channelId).length > 0).length;
    const whileDown = await fetch(`${await workers[0]!.opsUrl()}/healthz`);
    // Long enough an outage that posts, journal writes and leases all fail on the way.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await postgres.start();
    expect(whileDown.status).toBe(503);
    expect(await whileDown.json()).toMatchObject({ status: 'unhealthy', storeReachable: false });
    expect(postedWhileDown).toBeLessThan(CHANNELS.length);
    await everyChannelHas(discord, CHANNELS, 10, 120_000);
    expect(channelsNotSentOnce(discord, CHANNELS, 10)).toEqual([]);
    expect(await Promise.all(workers.map((worker) => worker.stop()))).toEqual([0, 0]);
  }, 240_000);
});
