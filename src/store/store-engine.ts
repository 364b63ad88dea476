import type { ArticleCatalog } from '../brief/article-catalog.ts';
import type { EmbeddingStore } from '../brief/embed/embedding-store.ts';
import type { SummaryCache } from '../brief/summarize/summary-cache.ts';
import type { DeliveryJournal } from '../deliver/delivery-journal.ts';
import type { DeliveryLog } from '../deliver/delivery-log.ts';
import type { DueSlots } from '../deliver/due-slots.ts';
import type { SourceHealthStore } from '../deliver/poll/source-health-store.ts';
import type { StoryUpdateLog } from '../deliver/updates/story-update-log.ts';
import type { FollowStore } from '../deliver/follows/follow-store.ts';
import type { RequestPacer } from '../discord/request-pacer.ts';
import type { ValidatorStore } from '../ingest/fetch/fetcher.ts';
import type { ArticleRepository } from './article-repository.ts';
import type { GuildSettingsRepository } from './guild-settings-repository.ts';
import type { Leases } from './leases.ts';

/**
 * Where Herald keeps everything, behind the interfaces every stage uses: the embedded engine (SQLite, or
 * memory) for one process, or PostgreSQL shared by any number of processes. Chosen by the store location in
 * the composition root; nothing else knows which it is.
 */
export interface StoreEngine {
  /** For /status and the logs: the engine and where it is, never credentials. */
  readonly description: string;
  /** Whether several processes may share this store: leases and queues then coordinate them. */
  readonly shared: boolean;
  readonly articles: ArticleRepository;
  /** How the newsroom finds articles: from memory (loaded on first use) or by query. */
  readonly catalog: ArticleCatalog;
  readonly guilds: GuildSettingsRepository;
  readonly sourceHealth: SourceHealthStore;
  readonly journal: DeliveryJournal;
  readonly deliveries: DeliveryLog;
  /** The updates sent of stories that developed after their digest. */
  readonly storyUpdates: StoryUpdateLog;
  readonly dueSlots: DueSlots;
  /** Members' follows: private to each member, kept per server. */
  readonly follows: FollowStore;
  readonly leases: Leases;
  readonly validators: ValidatorStore;
  readonly summaries: SummaryCache;
  /** Article embeddings by model and text, when a model is configured for them. */
  readonly embeddings: EmbeddingStore;
  /** Paces requests to Discord for every process sharing this store (the limit is per bot, not per process). */
  pacer(perSecond: number): RequestPacer;
  /**
   * Lets go of what the store keeps beside the articles once its time has passed (finished runs, caches, old
   * delivery records); resolves with how many entries. Articles themselves are pruned through the catalog.
   */
  forgetExpired(now: Date): Promise<number>;
  /** Resolves when the store answers; rejects with the reason otherwise (for /healthz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreEngineOptions {
  /** How long articles (and what refers to them: delivery records, summaries) are kept. */
  retentionMs: number;
  now?: () => Date;
}
