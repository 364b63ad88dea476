import { articleTime, type AlsoReadLink, type Article } from '../model/article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import type { Briefing, BriefingLink, Story } from '../model/story.ts';
import { articleAddress, publisherName, webAddress } from './article-address.ts';
import { createRelatedIndex } from './also-read/related-index.ts';
import { storyAlsoRead } from './also-read/story-also-read.ts';
import { findHeadline } from './also-read/title-lookup.ts';
import { clusterStories } from './cluster/cluster-stories.ts';
import { composeDigest, type StoryTelling } from './digest/compose-digest.ts';
import { composeTopicBriefing, type TopicMatch } from './digest/compose-topic-briefing.ts';
import { createSearchIndex } from './search/search-index.ts';
import { summarizeOverview } from './summarize/overview.ts';
import type { Summarizer } from './summarizer.ts';
import { trendingTopics, type TrendingTopic } from './topics/trending-topics.ts';

/** What `herald summarize` and `/summarize` show for one article. */
export interface ArticleSummary {
  title: string;
  summary: string;
  topics: string[];
  alsoRead: AlsoReadLink[];
}

export interface SearchResult {
  title: string;
  url: string;
  source: string;
  publishedAt?: string;
  topics: string[];
  score: number;
}

/** Which articles a briefing may draw on: a guild sees only its own sources, and only what is recent enough. */
export interface Scope {
  /** Only articles that appeared since then (see `articleTime`); everything kept when absent. */
  since?: Date;
  /** Feed URLs, pages, files or folders (a folder covers every file below it); all sources when absent. */
  sourceLocations?: string[];
}

export interface NewsroomOptions {
  summarizer: Summarizer;
  now: () => Date;
  retentionMs: number;
}

/** How many search hits a topic briefing clusters: enough to find every story worth showing, few enough to stay fast at 100k articles. */
const TOPIC_HITS = 60;
/** How many related articles are considered for a story's "also read". */
const RELATED_HITS = 40;
const ALSO_READ_LIMIT = 3;
/** How many search hits for a quoted headline are checked for the article it names. */
const TITLE_HITS = 10;
/** Scopes whose stories are kept clustered: one per server that has digests due at the same minute is plenty. */
const CLUSTERED_SCOPES = 64;
const HOUR_MS = 3_600_000;
const RELATED_KEPT = 5_000;

/**
 * The articles Herald knows, and everything that is asked of them: digests, topic briefings, trending
 * topics, search and single-article summaries. It keeps the search index in step with the store as
 * articles arrive and expire; stories are clustered on demand from the articles a question concerns,
 * which keeps every answer bounded by that question rather than by the size of the store.
 */
export class Newsroom {
  readonly #articles = new Map<string, Article>();
  /** Every source location an article came from, to turn a scope's folders into the files below them. */
  readonly #locations = new Set<string>();
  readonly #index;
  readonly #options: NewsroomOptions;
  /**
   * Stories per scope until an article arrives or leaves: the digests of every channel of a server are due at
   * the same minute and cluster the same articles, which would otherwise be done once per channel.
   */
  readonly #clustered = new Map<string, Story[]>();
  /** Each story's related coverage, for the same reason; by the hour, since recency weighs in. */
  readonly #related = new Map<string, BriefingLink[]>();

  constructor(options: NewsroomOptions) {
    this.#options = options;
    this.#index = createSearchIndex({ retentionMs: options.retentionMs });
  }

  get size(): number {
    return this.#articles.size;
  }

  get summarizerDescription(): string {
    return this.#options.summarizer.description;
  }

  add(article: Article): void {
    this.#articles.set(article.id, article);
    this.#locations.add(article.source.location);
    this.#index.add(article);
    this.#forgetDerived();
  }

