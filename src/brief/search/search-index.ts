import type { Article } from '../../model/article.ts';
import { recencyWeight } from './recency.ts';
import { createRenewingIndex, type RenewingIndex } from './renewing-minisearch.ts';
import { INDEXED_BODY_CHARS, searchDocument, type SearchDocument } from './search-document.ts';
import { queryTerms, searchTerm, tokenize } from './search-terms.ts';
import { ENOUGH_CANDIDATES, windowStarts } from './search-windows.ts';

export interface SearchIndexOptions {
  /** How long after it was fetched an article can be found; the store's retention. 30 days unless given. */
  retentionMs?: number;
  /** How many characters of the body are indexed; `npm run bench search` measures the trade. */
  bodyChars?: number;
  /**
   * The stored article with this id, which the index reads again to build fresh copies of itself without the
   * articles it let go (renewing-minisearch.ts). Without it, their postings are cleared only as searches meet them.
   */
  article?: (id: string) => Article | undefined;
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
const FIELD_BOOST = { title: 3, topics: 2.5, dek: 1.5, body: 1 };

/**
 * When every word of the query together matches fewer articles than this, the query probably holds a word
 * the articles do not use ("Zurich flooding disaster"), and articles matching some of the words follow.
 */
const ENOUGH_FOR_AND = 3;

/** Prefix matching from this length: "kor" would match too much, "korea" should find "korean". */
const PREFIX_FROM = 4;
/** One typo forgiven from this length, where a wrong letter rarely makes another real word. */
const FUZZY_FROM = 6;

/**
 * What the index keeps per article besides MiniSearch's postings: just enough to filter and rank. MiniSearch
 * stores it too and hands it to the filter with each posting it walks, looked up by its own small number for the
 * article: a search walks every posting of its words, and finding each article's entry by its id was a fifth of
 * a search's time at 100,000 articles.
 */
interface Entry {
  /** Epoch ms of publishedAt, else fetchedAt. */
  datedAt: number;
  fetchedAt: number;
  source: string;
}

type IndexedDocument = SearchDocument & Entry;

const ENTRY_FIELDS: Array<keyof Entry> = ['datedAt', 'fetchedAt', 'source'];

export function createSearchIndex(options: SearchIndexOptions = {}): SearchIndex {
  const retentionMs = options.retentionMs ?? DEFAULT_RETENTION_MS;
  const bodyChars = options.bodyChars ?? INDEXED_BODY_CHARS;
  const entries = new Map<string, Entry>();
  // Interned so that 100,000 entries share a few hundred source strings rather than copies of them.
  const sources = new Map<string, string>();
  const entryOf = (article: Article): Entry => {
    const source = sources.get(article.source.location) ?? article.source.location;
    sources.set(source, source);
    const fetchedAt = Date.parse(article.fetchedAt);
    const publishedAt = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
    return { datedAt: Number.isNaN(publishedAt) ? fetchedAt : publishedAt, fetchedAt, source };
  };
  const indexed = (article: Article, entry = entryOf(article)): IndexedDocument => ({ ...searchDocument(article, bodyChars), ...entry });
  const readDocument = options.article && ((id: string): IndexedDocument | undefined => {
    const article = options.article!(id);
    return article && indexed(article);
  });
  const miniSearch = newIndex(readDocument);

  const remove = (id: string): void => {
    if (!entries.delete(id)) return;
    // discard leaves the postings to be cleared later (renewing-minisearch.ts), where MiniSearch's remove would need the whole document again.
    miniSearch.discard(id);
  };

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
    const matches = scored(query, combineWith, searchOptions, starts.at(-1)!);
    let within = matches;
    for (const start of starts) {
      within = matches.filter((match) => match.datedAt >= start);
      if (within.length >= ENOUGH_CANDIDATES) break;
    }
    return within.map(({ id, score }) => ({ id, score })).sort((a, b) => b.score - a.score);
  };

  /** Every match dated at or after `from`, unordered: BM25 relevance weighted by recency, with the date it was weighted by. */
  const scored = (query: string, combineWith: 'AND' | 'OR', searchOptions: SearchOptions, from: number): Array<SearchHit & { datedAt: number }> => {
    const now = searchOptions.now.getTime();
    const oldestFetch = now - retentionMs;
    const wanted = searchOptions.sourceLocations && new Set(searchOptions.sourceLocations);
    const eligible = (_id: string, _term: string, entry: Record<string, unknown> | undefined): number => {
      const { datedAt, fetchedAt, source } = entry as unknown as Entry;
      if (fetchedAt < oldestFetch || datedAt < from) return 0;
      return wanted && !wanted.has(source) ? 0 : 1;
    };
    return miniSearch.search(query, { combineWith, boostDocument: eligible }).map((result) => {
      const datedAt = result['datedAt'] as number;
      return { id: result.id as string, score: result.score * recencyWeight(now - datedAt), datedAt };
    });
  };

  return {
    add(article) {
      remove(article.id);
      const entry = entryOf(article);
      entries.set(article.id, entry);
      miniSearch.add(indexed(article, entry));
    },
    remove,
    has: (id) => entries.has(id),
    get size() {
      return entries.size;
    },
    search,
    prune(now) {
      const oldestFetch = now.getTime() - retentionMs;
      const expired = [...entries].filter(([, entry]) => entry.fetchedAt < oldestFetch).map(([id]) => id);
      for (const id of expired) {
        entries.delete(id);
        miniSearch.discard(id);
      }
      return expired.length;
    },
  };
}

function newIndex(document: ((id: string) => IndexedDocument | undefined) | undefined): RenewingIndex<IndexedDocument> {
  const options = {
    fields: ['title', 'dek', 'topics', 'body'],
    storeFields: ENTRY_FIELDS,
    tokenize,
    processTerm: searchTerm,
    searchOptions: {
      boost: FIELD_BOOST,
      prefix: (term: string) => term.length >= PREFIX_FROM,
      fuzzy: (term: string) => (term.length >= FUZZY_FROM ? 1 : false),
    },
  };
  return createRenewingIndex<IndexedDocument>(options, document ? { document } : {});
}
