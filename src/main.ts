import { loadConfig } from './config/load-config.ts';
import { readDiscordEnv } from './config/discord-env.ts';
import { readRole } from './config/role-env.ts';
import type { Poster } from './deliver/poster.ts';
import { consoleContact, consolePoster, runConsole } from './discord/console/run-console.ts';
import { createDiscordBot, type DiscordBot } from './discord/discord-bot.ts';
import { loadCommands } from './discord/load-commands.ts';
import type { RequestPacer } from './discord/request-pacer.ts';
import { createRestMemberContact } from './discord/rest-member-contact.ts';
import { createDeliveryPoster, DELIVERY_REQUESTS_PER_SECOND, workerRest } from './discord/rest-poster.ts';
import type { MemberContact } from './deliver/follows/member-contact.ts';
import { startHeraldApp, type HeraldApp } from './herald-app.ts';
import { InputError } from './input-error.ts';
import { createLogger } from './logger.ts';
import { appHealth } from './ops/app-health.ts';
import { metricsObserver } from './ops/app-observer.ts';
import { createHeraldMetrics } from './ops/metrics.ts';
import { observeDiscordRest } from './ops/observe-discord-rest.ts';
import { readOpsEnv } from './ops/ops-config.ts';
import { startOpsServer, type OpsServer } from './ops/ops-server.ts';

/**
 * `npm start`: with DISCORD_TOKEN, the bot on Discord; without, the same bot in this terminal, on the
 * sample sources in config/, with no network needed. HERALD_ROLE splits the work between processes sharing
 * a PostgreSQL store: gateways answer slash commands on their shards, workers poll sources and deliver
 * digests; `all` (the default) does both. Every role runs until SIGINT or SIGTERM, and stops gracefully.
 */
async function main(): Promise<void> {
  const startedAt = new Date();
  const discord = readDiscordEnv(process.env);
  const role = readRole(process.env);
  const ops = readOpsEnv(process.env);
  // In the terminal, log lines would interleave with the replies; only problems are shown there unless asked.
  const logger = createLogger({ ...process.env, HERALD_LOG_LEVEL: process.env.HERALD_LOG_LEVEL ?? (discord.token ? 'info' : 'warn') });
  if (role !== 'all' && !discord.token) throw new InputError(`HERALD_ROLE=${role} needs DISCORD_TOKEN; without it Herald runs in this terminal, as one process (HERALD_ROLE=all)`);
  const config = await loadConfig();
  const commands = await loadCommands();
  const metrics = createHeraldMetrics({ role });
  let starting: Promise<HeraldApp> | undefined;
  // Every process of a fleet paces its posts through the store it shares, since Discord's limit is per bot.
  const pace: RequestPacer = async (request) => (await starting!).engine.pacer(DELIVERY_REQUESTS_PER_SECOND)(request);

  let bot: DiscordBot | undefined;
  let poster: Poster = consolePoster(process.stdout);
  let contact: MemberContact = consoleContact;
  if (discord.token && role !== 'worker') {
    bot = createDiscordBot({
      ...(discord.apiBase ? { apiBase: discord.apiBase } : {}),
      ...(discord.shards ? { shards: discord.shards } : {}),
      commands,
      services: async () => (await starting!).services,
      logger,
      pace,
      onAnswered: (command, seconds) => metrics.interactionSeconds.observe({ command }, seconds),
    });
    observeDiscordRest(bot.client.rest, metrics);
    poster = bot.poster;
    contact = bot.contact;
  } else if (discord.token) {
    const rest = workerRest({ token: discord.token, ...(discord.apiBase ? { apiBase: discord.apiBase } : {}) });
    observeDiscordRest(rest, metrics);
    poster = createDeliveryPoster(rest, logger, pace);
    contact = createRestMemberContact(rest, pace);
  }
  starting = startHeraldApp({ config, env: process.env, logger, poster, contact, role, observer: metricsObserver(metrics) });
  let opsServer: OpsServer | undefined;
  let stopRequested = false;
  const stop = async (signal: string): Promise<void> => {
    stopRequested = true;
    logger.info({ signal, role }, 'stopping');
    // The gateway goes first so that no new command starts; digests in flight still go out over REST while
    // app.stop waits for them; health and metrics answer until the very end. A signal that comes while the
    // store is still opening (a gateway may be connected by then) waits for it to open, and closes it.
    await bot?.stop();
    await (await starting!.catch(() => undefined))?.stop();
    await opsServer?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // A gateway connects while its store opens; the commands that arrive meanwhile wait for it (deferred, if need be).
  const loggingIn = discord.token && bot ? bot.login(discord.token) : undefined;
  loggingIn?.catch(() => undefined);
  const app = await starting.catch(async (error: unknown) => {
    await bot?.stop();
    throw error;
  });
  if (stopRequested) return;
  opsServer = ops ? await startOpsServer({ ...ops, metrics, logger, health: appHealth(app, { startedAt, ...(bot ? { shards: () => bot.shardsReady() } : {}) }) }) : undefined;

  if (discord.token) {
    await loggingIn;
    if (role === 'gateway' || stopRequested) return;
    await app.ingestAll();
    await app.startDelivery();
    logger.info({ role }, 'polling sources and delivering digests');
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
