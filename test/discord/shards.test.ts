import { spawn } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Events, type Interaction } from 'discord.js';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type HeraldConfig } from '../../src/config/load-config.ts';
import type { DiscordBot } from '../../src/discord/discord-bot.ts';
import { startHeraldOnLoopback, type HeraldOnLoopback } from '../support/discord/herald-on-loopback.ts';
import { startLoopbackDiscord, type CommandInput, type GuildSetup, type StoredMessage } from '../support/discord/loopback-discord.ts';

// Which shard a guild is on is (id >> 22) % 2: these two ids differ in that bit, so the guilds are on shards 1 and 0.
const GUILD_ON_1 = '1200000000000000001';
const NEWS_ON_1 = '1300000000000000001';
const GUILD_ON_0 = '1200000000004194305';
const NEWS_ON_0 = '1300000000000000002';
const GUILDS: GuildSetup[] = [
  { id: GUILD_ON_1, name: 'Odd', ownerId: '1400000000000000001', channels: [{ id: NEWS_ON_1, name: 'news' }] },
  { id: GUILD_ON_0, name: 'Even', ownerId: '1400000000000000001', channels: [{ id: NEWS_ON_0, name: 'news' }] },
];
const HELP_ON_1: CommandInput = { guildId: GUILD_ON_1, channelId: NEWS_ON_1, name: 'help' };
const HELP_ON_0: CommandInput = { guildId: GUILD_ON_0, channelId: NEWS_ON_0, name: 'help' };

let config: HeraldConfig;
beforeAll(async () => {
  config = await loadConfig({ HERALD_STORE: 'memory:' });
});

/** The ids of the interactions a bot's client receives, in order. */
function interactionsSeenBy(bot: DiscordBot): string[] {
  const seen: string[] = [];
  bot.client.on(Events.InteractionCreate, (interaction: Interaction) => seen.push(interaction.id));
  return seen;
}

/** /help's answer: one private embed headed "Herald". */
function isHelp(reply: StoredMessage): boolean {
  return reply.embeds?.[0]?.title === 'Herald';
}

describe('Herald split over two gateway processes, one shard each', () => {
  let herald: HeraldOnLoopback;
  let shard0: DiscordBot;
  let shard1: DiscordBot;
  const logged: string[] = [];

  beforeAll(async () => {
    herald = await startHeraldOnLoopback({ guilds: GUILDS, config, shardCount: 2, shards: { count: 2, ids: [0] } });
    shard0 = herald.bot;
    const lines = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        logged.push(chunk.toString());
        done();
      },
    });
    shard1 = herald.addBot({ count: 2, ids: [1] }, pino(lines));
    await Promise.all([shard0.login(herald.discord.token), shard1.login(herald.discord.token)]);
  }, 30_000);

  afterAll(async () => {
    await herald?.close();
  });

  it('answers a command in a guild of shard 1 from the shard-1 process only', async () => {
    const seenBy0 = interactionsSeenBy(shard0);
    const seenBy1 = interactionsSeenBy(shard1);

    const command = await herald.discord.runCommand(HELP_ON_1);

    expect(command.shard).toBe(1);
    expect(isHelp(await command.waitForOriginal())).toBe(true);
    expect(seenBy1).toEqual([command.id]);
    // Shard 0's connection delivers in order: had the first command reached it, it would have come before this one.
    const onShard0 = await herald.discord.runCommand(HELP_ON_0);
    await onShard0.waitForOriginal();
    expect(seenBy0).toEqual([onShard0.id]);
  });

  it('logs the shards a process runs once it is connected', () => {
    const connected = logged.map((line) => JSON.parse(line) as { msg: string; shards?: number[]; shardCount?: number }).find((line) => line.msg === 'connected to Discord');
    expect(connected).toMatchObject({ shards: [1], shardCount: 2 });
  });

  it('reports each process ready on its own shard', () => {
    expect([shard0.shardsReady(), shard1.shardsReady()]).toEqual([[{ id: 0, ready: true }], [{ id: 1, ready: true }]]);
  });
});

