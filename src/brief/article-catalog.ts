import type { Article } from '../model/article.ts';

/** Which articles a briefing may draw on: a guild sees only its own sources, and only what is recent enough. */
export interface Scope {
  /** Only articles that appeared since then (see `articleTime`); everything kept when absent. */
  since?: Date;
  /** Feed URLs, pages, files or folders (a folder covers every file below it); all sources when absent. */
  sourceLocations?: string[];
}

export interface CatalogSearch extends Scope {
  now: Date;
  limit: number;
  /**
   * Rank every article sharing any word instead of those sharing all first: for a headline quoted by a
   * publisher, where no other article would hold every word.
   */
  anyWord?: boolean;
}

export interface SearchHit {
  article: Article;
  score: number;
}

/**
 * Where the newsroom's questions find their articles: a search, the articles of a scope, an address. The
 * newsroom clusters, summarises and ranks what a catalog returns, so every engine tells the same stories from
 * the same articles; a catalog only decides how to find them. In memory that is an index of every article,
 * rebuilt at start-up; in a database it is a query, and nothing grows with the store in the process.
 */
export interface ArticleCatalog {
  /** Articles kept now. */
  count(now: Date): Promise<number>;
  /** Changes whenever articles arrive or leave, so that what was worked out from them can be kept until then. */
  version(): Promise<string>;
  /** The best matches for a topic, best first: relevance weighted by recency. */
  search(query: string, options: CatalogSearch): Promise<SearchHit[]>;
  /**
   * The articles of a scope that a digest or trending list considers, newest first. An in-memory catalog
   * returns all of them; a database returns at most its candidate bound, so that the answer costs the same
   * at any store size.
   */
  inScope(scope: Scope, now: Date): Promise<Article[]>;
  /** Candidates for a story's related coverage, most related first, never the story's own articles. */
  related(story: { title: string; topics: string[]; ownIds: string[] }, options: { now: Date; limit: number }): Promise<Article[]>;
  /** The kept article at that address (as found or as its page names itself), if any. */
  articleAt(url: string, now: Date): Promise<Article | undefined>;
  /** The kept article with that id, if it is still kept. */
  article(id: string, now: Date): Promise<Article | undefined>;
  /** How many articles of a source are kept, and the name they give it (the feed's title, the site's name). */
  source(location: string, now: Date): Promise<{ articles: number; name?: string }>;
  /** The locations a scope's list covers: each as given, and every file below a folder. */
  expand(locations: string[]): Promise<string[]>;
  /** Forgets articles past retention; returns how many. */
  prune(now: Date): Promise<number>;
}
