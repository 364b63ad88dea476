import { afterAll, beforeAll, expect, it } from 'vitest';
import { createDiscordBot } from '../../src/discord/discord-bot.ts';
import { loadCommands } from '../../src/discord/load-commands.ts';
import { createLogger } from '../../src/logger.ts';
import { startLoopbackDiscord, type LoopbackDiscord } from '../support/discord/loopback-discord.ts';

const GUILD = '1200000000000000001';
let discord: LoopbackDiscord;

beforeAll(async () => {
  discord = await startLoopbackDiscord({ guilds: [{ id: GUILD, name: 'Newsroom', ownerId: '1400000000000000001', channels: [{ id: '1300000000000000001', name: 'news' }] }], heartbeatIntervalMs: 100 });
});

afterAll(async () => {
  await discord?.close();
});

it('leaves no gateway connected when stopped while it was still logging in', async () => {
  const bot = createDiscordBot({ apiBase: discord.apiBase, commands: await loadCommands(), services: () => new Promise(() => undefined), logger: createLogger({ HERALD_LOG_LEVEL: 'silent' }) });
  // Stopped while discord.js is still asking Discord where its gateway is, as when the store fails to open at start.
  const loggingIn = bot.login(discord.token);
  await bot.stop();
  await loggingIn;
  const { heartbeats } = discord.gatewaySessions();
  // Ten heartbeat intervals: a connection left open after the stop beats all through them.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(discord.gatewaySessions().heartbeats).toBe(heartbeats);
}, 15_000);