  /** Forgets articles past retention, as the store does. */
  prune(): number {
    const removed = this.#index.prune(this.#options.now());
    const cutoff = this.#options.now().getTime() - this.#options.retentionMs;
    for (const [id, article] of this.#articles) {
      if (Date.parse(article.fetchedAt) < cutoff) this.#articles.delete(id);
    }
    this.#forgetDerived();
    return removed;
  }

  /** The kept article at that address (as found or as its page names itself), if any. */
  articleAt(url: string): Article | undefined {
    const wanted = canonicalUrl(url) ?? url;
    for (const article of this.#articles.values()) {
      if (article.canonicalUrl === wanted || article.url === url || (article.url && canonicalUrl(article.url) === wanted)) return article;
    }
    return undefined;
  }

  /** Whether an article is one a scope may see. */
  inScope(article: Article, scope: Scope): boolean {
    return this.#inScope(scope, [article]).length === 1;
  }

  /** How many articles of a source are kept, and the name they give it (the feed's title, the site's name). */
  source(location: string): { articles: number; name?: string } {
    let articles = 0;
    let name: string | undefined;
    for (const article of this.#articles.values()) {
      if (article.source.location !== location) continue;
      articles += 1;
      name ??= article.source.name ?? article.siteName;
    }
    return { articles, ...(name ? { name } : {}) };
  }

  /** The top stories in scope; `accept` lets a caller leave stories out (already sent, filtered out) before ranking. */
  async digest(options: Scope & { limit: number; topics?: string[]; accept?: (story: Story) => boolean }): Promise<Briefing> {
    const stories = this.#stories(options).filter(options.accept ?? (() => true));
    return composeDigest(stories, { now: this.#options.now(), limit: options.limit, ...(options.topics ? { topics: options.topics } : {}) }, this.#telling());
  }

  async topicBriefing(query: string, options: Scope & { limit: number }): Promise<Briefing> {
    const hits = this.#search(query, TOPIC_HITS, options);
    const relevance = new Map(hits.map((hit) => [hit.article.id, hit.score]));
    const matches: TopicMatch[] = clusterStories(hits.map((hit) => hit.article)).map((story) => ({
      story,
      relevance: storyRelevance(story, relevance),
    }));
    return composeTopicBriefing(query, matches, { now: this.#options.now(), limit: options.limit }, {
      ...this.#telling(),
      overview: (stories, topic) => summarizeOverview(stories.map((story) => story.lead), { query: topic }),
    });
  }

  trending(options: Scope & { limit: number }): TrendingTopic[] {
    return trendingTopics(this.#inScope(options), { now: this.#options.now(), limit: options.limit, since: options.since ?? new Date(0) });
  }

  search(query: string, options: Scope & { limit: number }): SearchResult[] {
    return this.#search(query, options.limit, options).map(({ article, score }) => ({
      title: article.title,
      url: articleAddress(article),
      source: publisherName(article),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      topics: article.topics,
      score: Math.round(score * 1000) / 1000,
    }));
  }

  /**
   * One article, stored or not: its summary, topics, and what to read next. The publisher's own links come
   * first, with their URL when the page gave one or the store holds that title, and as plain titles
   * otherwise, because a reader can still look them up; Herald's related coverage fills the rest.
   */
  async summarizeArticle(article: Article): Promise<ArticleSummary> {
    const summary = await this.#options.summarizer.summarize(article);
    const links: AlsoReadLink[] = article.alsoRead.slice(0, ALSO_READ_LIMIT).map((link) => {
      const found = this.#findByTitle(link.title);
      const url = link.url ?? (found && webAddress(found));
      return url ? { title: link.title, url } : { title: link.title };
    });
    const story: Story = { id: article.id, lead: article, articles: [article], topics: article.topics, latestAt: new Date(articleTime(article)).toISOString() };
    for (const link of this.#storyAlsoRead(story)) {
      if (links.length >= ALSO_READ_LIMIT) break;
      if (!links.some((existing) => existing.url === link.url)) links.push(link);
    }
    return { title: article.title, summary: summary.text, topics: article.topics, alsoRead: links };
  }

