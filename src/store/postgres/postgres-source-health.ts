import type { SourceHealth, SourceHealthStore } from '../../deliver/poll/source-health-store.ts';
import type { Pool } from './connect.ts';
import { scanRows } from './scan-rows.ts';

/** Each source's polling health, with its next poll and whether it is disabled in columns of their own. */
export function createPostgresSourceHealthStore(pool: Pool): SourceHealthStore {
  return {
    async get(location) {
      const found = await pool.query<{ health: SourceHealth }>('SELECT health FROM source_health WHERE location = $1', [location]);
      return found.rows[0]?.health;
    },
    async getMany(locations) {
      if (locations.length === 0) return new Map();
      const found = await pool.query<{ health: SourceHealth }>('SELECT health FROM source_health WHERE location = ANY($1::text[])', [[...new Set(locations)]]);
      return new Map(found.rows.map((row) => [row.health.location, row.health]));
    },
    async set(health) {
      await pool.query(
        `INSERT INTO source_health (location, health, next_poll_at, disabled) VALUES ($1, $2, $3, $4)
         ON CONFLICT (location) DO UPDATE SET health = EXCLUDED.health, next_poll_at = EXCLUDED.next_poll_at, disabled = EXCLUDED.disabled`,
        [health.location, health, health.nextPollAt, Boolean(health.disabled)],
      );
    },
    all: () => scanRows<SourceHealth>(pool, 'source_health', 'location', 'health'),
  };
}
