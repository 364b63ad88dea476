import type { HeraldConfig } from './config/load-config.ts';
import type { Fetcher } from './ingest/fetch/fetcher.ts';
import { createHttpFetcher } from './ingest/fetch/http-fetcher.ts';
import { createKeyvArticleRepository, type ArticleRepository } from './store/article-repository.ts';
import { createKeyvValidatorStore } from './store/keyv-validator-store.ts';
import { openStore, type Store } from './store/open-store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The long-lived pieces every entry point needs, built once from the config. */
export interface Runtime {
  config: HeraldConfig;
  store: Store;
  fetcher: Fetcher;
  articles: ArticleRepository;
  close(): Promise<void>;
}

export async function openRuntime(config: HeraldConfig): Promise<Runtime> {
  const store = await openStore(config.store);
  const fetcher = createHttpFetcher({ ...config.fetch, validators: createKeyvValidatorStore(store) });
  return {
    config,
    store,
    fetcher,
    articles: createKeyvArticleRepository(store, { retentionMs: config.retentionDays * DAY_MS }),
    close: () => store.close(),
  };
}

/** A fetcher alone, for commands that read one page and store nothing. */
export function createConfiguredFetcher(config: HeraldConfig): Fetcher {
  return createHttpFetcher(config.fetch);
}
