import type { Store } from '../../store/open-store.ts';
import type { Summary } from '../summarizer.ts';

/** Model-written summaries by key, so that an article is never paid for twice. */
export interface SummaryCache {
  get(key: string): Promise<Summary | undefined>;
  set(key: string, summary: Summary): Promise<void>;
}

/** The store's `summaries` collection; `ttlMs` should match article retention, since a summary outliving its article is never read. */
export function createKeyvSummaryCache(store: Store, options: { ttlMs?: number } = {}): SummaryCache {
  const summaries = store.collection<Summary>('summaries');
  return {
    async get(key) {
      return summaries.get(key);
    },
    async set(key, summary) {
      await summaries.set(key, summary, options.ttlMs);
    },
  };
}

/** For one-off commands that open no store: repeats within the run are still answered from memory. */
export function createMemorySummaryCache(): SummaryCache {
  const summaries = new Map<string, Summary>();
  return {
    async get(key) {
      return summaries.get(key);
    },
    async set(key, summary) {
      summaries.set(key, summary);
    },
  };
}
