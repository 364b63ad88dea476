import type { HeraldConfig } from './config/load-config.ts';
import type { Fetcher } from './ingest/fetch/fetcher.ts';
import { createHttpFetcher } from './ingest/fetch/http-fetcher.ts';
import { openStoreEngine } from './store/open-store-engine.ts';
import type { StoreEngine } from './store/store-engine.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The long-lived pieces every entry point needs, built once from the config. */
export interface Runtime {
  config: HeraldConfig;
  engine: StoreEngine;
  fetcher: Fetcher;
  close(): Promise<void>;
}

export async function openRuntime(config: HeraldConfig, options: { now?: () => Date } = {}): Promise<Runtime> {
  const engine = await openStoreEngine(config.store, { retentionMs: config.retentionDays * DAY_MS, ...(options.now ? { now: options.now } : {}) });
  const fetcher = createHttpFetcher({ ...config.fetch, validators: engine.validators });
  return { config, engine, fetcher, close: () => engine.close() };
}

/** A fetcher alone, for commands that read one page and store nothing. */
export function createConfiguredFetcher(config: HeraldConfig): Fetcher {
  return createHttpFetcher(config.fetch);
}