describe('Herald running both shards in one process', () => {
  let herald: HeraldOnLoopback;

  beforeAll(async () => {
    herald = await startHeraldOnLoopback({ guilds: GUILDS, config, shardCount: 2, shards: { count: 2, ids: [0, 1] } });
    // discord.js spaces a process's IDENTIFYs 5 s apart, as Discord's max_concurrency of 1 asks.
    await herald.bot.login(herald.discord.token);
  }, 30_000);

  afterAll(async () => {
    await herald?.close();
  });

  it('answers commands in the guilds of both shards', async () => {
    const [on1, on0] = [await herald.discord.runCommand(HELP_ON_1), await herald.discord.runCommand(HELP_ON_0)];

    expect([on1.shard, on0.shard]).toEqual([1, 0]);
    expect(isHelp(await on1.waitForOriginal())).toBe(true);
    expect(isHelp(await on0.waitForOriginal())).toBe(true);
  });

  /** Drops shard 1's connection; resolves with what shardsReady said while it was down, once it has resumed. */
  async function outageOfShard1(): Promise<ReturnType<DiscordBot['shardsReady']>> {
    const { bot, discord } = herald;
    const whileDown = new Promise<ReturnType<DiscordBot['shardsReady']>>((resolve) => bot.client.once(Events.ShardReconnecting, () => resolve(bot.shardsReady())));
    const resumed = new Promise<void>((resolve) => bot.client.once(Events.ShardResume, () => resolve()));
    discord.dropGateway({ shard: 1 });
    await resumed;
    return whileDown;
  }

  it('reports a shard not ready while its connection is down, and ready again once it resumes', async () => {
    const [zero, one] = await outageOfShard1();

    expect([zero, one?.ready]).toEqual([{ id: 0, ready: true }, false]);
    expect(herald.bot.shardsReady()).toEqual([
      { id: 0, ready: true },
      { id: 1, ready: true },
    ]);
  });

  it('says since when a shard has been down, counting each outage from its own start', async () => {
    await outageOfShard1();
    const secondDropAt = Date.now();

    const [, one] = await outageOfShard1();

    expect(one?.notReadySince?.getTime()).toBeGreaterThanOrEqual(secondDropAt);
  });
});

describe('Herald with DISCORD_SHARDS=auto', () => {
  it('runs as many shards as GET /gateway/bot recommends, and answers in each', async () => {
    const herald = await startHeraldOnLoopback({ guilds: GUILDS, config, shardCount: 2, shards: { count: 'auto' } });
    try {
      await herald.bot.login(herald.discord.token);

      expect(herald.bot.shardsReady().map((shard) => shard.id)).toEqual([0, 1]);
      expect(isHelp(await (await herald.discord.runCommand(HELP_ON_0)).waitForOriginal())).toBe(true);
      expect(isHelp(await (await herald.discord.runCommand(HELP_ON_1)).waitForOriginal())).toBe(true);
    } finally {
      await herald.close();
    }
  }, 30_000);
});

describe('npm start with DISCORD_SHARDS and DISCORD_SHARD_IDS', () => {
  it('connects as the shards they name', async () => {
    const discord = await startLoopbackDiscord({ guilds: GUILDS, shardCount: 2 });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DISCORD_TOKEN: discord.token, DISCORD_API_BASE: discord.apiBase, DISCORD_SHARDS: '2', DISCORD_SHARD_IDS: '1', HERALD_STORE: 'memory:', HERALD_LOG_LEVEL: 'info' },
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const connected = await new Promise<string>((resolve, reject) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const line = stderr.split('\n').find((candidate) => candidate.includes('"connected to Discord"'));
          if (line) resolve(line);
        });
        child.on('exit', (code) => reject(new Error(`herald exited with ${code} before connecting: ${stderr}`)));
      });
      expect(JSON.parse(connected)).toMatchObject({ shards: [1], shardCount: 2 });
      expect(discord.gatewaySessions(1).identifies).toBe(1);
      expect(discord.gatewaySessions(0).identifies).toBe(0);
    } finally {
      child.kill('SIGTERM');
      await exited;
      await discord.close();
    }
  }, 30_000);
});