  #forgetDerived(): void {
    this.#clustered.clear();
    this.#related.clear();
  }

  #stories(scope: Scope): Story[] {
    const key = JSON.stringify([scope.since?.getTime() ?? null, scope.sourceLocations ? [...new Set(scope.sourceLocations)].sort() : null]);
    const kept = this.#clustered.get(key);
    if (kept) return kept;
    const stories = clusterStories(this.#inScope(scope));
    if (this.#clustered.size >= CLUSTERED_SCOPES) this.#clustered.delete(this.#clustered.keys().next().value!);
    this.#clustered.set(key, stories);
    return stories;
  }

  #inScope(scope: Scope, articles: Iterable<Article> = this.#articles.values()): Article[] {
    const since = scope.since?.getTime();
    const sources = scope.sourceLocations && new Set(this.#expand(scope.sourceLocations));
    return [...articles].filter(
      (article) =>
        (!sources || sources.has(article.source.location)) &&
        (since === undefined || articleTime(article) >= since),
    );
  }

  #expand(locations: string[]): string[] {
    const folders = locations.map((location) => `${location.replace(/[\\/]+$/, '')}/`);
    return [...new Set([...locations, ...[...this.#locations].filter((known) => folders.some((folder) => known.startsWith(folder)))])];
  }

  #search(query: string, limit: number, scope: Scope & { anyWord?: boolean }): Array<{ article: Article; score: number }> {
    return this.#index
      .search(query, {
        now: this.#options.now(),
        limit,
        ...(scope.since ? { since: scope.since } : {}),
        ...(scope.sourceLocations ? { sourceLocations: this.#expand(scope.sourceLocations) } : {}),
        ...(scope.anyWord ? { anyWord: true } : {}),
      })
      .flatMap((hit) => {
        const article = this.#articles.get(hit.id);
        return article ? [{ article, score: hit.score }] : [];
      });
  }

  #telling(): StoryTelling {
    return {
      summarize: async (story) => (await this.#options.summarizer.summarize(story.lead)).text,
      alsoRead: (story) => this.#storyAlsoRead(story),
    };
  }

  #storyAlsoRead(story: Story): BriefingLink[] {
    const key = `${story.id} ${Math.floor(this.#options.now().getTime() / HOUR_MS)} ${story.articles.length}`;
    const kept = this.#related.get(key);
    if (kept) return kept;
    const links = this.#findAlsoRead(story);
    if (this.#related.size >= RELATED_KEPT) this.#related.clear();
    this.#related.set(key, links);
    return links;
  }

  /** Related coverage is looked for among what the search finds for the story's headline and topics, so that it costs the same at any store size. */
  #findAlsoRead(story: Story): BriefingLink[] {
    const ownIds = new Set(story.articles.map((article) => article.id));
    const query = [story.lead.title, ...story.topics.slice(0, 5)].join(' ');
    const related = this.#search(query, RELATED_HITS, { anyWord: true })
      .map((hit) => hit.article)
      .filter((article) => !ownIds.has(article.id));
    return storyAlsoRead(story, {
      related: createRelatedIndex([story, ...clusterStories(related)]),
      findByTitle: (title) => this.#findByTitle(title),
      now: this.#options.now(),
      limit: ALSO_READ_LIMIT,
    });
  }

  /** A publisher's "Also read" headline among the few articles the search finds for its words. */
  #findByTitle(title: string): Article | undefined {
    return findHeadline(title, this.#search(title, TITLE_HITS, {}).map((hit) => hit.article));
  }
}

/** The best article's relevance, lifted a little by every other article of the story the search also found. */
function storyRelevance(story: Story, relevance: Map<string, number>): number {
  const scores = story.articles.map((article) => relevance.get(article.id) ?? 0).sort((a, b) => b - a);
  return (scores[0] ?? 0) + 0.1 * scores.slice(1).reduce((sum, score) => sum + score, 0);
}
