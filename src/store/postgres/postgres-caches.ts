import type { SummaryCache } from '../../brief/summarize/summary-cache.ts';
import type { Summary } from '../../brief/summarizer.ts';
import type { ValidatorStore } from '../../ingest/fetch/fetcher.ts';
import type { Pool } from './connect.ts';

/** How long a URL's ETag/Last-Modified are worth keeping after it was last fetched, as on the embedded store. */
const VALIDATOR_TTL_MS = 90 * 24 * 60 * 60 * 1000;

export function createPostgresValidatorStore(pool: Pool): ValidatorStore {
  return {
    async get(url) {
      const found = await pool.query<{ etag: string | null; last_modified: string | null }>('SELECT etag, last_modified FROM http_validators WHERE url = $1 AND expires_at > now()', [url]);
      const row = found.rows[0];
      return row && { ...(row.etag ? { etag: row.etag } : {}), ...(row.last_modified ? { lastModified: row.last_modified } : {}) };
    },
    async set(url, validators) {
      await pool.query(
        `INSERT INTO http_validators (url, etag, last_modified, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (url) DO UPDATE SET etag = EXCLUDED.etag, last_modified = EXCLUDED.last_modified, expires_at = EXCLUDED.expires_at`,
        [url, validators.etag ?? null, validators.lastModified ?? null, new Date(Date.now() + VALIDATOR_TTL_MS)],
      );
    },
  };
}

/** Model-written summaries, shared by every process: an article is never paid for twice, whichever process asks. */
export function createPostgresSummaryCache(pool: Pool, options: { ttlMs?: number } = {}): SummaryCache {
  return {
    async get(key) {
      const found = await pool.query<{ summary: Summary }>('SELECT summary FROM summaries WHERE key = $1 AND (expires_at IS NULL OR expires_at > now())', [key]);
      return found.rows[0]?.summary;
    },
    async set(key, summary) {
      await pool.query('INSERT INTO summaries (key, summary, expires_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET summary = EXCLUDED.summary, expires_at = EXCLUDED.expires_at', [
        key,
        summary,
        options.ttlMs === undefined ? null : new Date(Date.now() + options.ttlMs),
      ]);
    },
  };
}
