import type { StoreEngine, StoreEngineOptions } from '../store-engine.ts';
import { leaseOwner } from '../leases.ts';
import { connectPostgres, describePostgres } from './connect.ts';
import { forgetExpiredRows } from './expired-rows.ts';
import { migrate } from './migrate.ts';
import { createPostgresArticleRepository } from './postgres-article-repository.ts';
import { createPostgresEmbeddingStore, createPostgresSummaryCache, createPostgresValidatorStore } from './postgres-caches.ts';
import { createPostgresCatalog } from './postgres-catalog.ts';
import { createPostgresDeliveryJournal, createPostgresDeliveryLog } from './postgres-delivery.ts';
import { createPostgresDueSlots } from './postgres-due-slots.ts';
import { createPostgresFollowStore } from './postgres-follows.ts';
import { createPostgresGuildSettingsRepository } from './postgres-guild-settings.ts';
import { createPostgresLeases } from './postgres-leases.ts';
import { createPostgresPacer } from './postgres-pacer.ts';
import { createPostgresSourceHealthStore } from './postgres-source-health.ts';
import { createPostgresStoryUpdateLog } from './postgres-story-updates.ts';

/**
 * PostgreSQL as the store every process of a fleet shares: tables for articles (with full-text search),
 * settings, health, the delivery journal and queue, leases that hand work from a dead process to a live one,
 * and the one pace for Discord. The schema is migrated at start-up, once however many processes start together.
 */
export async function openPostgresEngine(location: string, options: StoreEngineOptions & { poolSize?: number }): Promise<StoreEngine> {
  const pool = await connectPostgres(location, options.poolSize === undefined ? {} : { max: options.poolSize });
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  const now = options.now ?? (() => new Date());
  const pacers = new Map<number, ReturnType<typeof createPostgresPacer>>();
  return {
    description: describePostgres(location),
    shared: true,
    articles: createPostgresArticleRepository(pool, { retentionMs: options.retentionMs, now }),
    catalog: createPostgresCatalog(pool, { retentionMs: options.retentionMs }),
    guilds: createPostgresGuildSettingsRepository(pool),
    sourceHealth: createPostgresSourceHealthStore(pool),
    journal: createPostgresDeliveryJournal(pool, options.retentionMs),
    deliveries: createPostgresDeliveryLog(pool, options.retentionMs, now),
    storyUpdates: createPostgresStoryUpdateLog(pool, options.retentionMs),
    dueSlots: createPostgresDueSlots(pool),
    follows: createPostgresFollowStore(pool),
    leases: createPostgresLeases(pool, leaseOwner()),
    validators: createPostgresValidatorStore(pool),
    summaries: createPostgresSummaryCache(pool, { ttlMs: options.retentionMs }),
    embeddings: createPostgresEmbeddingStore(pool, { ttlMs: options.retentionMs }),
    pacer(perSecond) {
      let pacer = pacers.get(perSecond);
      if (!pacer) pacers.set(perSecond, (pacer = createPostgresPacer(pool, { perSecond })));
      return pacer;
    },
    forgetExpired: (at) => forgetExpiredRows(pool, at, options.retentionMs),
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}
