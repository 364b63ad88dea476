import cron from 'node-cron';
import { loadConfig } from './config/load-config.ts';
import { InputError } from './input-error.ts';
import { openNewsroom } from './brief/open-newsroom.ts';
import { ingestInputs } from './ingest/ingest-inputs.ts';
import { createLogger } from './logger.ts';
import { openRuntime } from './runtime.ts';

/**
 * `npm start`: ingests the configured sources now and again on the configured schedule, until stopped.
 * Each run is logged with its counts; a failing source is logged and the next run tries it again.
 */
const logger = createLogger();

async function main(): Promise<void> {
  const config = await loadConfig();
  const runtime = await openRuntime(config);
  const newsroom = await openNewsroom(runtime, { env: process.env, now: () => new Date(), logger });
  logger.info(
    { store: runtime.store.description, articles: newsroom.size, summarizer: newsroom.summarizerDescription, sources: config.sources.length, schedule: config.ingest.schedule },
    'herald started',
  );

  let running: Promise<void> | undefined;
  const ingestSources = async (): Promise<void> => {
    const started = Date.now();
    const report = await ingestInputs(config.sources, {
      fetcher: runtime.fetcher,
      repository: runtime.articles,
      now: () => new Date(),
      completeSnippets: config.ingest.completeSnippets,
      concurrency: config.ingest.concurrency,
      onNew: (article) => newsroom.add(article),
    });
    const expired = newsroom.prune();
    for (const failure of report.failures) logger.warn({ input: failure.input }, failure.reason);
    logger.info({ new: report.new, duplicate: report.duplicate, failed: report.failed, expired, articles: newsroom.size, ms: Date.now() - started }, 'ingest finished');
  };
  const runOnce = (): Promise<void> => {
    // A slow run is not started twice; the next tick after it finishes picks up where it left off.
    running ??= ingestSources()
      .catch((error: unknown) => logger.error({ err: error }, 'ingest run failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  const task = cron.schedule(config.ingest.schedule, runOnce, { name: 'ingest', noOverlap: true });
  const stop = async (signal: string): Promise<void> => {
    logger.info({ signal }, 'stopping');
    await task.destroy();
    await running;
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  await runOnce();
}

main().catch((error: unknown) => {
  if (error instanceof InputError) logger.error(error.message);
  else logger.error({ err: error }, 'herald could not start');
  process.exitCode = 1;
});
