import type { ArticleCatalog, CatalogSearch, Scope, SearchHit } from '../../brief/article-catalog.ts';
import { OLDEST_WEIGHT, RECENCY_HALF_LIFE_MS } from '../../brief/search/recency.ts';
import { relatedTopicPairs } from '../../brief/also-read/related-candidates.ts';
import type { Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/canonical-url.ts';
import type { Pool } from './connect.ts';
import { queryWordCount, RANK_WEIGHTS, searchQuery } from './text-search.ts';

export interface PostgresCatalogOptions {
  /** The newest articles of a scope that a digest or trending list considers. */
  scopeCandidates?: number;
  /** The newest matches of each kind (in the headline and topics, anywhere) that a search ranks. */
  searchCandidates?: number;
}

/** A day's news from a few hundred sites, or weeks of a small server's: what a digest and trending draw on. */
const SCOPE_CANDIDATES = 2_000;
const SEARCH_CANDIDATES = 1_000;
/** As in the in-memory index: when every word together matches fewer articles than this, articles matching some follow. */
const ENOUGH_FOR_AND = 3;
/** The newest articles naming a pair of a story's topics that are ranked for its related coverage. */
const RELATED_CANDIDATES = 300;

/**
 * The newsroom's questions answered by PostgreSQL: every answer is one query over indexes, bounded by the
 * question (the newest candidates of a scope or a search), so a process's memory and a question's time do not
 * grow with the store, and a process that has just started answers at once.
 */
export function createPostgresCatalog(pool: Pool, options: PostgresCatalogOptions = {}): ArticleCatalog {
  const scopeCandidates = options.scopeCandidates ?? SCOPE_CANDIDATES;
  const searchCandidates = options.searchCandidates ?? SEARCH_CANDIDATES;
  let pruned = 0;

  const expand = async (locations: string[]): Promise<string[]> => {
    const expanded = new Set(locations);
    // A URL is never a folder; only file sources can have files below them.
    for (const location of locations.filter((candidate) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(candidate))) {
      const folder = `${location.replace(/[\\/]+$/, '')}/`;
      // Every path below the folder sorts between "folder/" and "folder0" ("0" follows "/"), byte by byte.
      const below = await pool.query<{ source_location: string }>('SELECT DISTINCT source_location FROM articles WHERE source_location >= $1 AND source_location < $2', [
        folder,
        `${folder.slice(0, -1)}0`,
      ]);
      for (const row of below.rows) expanded.add(row.source_location);
    }
    return [...expanded];
  };

  /** The WHERE clause of a scope, with its parameters numbered from `first`. */
  const scopeFilter = async (scope: Scope, now: Date, first: number): Promise<{ sql: string; parameters: unknown[] }> => {
    const conditions = [`expires_at > $${first}`];
    const parameters: unknown[] = [now];
    if (scope.since) {
      parameters.push(scope.since);
      conditions.push(`dated_at >= $${first + parameters.length - 1}`);
    }
    if (scope.sourceLocations) {
      parameters.push(await expand(scope.sourceLocations));
      conditions.push(`source_location = ANY($${first + parameters.length - 1}::text[])`);
    }
    return { sql: conditions.join(' AND '), parameters };
  };

  const ranked = async (tsquery: string, search: CatalogSearch): Promise<SearchHit[]> => {
    const filter = await scopeFilter(search, search.now, 5);
    // The newest matches in the headline and topics, and the newest anywhere, ranked together: bounded, and an
    // old article squarely on the topic still competes with today's passing mentions.
    const result = await pool.query<{ article: Article; score: number }>(
      `WITH candidates AS (
         (SELECT id FROM articles WHERE headline_search @@ $1::tsquery AND ${filter.sql} ORDER BY dated_at DESC LIMIT $2)
         UNION
         (SELECT id FROM articles WHERE search @@ $1::tsquery AND ${filter.sql} ORDER BY dated_at DESC LIMIT $2)
       )
       SELECT a.article,
              ts_rank('${RANK_WEIGHTS}'::float4[], a.search, $1::tsquery, 1)
                * (${OLDEST_WEIGHT} + ${1 - OLDEST_WEIGHT} * power(0.5, greatest(0, extract(epoch FROM $3::timestamptz - a.dated_at)) * 1000 / ${RECENCY_HALF_LIFE_MS})) AS score
       FROM candidates JOIN articles a USING (id)
       ORDER BY score DESC, a.dated_at DESC, a.id
       LIMIT $4`,
      [tsquery, searchCandidates, search.now, search.limit, ...filter.parameters],
    );
    return result.rows.map((row) => ({ article: row.article, score: Number(row.score) }));
  };

  return {
    async count(now) {
      const result = await pool.query<{ count: string }>('SELECT count(*) AS count FROM articles WHERE expires_at > $1', [now]);
      return Number(result.rows[0]?.count ?? 0);
    },
    async version() {
      // Articles arrive with a higher seq and expire oldest first, so the two ends of seq move with any change.
      const result = await pool.query<{ low: string | null; high: string | null }>('SELECT min(seq) AS low, max(seq) AS high FROM articles');
      return `${result.rows[0]?.low ?? 0}-${result.rows[0]?.high ?? 0}-${pruned}`;
    },
    async search(query, search) {
      if (search.anyWord) {
        const any = searchQuery(query, 'or');
        return any ? ranked(any, search) : [];
      }
      const every = searchQuery(query, 'and');
      if (!every) return [];
      const hits = await ranked(every, search);
      if (hits.length >= ENOUGH_FOR_AND || queryWordCount(query) < 2) return hits;
      const found = new Set(hits.map((hit) => hit.article.id));
      const some = await ranked(searchQuery(query, 'or')!, search);
      return [...hits, ...some.filter((hit) => !found.has(hit.article.id))].slice(0, search.limit);
    },
    async inScope(scope, now) {
      const filter = await scopeFilter(scope, now, 2);
      const result = await pool.query<{ article: Article }>(`SELECT article FROM articles WHERE ${filter.sql} ORDER BY dated_at DESC, id LIMIT $1`, [
        scopeCandidates,
        ...filter.parameters,
      ]);
      return result.rows.map((row) => row.article);
    },
    async related(story, { now, limit }) {
      // Pairs of topic keys keep the candidates few even for the most common topic (see related-candidates.ts).
      const pairs = relatedTopicPairs(story.topics);
      if (pairs.length === 0) return [];
      const keys = [...new Set(pairs.flat())];
      const containment = pairs.map((_, index) => `topic_keys @> $${index + 6}::text[]`).join(' OR ');
      const result = await pool.query<{ article: Article }>(
        `SELECT article FROM (
           SELECT id, article, topic_keys, dated_at FROM articles
           WHERE (${containment}) AND expires_at > $1 AND id <> ALL($2::text[])
           ORDER BY dated_at DESC LIMIT $5
         ) candidates
         ORDER BY cardinality(ARRAY(SELECT unnest(topic_keys) INTERSECT SELECT unnest($4::text[]))) DESC, dated_at DESC, id
         LIMIT $3`,
        [now, story.ownIds, limit, keys, RELATED_CANDIDATES, ...pairs],
      );
      return result.rows.map((row) => row.article);
    },
    async articleAt(url, now) {
      const wanted = canonicalUrl(url) ?? url;
      const result = await pool.query<{ article: Article }>('SELECT article FROM articles WHERE (canonical_url = $1 OR found_url = $1) AND expires_at > $2 ORDER BY seq LIMIT 1', [wanted, now]);
      return result.rows[0]?.article;
    },
    async source(location, now) {
      const result = await pool.query<{ articles: string; name: string | null }>(
        `SELECT count(*) AS articles,
                (SELECT coalesce(article->'source'->>'name', article->>'siteName') FROM articles
                  WHERE source_location = $1 AND expires_at > $2 AND coalesce(article->'source'->>'name', article->>'siteName') IS NOT NULL
                  ORDER BY seq LIMIT 1) AS name
         FROM articles WHERE source_location = $1 AND expires_at > $2`,
        [location, now],
      );
      const row = result.rows[0];
      return { articles: Number(row?.articles ?? 0), ...(row?.name ? { name: row.name } : {}) };
    },
    expand,
    async prune(now) {
      const result = await pool.query('DELETE FROM articles WHERE expires_at <= $1', [now]);
      pruned += 1;
      return result.rowCount ?? 0;
    },
  };
}
