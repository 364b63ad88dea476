import type { ArticleCatalog, CatalogSearch, Scope, SearchHit } from '../../brief/article-catalog.ts';
import { OLDEST_WEIGHT, RECENCY_HALF_LIFE_MS } from '../../brief/search/recency.ts';
import { ENOUGH_CANDIDATES, windowStarts } from '../../brief/search/search-windows.ts';
import { rankRelatedCandidates, RELATED_CANDIDATES, RELATED_WINDOWS, storyRelatedKeys, type RelatedCandidate } from '../../brief/also-read/related-candidates.ts';
import type { Article } from '../../model/article.ts';
import { canonicalUrl } from '../../model/canonical-url.ts';
import type { Pool } from './connect.ts';
import { windowDayTokens } from './day-tokens.ts';
import { refreshArticleStatistics } from './planner-statistics.ts';
import { queryWordCount, RANK_WEIGHTS, searchQuery } from './text-search.ts';

export interface PostgresCatalogOptions {
  /** How long articles are kept: an article dated more recently than this ago cannot have expired. */
  retentionMs: number;
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
/**
 * The newsroom's questions answered by PostgreSQL: every answer is one query over indexes, bounded by the
 * question (the newest candidates of a scope or a search), so a process's memory and a question's time do not
 * grow with the store, and a process that has just started answers at once.
 */
export function createPostgresCatalog(pool: Pool, options: PostgresCatalogOptions): ArticleCatalog {
  const scopeCandidates = options.scopeCandidates ?? SCOPE_CANDIDATES;
  const searchCandidates = options.searchCandidates ?? SEARCH_CANDIDATES;
  let pruned = 0;

  /** A file source may be a folder: every path below it sorts between "folder/" and "folder0" ("0" follows "/"), byte by byte. */
  const folderRanges = (locations: string[]): Array<[string, string]> =>
    locations
      .filter((location) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(location))
      .map((location) => {
        const folder = `${location.replace(/[\\/]+$/, '')}/`;
        return [folder, `${folder.slice(0, -1)}0`];
      });

  const expand = async (locations: string[]): Promise<string[]> => {
    const expanded = new Set(locations);
    for (const [from, to] of folderRanges(locations)) {
      const below = await pool.query<{ source_location: string }>('SELECT DISTINCT source_location FROM articles WHERE source_location >= $1 AND source_location < $2', [from, to]);
      for (const row of below.rows) expanded.add(row.source_location);
    }
    return [...expanded];
  };

  /**
   * The WHERE clause of a scope, with its parameters numbered from `first`. A folder is a range of the source
   * column rather than the list of files below it, which would take reading every article of the folder.
   */
  const scopeFilter = (scope: Scope, now: Date, first: number): { sql: string; parameters: unknown[] } => {
    const parameters: unknown[] = [now];
    const parameter = (value: unknown): string => {
      parameters.push(value);
      return `$${first + parameters.length - 1}`;
    };
    const conditions = [`expires_at > $${first}`];
    if (scope.since) conditions.push(`dated_at >= ${parameter(scope.since)}`);
    if (scope.sourceLocations) {
      const sources = [`source_location = ANY(${parameter(scope.sourceLocations)}::text[])`];
      for (const [from, to] of folderRanges(scope.sourceLocations)) sources.push(`(source_location >= ${parameter(from)} AND source_location < ${parameter(to)})`);
      conditions.push(`(${sources.join(' OR ')})`);
    }
    return { sql: conditions.join(' AND '), parameters };
  };

  /**
   * The newest matches in the headline and topics, and the newest anywhere, ranked together by relevance and
   * recency: an old article squarely on the topic still competes with today's passing mentions. Passing
   * mentions are looked for only when the headlines alone give too few to rank: a common word is in the text
   * of thousands of articles a day, each to be read from the table to know its date. The window is kept by
   * the index (day-tokens.ts) and then exactly; the articles themselves are read for the best few only. The
   * matches are gathered apart from their ordering (MATERIALIZED) so that no index on dates is walked.
   */
  const rankedIn = async (tsquery: string, search: CatalogSearch, start: number): Promise<{ hits: SearchHit[]; candidates: number }> => {
    const from = Number.isFinite(start) ? new Date(start) : undefined;
    const days = from && windowDayTokens(from, search.now);
    const within = days ? `(${tsquery}) & (${days.map((day) => `'${day}'`).join(' | ')})` : tsquery;
    const filter = scopeFilter({ ...(search.sourceLocations ? { sourceLocations: search.sourceLocations } : {}) }, search.now, 8);
    const result = await pool.query<{ article: Article; score: number; candidates: string }>(
      `WITH headline AS MATERIALIZED (SELECT id, dated_at FROM articles WHERE headline_search @@ $1::tsquery AND ${filter.sql}),
       headline_within AS (SELECT id, dated_at FROM headline WHERE $6::timestamptz IS NULL OR dated_at >= $6),
       anywhere AS MATERIALIZED (
         SELECT id, dated_at FROM articles WHERE (SELECT count(*) FROM headline_within) < $7 AND search @@ $1::tsquery AND ${filter.sql}
       ),
       candidates AS (
         (SELECT id FROM headline_within ORDER BY dated_at DESC LIMIT $2)
         UNION
         (SELECT id FROM anywhere WHERE $6::timestamptz IS NULL OR dated_at >= $6 ORDER BY dated_at DESC LIMIT $2)
       ),
       ranked AS (
         SELECT a.id, a.dated_at, count(*) OVER () AS candidates,
                ts_rank('${RANK_WEIGHTS}'::float4[], a.search, $5::tsquery, 1)
                  * (${OLDEST_WEIGHT} + ${1 - OLDEST_WEIGHT} * power(0.5, greatest(0, extract(epoch FROM $3::timestamptz - a.dated_at)) * 1000 / ${RECENCY_HALF_LIFE_MS})) AS score
         FROM candidates JOIN articles a USING (id)
         ORDER BY score DESC, a.dated_at DESC, a.id
         LIMIT $4
       )
       SELECT a.article, ranked.score, ranked.candidates FROM ranked JOIN articles a USING (id) ORDER BY ranked.score DESC, ranked.dated_at DESC, ranked.id`,
      [within, searchCandidates, search.now, search.limit, tsquery, from ?? null, ENOUGH_CANDIDATES, ...filter.parameters],
    );
    return { hits: result.rows.map((row) => ({ article: row.article, score: Number(row.score) })), candidates: Number(result.rows[0]?.candidates ?? 0) };
  };

  const ranked = async (tsquery: string, search: CatalogSearch): Promise<SearchHit[]> => {
    const starts = windowStarts(search.now, search.since);
    for (const [index, start] of starts.entries()) {
      const found = await rankedIn(tsquery, search, start);
      if (index === starts.length - 1 || found.candidates >= ENOUGH_CANDIDATES) return found.hits;
    }
    return [];
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
      const filter = scopeFilter(scope, now, 2);
      const result = await pool.query<{ article: Article }>(`SELECT article FROM articles WHERE ${filter.sql} ORDER BY dated_at DESC, id LIMIT $1`, [
        scopeCandidates,
        ...filter.parameters,
      ]);
      return result.rows.map((row) => row.article);
    },
    async related(story, { now, limit }) {
      const keys = storyRelatedKeys(story.topics);
      if (keys.length === 0) return [];
      let found: RelatedCandidate[] = [];
      for (const window of RELATED_WINDOWS) {
        const from = window.ms === Infinity ? undefined : new Date(now.getTime() - window.ms);
        const days = from && windowDayTokens(from, now);
        // As in a search, the window is kept by the index and the matches gathered apart from their ordering;
        // only their topics are read to rank them, and only the chosen articles whole.
        const result = await pool.query<{ id: string; topics: string[]; at: Date }>(
          `WITH matches AS MATERIALIZED (
             SELECT id, dated_at FROM articles
             WHERE related_keys && $1::text[] AND ($6::text[] IS NULL OR related_keys && $6::text[]) AND expires_at > $2 AND id <> ALL($3::text[])
           )
           SELECT a.id, a.article->'topics' AS topics, a.dated_at AS at
           FROM (SELECT id FROM matches WHERE $5::timestamptz IS NULL OR dated_at >= $5 ORDER BY dated_at DESC LIMIT $4) newest JOIN articles a USING (id)`,
          [keys, now, story.ownIds, RELATED_CANDIDATES, from ?? null, days ?? null],
        );
        found = result.rows.map((row) => ({ id: row.id, topics: row.topics, at: row.at.getTime() }));
        if (found.length >= window.enough(limit)) break;
      }
      const chosen = rankRelatedCandidates(story.topics, found, limit);
      const articles = await pool.query<{ article: Article }>('SELECT article FROM articles WHERE id = ANY($1::text[])', [chosen]);
      const byId = new Map(articles.rows.map((row) => [row.article.id, row.article]));
      return chosen.flatMap((id) => byId.get(id) ?? []);
    },
    async articleAt(url, now) {
      const wanted = canonicalUrl(url) ?? url;
      const result = await pool.query<{ article: Article }>('SELECT article FROM articles WHERE (canonical_url = $1 OR found_url = $1) AND expires_at > $2 ORDER BY seq LIMIT 1', [wanted, now]);
      return result.rows[0]?.article;
    },
    async article(id, now) {
      const result = await pool.query<{ article: Article }>('SELECT article FROM articles WHERE id = $1 AND expires_at > $2', [id, now]);
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
      // Only articles dated a retention ago can have expired, which lets the dated index find them.
      const result = await pool.query('DELETE FROM articles WHERE dated_at <= $2 AND expires_at <= $1', [now, new Date(now.getTime() - options.retentionMs)]);
      pruned += 1;
      // After every ingest pass, which is when articles come and go.
      await refreshArticleStatistics(pool);
      return result.rowCount ?? 0;
    },
  };
}
