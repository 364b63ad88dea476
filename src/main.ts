import { loadConfig } from './config/load-config.ts';
import { readDiscordEnv } from './config/discord-env.ts';
import { consolePoster, runConsole } from './discord/console/run-console.ts';
import { createDiscordBot } from './discord/discord-bot.ts';
import { loadCommands } from './discord/load-commands.ts';
import { startHeraldApp, type HeraldApp } from './herald-app.ts';
import { InputError } from './input-error.ts';
import { createLogger } from './logger.ts';

/**
 * `npm start`: with DISCORD_TOKEN, the bot on Discord; without, the same bot in this terminal, on the
 * sample sources in config/, with no network needed. Either way every source is polled on its own interval,
 * and every server's digests go out on their schedules, until SIGINT or SIGTERM.
 */
async function main(): Promise<void> {
  const discord = readDiscordEnv(process.env);
  // In the terminal, log lines would interleave with the replies; only problems are shown there unless asked.
  const logger = createLogger({ ...process.env, HERALD_LOG_LEVEL: process.env.HERALD_LOG_LEVEL ?? (discord.token ? 'info' : 'warn') });
  const config = await loadConfig();
  const commands = await loadCommands();
  let app: HeraldApp | undefined;
  const bot = discord.token
    ? createDiscordBot({ ...(discord.apiBase ? { apiBase: discord.apiBase } : {}), ...(discord.shards ? { shards: discord.shards } : {}), commands, services: () => app!.services, logger })
    : undefined;
  app = await startHeraldApp({ config, env: process.env, logger, poster: bot?.poster ?? consolePoster(process.stdout) });

  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'stopping');
    // The gateway goes first so that no new command starts; digests in flight still go out over REST while app.stop waits for them.
    await bot?.stop();
    await app?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  if (bot && discord.token) {
    await bot.login(discord.token);
    await app.ingestAll();
    await app.startDelivery();
    return;
  }
  const report = await app.ingestAll();
  await app.startDelivery();
  process.stdout.write(
    `Herald is running in this terminal (set DISCORD_TOKEN to connect to Discord).\n` +
      `${await app.newsroom.count()} articles from ${config.sources.join(', ')}${report.failed ? ` (${report.failed} could not be read)` : ''}; summaries: ${app.newsroom.summarizerDescription}.\n` +
      `Type a slash command, for example /news topic:north korea, /brief, /topics or /help. Ctrl-C quits.\n\n`,
  );
  await runConsole({ commands, services: app.services, input: process.stdin, output: process.stdout, logger });
}

main().catch((error: unknown) => {
  const logger = createLogger();
  if (error instanceof InputError) logger.error(error.message);
  else logger.error({ err: error }, 'herald could not start');
  process.exitCode = 1;
});
