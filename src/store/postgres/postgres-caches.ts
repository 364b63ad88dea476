import type { EmbeddingStore } from '../../brief/embed/embedding-store.ts';
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

/** How many expired embeddings each write lets go of, so that the table stays the size of retention without a sweep of its own. */
const EXPIRED_PER_WRITE = 200;

/** Article embeddings, shared by every process: a text is embedded once, whichever process asks first. */
export function createPostgresEmbeddingStore(pool: Pool, options: { ttlMs?: number } = {}): EmbeddingStore {
  return {
    async get(keys) {
      if (keys.length === 0) return new Map();
      const found = await pool.query<{ key: string; vector: number[] }>('SELECT key, vector FROM embeddings WHERE key = ANY($1) AND (expires_at IS NULL OR expires_at > now())', [keys]);
      return new Map(found.rows.map((row) => [row.key, Float32Array.from(row.vector)]));
    },
    async set(entries) {
      if (entries.length === 0) return;
      const expires = options.ttlMs === undefined ? null : new Date(Date.now() + options.ttlMs);
      await pool.query(
        `INSERT INTO embeddings (key, vector, expires_at)
         SELECT entry.key, ARRAY(SELECT value::real FROM json_array_elements_text(entry.vector) WITH ORDINALITY AS element(value, at) ORDER BY at), $2
         FROM json_to_recordset($1::json) AS entry(key text, vector json)
         ON CONFLICT (key) DO UPDATE SET vector = EXCLUDED.vector, expires_at = EXCLUDED.expires_at`,
        [JSON.stringify(entries.map(([key, vector]) => ({ key, vector: Array.from(vector) }))), expires],
      );
      await pool.query('DELETE FROM embeddings WHERE ctid IN (SELECT ctid FROM embeddings WHERE expires_at < now() LIMIT $1)', [EXPIRED_PER_WRITE]);
    },
  };
}
