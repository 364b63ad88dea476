import type { APIApplicationCommandInteractionDataBasicOption, APIApplicationCommandInteractionDataOption } from 'discord.js';
import type { HeraldConfig } from '../../../src/config/load-config.ts';
import { createDiscordBot, type DiscordBot } from '../../../src/discord/discord-bot.ts';
import { loadCommands } from '../../../src/discord/load-commands.ts';
import type { MinuteTicker } from '../../../src/deliver/digest-scheduler.ts';
import type { ShardChoice } from '../../../src/discord/shard-choice.ts';
import { startHeraldApp, type HeraldApp } from '../../../src/herald-app.ts';
import { createLogger, type Logger } from '../../../src/logger.ts';
import { startLoopbackDiscord, type GuildSetup, type LoopbackDiscord } from './loopback-discord.ts';

/** Herald as `npm start` runs it with a token, logged in to a loopback Discord: the real client, app and commands. */
export interface HeraldOnLoopback {
  discord: LoopbackDiscord;
  app: HeraldApp;
  bot: DiscordBot;
  commands: Awaited<ReturnType<typeof loadCommands>>;
  /** Another gateway process of the same Herald (same services), running other shards; not logged in yet, stopped with the rest. */
  addBot(shards: ShardChoice, logger?: Logger): DiscordBot;
  /** Stops the app and starts it again on the same config and store, as a restart does; the bots answer with the new one. */
  restartApp(): Promise<HeraldApp>;
  /**
   * Stops Herald (every bot, and the app) and starts it again on the same store and Discord, logged in: nothing
   * in memory survives, as after a deploy. `app` and `bot` are the new ones afterwards. `whileDown` runs
   * between the stop and the start, for what happens while Herald is not running (another process on the store).
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface HeraldOnLoopbackOptions {
  guilds: GuildSetup[];
  config: HeraldConfig;
  /** The environment Herald reads besides its config, such as OPENAI_BASE_URL; empty unless given. */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Wakes the digest scheduler each minute of `now`'s clock (a simulated one); node-cron on the system clock unless given. */
  everyMinute?: MinuteTicker;
  /** The clock the loopback Discord mints message ids on (see LoopbackDiscordOptions.now); the system clock unless given. */
  discordNow?: () => number;
  /** The shards the loopback Discord asks for; 1 unless given. */
  shardCount?: number;
  /** The shards `bot` runs; discord.js's single shard unless given. */
  shards?: ShardChoice;
}

export async function startHeraldOnLoopback(options: HeraldOnLoopbackOptions): Promise<HeraldOnLoopback> {
  const discord = await startLoopbackDiscord({ guilds: options.guilds, ...(options.shardCount ? { shardCount: options.shardCount } : {}), ...(options.discordNow ? { now: options.discordNow } : {}) });
  const silent = createLogger({ HERALD_LOG_LEVEL: 'silent' });
  const commands = await loadCommands();
  let app: HeraldApp | undefined;
  const bots: DiscordBot[] = [];
  const addBot = (shards: ShardChoice | undefined, logger: Logger = silent): DiscordBot => {
    const bot = createDiscordBot({ apiBase: discord.apiBase, ...(shards ? { shards } : {}), commands, services: () => app!.services, logger });
    bots.push(bot);
    return bot;
  };
  const startApp = (bot: DiscordBot): Promise<HeraldApp> =>
    startHeraldApp({ config: options.config, env: options.env ?? {}, logger: silent, poster: bot.poster, contact: bot.contact, ...(options.now ? { now: options.now } : {}), ...(options.everyMinute ? { everyMinute: options.everyMinute } : {}) });
  const bot = addBot(options.shards);
  app = await startApp(bot);
  const herald: HeraldOnLoopback = {
    discord,
    app,
    bot,
    commands,
    addBot,
    async restartApp() {
      await herald.app.stop();
      app = herald.app = await startApp(herald.bot);
      return app;
    },
    async restart(whileDown) {
      for (const each of bots.splice(0)) await each.stop();
      await herald.app.stop();
      await whileDown?.();
      herald.bot = addBot(options.shards);
      app = herald.app = await startApp(herald.bot);
      await herald.bot.login(discord.token);
    },
    async close() {
      for (const each of bots) await each.stop();
      await herald.app.stop();
      await discord.close();
    },
  };
  return herald;
}

/** A slash command's string or integer option, as Discord sends it. */
export const option = (name: string, value: string | number, type = typeof value === 'number' ? 4 : 3): APIApplicationCommandInteractionDataOption =>
  ({ name, type, value }) as APIApplicationCommandInteractionDataOption;

/** A channel option, as Discord sends it. */
export const channelOption = (name: string, channelId: string): APIApplicationCommandInteractionDataOption => ({ name, type: 7, value: channelId }) as APIApplicationCommandInteractionDataOption;

/** A subcommand with its options. */
export const sub = (name: string, options: APIApplicationCommandInteractionDataOption[] = []): APIApplicationCommandInteractionDataOption => ({
  name,
  type: 1,
  options: options as APIApplicationCommandInteractionDataBasicOption[],
});
