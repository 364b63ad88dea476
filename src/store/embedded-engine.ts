import type { ArticleCatalog } from '../brief/article-catalog.ts';
import { readFeaturesAhead } from '../brief/cluster/article-features.ts';
import { createMemoryCatalog } from '../brief/memory-catalog.ts';
import { createKeyvEmbeddingStore } from '../brief/embed/embedding-store.ts';
import { createKeyvSummaryCache } from '../brief/summarize/summary-cache.ts';
import { createKeyvDeliveryJournal } from '../deliver/delivery-journal.ts';
import { createKeyvDeliveryLog } from '../deliver/delivery-log.ts';
import { createMemoryDueSlots } from '../deliver/due-slots.ts';
import { createKeyvSourceHealthStore } from '../deliver/poll/source-health-store.ts';
import { createKeyvStoryUpdateLog } from '../deliver/updates/story-update-log.ts';
import { createRequestPacer } from '../discord/request-pacer.ts';
import { createKeyvFollowStore } from '../deliver/follows/follow-store.ts';
import { createKeyvArticleRepository, type ArticleRepository } from './article-repository.ts';
import { createKeyvGuildSettingsRepository } from './guild-settings-repository.ts';
import { createKeyvValidatorStore } from './keyv-validator-store.ts';
import { createMemoryLeases } from './leases.ts';
import { openStore } from './open-store.ts';
import type { StoreEngine, StoreEngineOptions } from './store-engine.ts';

/**
 * The embedded engine: keyv collections in one SQLite file (or in memory), for one process. Its catalog holds
 * every article in memory, read from the store the first time a question needs it, which measures faster
 * than any query at the sizes one process's store reaches; its queue and leases need not leave the process.
 */
export async function openEmbeddedEngine(location: string, options: StoreEngineOptions): Promise<StoreEngine> {
  const store = await openStore(location);
  const stored = createKeyvArticleRepository(store, { retentionMs: options.retentionMs });
  const memory = createMemoryCatalog({ retentionMs: options.retentionMs });
  // The catalog is kept in step with the repository it sits on: what the store accepts, the catalog indexes.
  const articles: ArticleRepository = {
    ...stored,
    async add(article) {
      const result = await stored.add(article);
      if (result.status === 'new') {
        memory.added(article);
        // Not for the articles read at start-up: 100,000 of them would take minutes longer to load; theirs are
        // worked out by the first question that clusters them, and kept.
        readFeaturesAhead(article);
      }
      return result;
    },
  };
  let loaded: Promise<void> | undefined;
  const load = (): Promise<void> =>
    (loaded ??= (async () => {
      for await (const article of stored.list()) memory.added(article);
    })());
  const catalog: ArticleCatalog = {
    count: async (now) => (await load(), memory.count(now)),
    version: async () => (await load(), memory.version()),
    search: async (query, search) => (await load(), memory.search(query, search)),
    inScope: async (scope, now) => (await load(), memory.inScope(scope, now)),
    related: async (story, related) => (await load(), memory.related(story, related)),
    articleAt: async (url, now) => (await load(), memory.articleAt(url, now)),
    article: async (id, now) => (await load(), memory.article(id, now)),
    source: async (sourceLocation, now) => (await load(), memory.source(sourceLocation, now)),
    expand: async (locations) => (await load(), memory.expand(locations)),
    prune: async (now) => (await load(), memory.prune(now)),
  };
  let pacer: ReturnType<typeof createRequestPacer> | undefined;
  return {
    description: store.description,
    shared: false,
    articles,
    catalog,
    guilds: createKeyvGuildSettingsRepository(store),
    sourceHealth: createKeyvSourceHealthStore(store),
    journal: createKeyvDeliveryJournal(store, options.retentionMs),
    deliveries: createKeyvDeliveryLog(store, options.retentionMs, options.now),
    storyUpdates: createKeyvStoryUpdateLog(store, options.retentionMs),
    dueSlots: createMemoryDueSlots(),
    follows: createKeyvFollowStore(store),
    leases: createMemoryLeases(),
    validators: createKeyvValidatorStore(store),
    summaries: createKeyvSummaryCache(store, { ttlMs: options.retentionMs }),
    embeddings: createKeyvEmbeddingStore(store, { ttlMs: options.retentionMs }),
    pacer: (perSecond) => (pacer ??= createRequestPacer({ perSecond })),
    // Every keyv entry is written with its time to live and dropped when read past it; the delivery log keeps
    // only a retention's worth as it writes. Nothing more to sweep here.
    forgetExpired: async () => 0,
    async ping() {
      await store.collection('herald_meta').get('ping');
    },
    close: () => store.close(),
  };
}
