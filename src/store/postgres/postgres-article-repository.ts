import { articleTime, type Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/canonical-url.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';
import type { ArticleRepository } from '../article-repository.ts';
import { inTransaction, type Pool } from './connect.ts';
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

/** $1 addresses, $2 source, $3 guid, $4 content hash; $5 now. */
const SAME_ARTICLE = `
  (canonical_url = ANY($1::text[]) OR found_url = ANY($1::text[])
   OR (guid IS NOT NULL AND source_location = $2 AND guid = $3)
   OR content_hash = $4)`;

/**
 * Articles in their own table. Uniqueness by canonical URL, by guid within a feed and by content hash is
 * the database's: of two processes ingesting one feed at once, the second's insert finds the first's row and
 * reports a duplicate. An expired article is deleted in the same transaction as the copy that replaces it, as
 * the embedded store forgets one at its retention.
 */
export function createPostgresArticleRepository(pool: Pool, options: PostgresArticleOptions): ArticleRepository {
  const now = options.now ?? (() => new Date());
  return {
    async add(article) {
      const at = now();
      const identity = identityParameters({ ...article, sourceLocation: article.source.location });
      return inTransaction(pool, async (client) => {
        await client.query(`DELETE FROM articles WHERE expires_at <= $5 AND ${SAME_ARTICLE}`, [...identity, at]);
        const existing = await client.query<{ id: string }>(`SELECT id FROM articles WHERE ${SAME_ARTICLE} LIMIT 1`, identity);
        if (existing.rows[0]) return { status: 'duplicate' as const, id: existing.rows[0].id };
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO articles (id, canonical_url, found_url, source_location, guid, content_hash, language, published_at, fetched_at, dated_at, expires_at, article, topic_keys, search, headline_search)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::tsvector, $15::tsvector)
           ON CONFLICT DO NOTHING RETURNING id`,
          [
            article.id,
            article.canonicalUrl ?? null,
            foundUrl(article),
            article.source.location,
            article.guid ?? null,
            article.contentHash,
            article.language ?? null,
            validDate(article.publishedAt),
            article.fetchedAt,
            new Date(articleTime(article)),
            // Kept for the retention after it was read, as the in-memory catalog keeps it, and never less after it was stored.
            new Date(Math.max(at.getTime(), Date.parse(article.fetchedAt)) + options.retentionMs),
            article,
            [...new Set(article.topics.map(topicKey).filter(Boolean))],
            searchVector(article),
            headlineVector(article),
          ],
        );
        if (inserted.rows[0]) return { status: 'new' as const, id: inserted.rows[0].id };
        // Another process stored a copy between our look and our insert.
        const winner = await client.query<{ id: string }>(`SELECT id FROM articles WHERE id = $5 OR ${SAME_ARTICLE} LIMIT 1`, [...identity, article.id]);
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
