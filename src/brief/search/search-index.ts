import type { Article } from '../../model/article.ts';
import { createPostingsIndex } from './postings-index.ts';
import { recencyWeight } from './recency.ts';
import { INDEXED_BODY_CHARS, searchDocument } from './search-document.ts';
import { queryTerms, searchTerm, tokenize } from './search-terms.ts';
import { ENOUGH_CANDIDATES, windowStarts } from './search-windows.ts';

export interface SearchIndexOptions {
  /** How long after it was fetched an article can be found; the store's retention. 30 days unless given. */
  retentionMs?: number;
  /** How many characters of the body are indexed; `npm run bench search` measures the trade. */
  bodyChars?: number;
}

export interface SearchOptions {
  now: Date;
  /** 20 unless given. */
  limit?: number;
  /** Only articles published (or, without a stated date, fetched) at or after this instant. */
  since?: Date;
  /** Only articles from these sources (`article.source.location`). */
  sourceLocations?: string[];
  /**
   * Rank every article sharing any word instead of those sharing all first: for related coverage, where the
   * query is a whole headline and its topics, and no other article would hold all of them.
   */
  anyWord?: boolean;
}

export interface SearchHit {
  id: string;
  score: number;
}

/** Finds stored articles by topic. Kept in step by its owner: add what the store accepts, prune what it expires. */
export interface SearchIndex {
  /** Indexes the article, replacing any earlier version with the same id. */
  add(article: Article): void;
  remove(id: string): void;
  has(id: string): boolean;
  readonly size: number;
  /** The best matches, best first: BM25 relevance weighted by recency. */
  search(query: string, options: SearchOptions): SearchHit[];
  /** Drops the articles fetched longer ago than the retention; returns how many. */
  prune(now: Date): number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_MS = 30 * DAY_MS;
const DEFAULT_LIMIT = 20;

/** A headline or a named topic says what an article is about; a body may mention anything once. */
const FIELD_BOOST = { title: 3, dek: 1.5, topics: 2.5, body: 1 };
const FIELDS = Object.keys(FIELD_BOOST) as Array<keyof typeof FIELD_BOOST>;

/**
 * When every word of the query together matches fewer articles than this, the query probably holds a word
 * the articles do not use ("Zurich flooding disaster"), and articles matching some of the words follow.
 */
const ENOUGH_FOR_AND = 3;

/** Prefix matching from this length: "kor" would match too much, "korea" should find "korean". */
const PREFIX_FROM = 4;
/** One typo forgiven from this length, where a wrong letter rarely makes another real word. */
const FUZZY_FROM = 6;

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const bodyChars = options.bodyChars ?? INDEXED_BODY_CHARS;
  const postings = createPostingsIndex({
    boosts: FIELDS.map((field) => FIELD_BOOST[field]),
    tokenize,
    term: searchTerm,
    prefix: (term) => term.length >= PREFIX_FROM,
    typos: (term) => (term.length >= FUZZY_FROM ? 1 : 0),
  });

  const search = (query: string, searchOptions: SearchOptions): SearchHit[] => {
    const limit = searchOptions.limit ?? DEFAULT_LIMIT;
    if (searchOptions.anyWord) return newestRanked(query, 'OR', searchOptions).slice(0, limit);
    const all = newestRanked(query, 'AND', searchOptions);
    if (all.length < ENOUGH_FOR_AND && queryTerms(query).length > 1) {
      const found = new Set(all.map((hit) => hit.id));
      all.push(...newestRanked(query, 'OR', searchOptions).filter((hit) => !found.has(hit.id)));
    }
    return all.slice(0, limit);
  };

  /**
   * The matches of the newest window that holds enough of them to rank (see search-windows.ts), best first, as
   * PostgreSQL answers. One walk of the postings scores every match the widest window allows, and the windows
   * are then counted off the matches' dates: a match's score is the same in every window (a word's weight is the
   * whole store's), so this is what a walk per window would give, and most topics hold too few matches in a day
   * or a week to stop there (at 40,000 articles, 239 of the storm's 295 searches walked all three windows).
   */
  const newestRanked = (query: string, combineWith: 'AND' | 'OR', searchOptions: SearchOptions): SearchHit[] => {
    const starts = windowStarts(searchOptions.now, searchOptions.since);
    const now = searchOptions.now.getTime();
    const matches = postings.search(query, {
      combineWith,
      datedFrom: starts.at(-1)!,
      fetchedFrom: now - retentionMs,
      ...(searchOptions.sourceLocations ? { sources: new Set(searchOptions.sourceLocations) } : {}),
    });
    let within = matches;
    for (const start of starts) {
      within = matches.filter((match) => match.datedAt >= start);
      if (within.length >= ENOUGH_CANDIDATES) break;
    }
    return within.map(({ id, score, datedAt }) => ({ id, score: score * recencyWeight(now - datedAt) })).sort((a, b) => b.score - a.score);
  };

  return {
    add(article) {
      const fetchedAt = Date.parse(article.fetchedAt);
      const publishedAt = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
      const document = searchDocument(article, bodyChars);
      postings.add({
        id: article.id,
        fields: FIELDS.map((field) => document[field]),
        datedAt: Number.isNaN(publishedAt) ? fetchedAt : publishedAt,
        fetchedAt,
        source: article.source.location,
      });
    },
    remove: (id) => postings.discard(id),
    has: (id) => postings.has(id),
    get size() {
      return postings.size;
    },
    search,
    prune(now) {
      const expired = postings.fetchedBefore(now.getTime() - retentionMs);
      for (const id of expired) postings.discard(id);
      return expired.length;
    },
  };
}
