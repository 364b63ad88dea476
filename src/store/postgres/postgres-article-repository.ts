import { articleTime, type Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/canonical-url.ts';
import { relatedKeys } from '../../brief/also-read/related-candidates.ts';
import type { ArticleRepository } from '../article-repository.ts';
import { inTransaction, type Pool } from './connect.ts';
import { dayToken } from './day-tokens.ts';
import { headlineVector, searchVector } from './text-search.ts';

export interface PostgresArticleOptions {
  /** How long an article is kept after it was stored. */
  retentionMs: number;
  now?: () => Date;
}

/** Rows read per query when every article is listed: a page of articles stays a few megabytes. */
const LIST_PAGE = 500;

/** The canonical form of the address an article was found at, when it differs from the canonical URL its page names. */
function foundUrl(article: Pick<Article, 'url' | 'canonicalUrl'>): string | null {
  const found = article.url ? canonicalUrl(article.url) : undefined;
  return found && found !== article.canonicalUrl ? found : null;
}

/** What an article is known by, as SQL parameters: its addresses, its feed's guid, its text. */
function identityParameters(identity: { canonicalUrl?: string | undefined; url?: string | undefined; guid?: string | undefined; sourceLocation: string; contentHash?: string | undefined }): unknown[] {
  const urls = [...new Set([identity.canonicalUrl, identity.url && canonicalUrl(identity.url)].filter((url): url is string => !!url))];
  return [urls, identity.sourceLocation, identity.guid ?? null, identity.contentHash ?? null];
}

/**
 * The ids of articles with any of these identities: $1 addresses, $2 source, $3 guid, $4 content hash. One
 * index lookup per identity, joined, because an OR across four columns lets the planner fall back to reading
 * the whole table.
 */
const identityIds = `
  SELECT id FROM articles WHERE canonical_url = ANY($1::text[])
  UNION SELECT id FROM articles WHERE found_url = ANY($1::text[])
  UNION SELECT id FROM articles WHERE source_location = $2 AND guid = $3
  UNION SELECT id FROM articles WHERE content_hash = $4`;
const SAME_ARTICLE = `id IN (${identityIds})`;
/** The same, or the article with the id in $6 (for $5, see the callers). */
const SAME_ARTICLE_OR_ID = `id IN (${identityIds} UNION SELECT $6::text)`;

/**
 * Articles in their own table. Uniqueness by canonical URL, by guid within a feed and by content hash is
 * the database's: of two processes ingesting one feed at once, the second's insert finds the first's row and
 * reports a duplicate. An expired article is deleted in the same transaction as the copy that replaces it, as
 * the embedded store forgets one at its retention.
 */
export function createPostgresArticleRepository(pool: Pool, options: PostgresArticleOptions): ArticleRepository {
  const now = options.now ?? (() => new Date());
  /** The insert's parameters, numbered from 6 after the identity's five. */
  const columns = (article: Article, at: Date): unknown[] => {
    const dated = new Date(articleTime(article));
    const day = dayToken(dated);
    return [
      article.id,
      article.canonicalUrl ?? null,
      foundUrl(article),
      article.source.location,
      article.guid ?? null,
      article.contentHash,
      article.language ?? null,
      validDate(article.publishedAt),
      article.fetchedAt,
      dated,
      // Kept for the retention after it was read, as the in-memory catalog keeps it, and never less after it was stored.
      new Date(Math.max(at.getTime(), Date.parse(article.fetchedAt)) + options.retentionMs),
      article,
      [...relatedKeys(article.topics), day],
      `${searchVector(article)} '${day}'`,
      `${headlineVector(article)} '${day}'`,
    ];
  };
  /** The insert, its parameters numbered from `first`. */
  const insert = (first: number): string => {
    const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'timestamptz', 'timestamptz', 'timestamptz', 'timestamptz', 'jsonb', 'text[]', 'tsvector', 'tsvector'];
    return `INSERT INTO articles (id, canonical_url, found_url, source_location, guid, content_hash, language, published_at, fetched_at, dated_at, expires_at, article, related_keys, search, headline_search)
      SELECT ${types.map((type, index) => `$${first + index}::${type}`).join(', ')}`;
  };

  return {
    // One statement in the common case: an article already kept is found, a new one inserted, and the
    // database's unique indexes settle a race with another process. Only when the insert meets a copy
    // that has expired but not yet been pruned (or loses a race) does the slower transaction run.
    async add(article) {
      const at = now();
      const identity = identityParameters({ ...article, sourceLocation: article.source.location });
      const parameters = [...identity, at, ...columns(article, at)];
      const quick = await pool.query<{ inserted: string | null; existing: string | null }>(
        `WITH existing AS (SELECT id FROM articles WHERE expires_at > $5 AND ${SAME_ARTICLE} LIMIT 1),
              inserted AS (${insert(6)} WHERE NOT EXISTS (SELECT 1 FROM existing) ON CONFLICT DO NOTHING RETURNING id)
         SELECT (SELECT id FROM inserted) AS inserted, (SELECT id FROM existing) AS existing`,
        parameters,
      );
      const row = quick.rows[0];
      if (row?.inserted) return { status: 'new', id: row.inserted };
      if (row?.existing) return { status: 'duplicate', id: row.existing };
      return inTransaction(pool, async (client) => {
        await client.query(`DELETE FROM articles WHERE expires_at <= $5 AND ${SAME_ARTICLE_OR_ID}`, [...identity, at, article.id]);
        const inserted = await client.query<{ id: string }>(`${insert(1)} ON CONFLICT DO NOTHING RETURNING id`, columns(article, at));
        if (inserted.rows[0]) return { status: 'new' as const, id: inserted.rows[0].id };
        // Another process stored a copy between our look and our insert.
        const winner = await client.query<{ id: string }>(`SELECT id FROM articles WHERE expires_at > $5 AND ${SAME_ARTICLE_OR_ID} LIMIT 1`, [...identity, at, article.id]);
        return { status: 'duplicate' as const, id: winner.rows[0]?.id ?? article.id };
      });
    },
    async isKnown(identity) {
      // Without a content hash (nothing fetched yet), its comparison is NULL and matches nothing.
      const found = await pool.query(`SELECT 1 FROM articles WHERE expires_at > $5 AND ${SAME_ARTICLE} LIMIT 1`, [...identityParameters({ ...identity, contentHash: undefined }), now()]);
      return found.rowCount !== null && found.rowCount > 0;
    },
    async get(id) {
      const found = await pool.query<{ article: Article }>('SELECT article FROM articles WHERE id = $1 AND expires_at > $2', [id, now()]);
      return found.rows[0]?.article;
    },
    async *list() {
      let after = 0n;
      for (;;) {
        const page = await pool.query<{ seq: string; article: Article }>('SELECT seq, article FROM articles WHERE seq > $1 AND expires_at > $2 ORDER BY seq LIMIT $3', [after, now(), LIST_PAGE]);
        for (const row of page.rows) yield row.article;
        const last = page.rows.at(-1);
        if (!last) return;
        after = BigInt(last.seq);
      }
    },
  };
}

function validDate(value: string | undefined): Date | null {
  if (!value) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at);
}
