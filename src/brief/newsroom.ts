import { setImmediate } from 'node:timers/promises';
import { articleTime, type AlsoReadLink, type Article } from '../model/article.ts';
import type { Briefing, BriefingLink, Story } from '../model/story.ts';
import { InputError } from '../input-error.ts';
import type { ArticleCatalog, Scope } from './article-catalog.ts';
import { articleAddress, publisherName, webAddress } from './article-address.ts';
import { createRelatedIndex } from './also-read/related-index.ts';
import { createBriefingTurns } from './briefing-turns.ts';
import type { Answer } from './answer/answer.ts';
import { answerQuestion, type AnswerWriter } from './answer/answer-question.ts';
import { readQuestion, searchQuery } from './answer/question.ts';
import { storyAlsoRead } from './also-read/story-also-read.ts';
import { findHeadline } from './also-read/title-lookup.ts';
import { clusterStories, type ClusterOptions } from './cluster/cluster-stories.ts';
import { meaningCosine } from './embed/dense-vector.ts';
import type { Meanings } from './embed/article-meanings.ts';
import { composeDigest, type StoryTelling } from './digest/compose-digest.ts';
import { composeTopicBriefing, type TopicMatch } from './digest/compose-topic-briefing.ts';
import { summarizeOverview } from './summarize/overview.ts';
import type { Summarizer, SummaryLength } from './summarizer.ts';
import { trendingTopics, type TrendingTopic } from './topics/trending-topics.ts';

export type { Scope } from './article-catalog.ts';

/** What `herald summarize` and `/summarize` show for one article. */
export interface ArticleSummary {
  title: string;
  summary: string;
  topics: string[];
  alsoRead: AlsoReadLink[];
}

export interface SearchResult {
  /** The stored article's id, which a button on the result names. */
  id: string;
  title: string;
  url: string;
  source: string;
  publishedAt?: string;
  topics: string[];
  score: number;
}

/**
 * Who a briefing is for: readers of `language` (a BCP 47 tag) get stories written in another one translated
 * when a model is configured, and labelled with their language when not.
 */
export interface Reading {
  language?: string;
}

export interface NewsroomOptions {
  catalog: ArticleCatalog;
  summarizer: Summarizer;
  /** Writes answers to questions with a model; without one, answers quote the best passages. */
  answerWriter?: AnswerWriter;
  now: () => Date;
  /** Embeddings, when a model is configured for them: they add to clustering, also read and search ranking. */
  meanings?: Meanings;
}

/** How many search hits a question's passages are looked for in: a few screens of articles, read sentence by sentence. */
const QUESTION_HITS = 20;
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
const MINUTE_MS = 60_000;
const RELATED_KEPT = 5_000;
/** Briefings kept for the minute they were asked in (see #shared): far more than a minute's storm asks. */
const ANSWERS_KEPT = 1_000;
/**
 * Briefings composed at once (see briefing-turns.ts): enough that one waiting on a model's summary does not hold
 * up the rest, few enough that a new interaction is read within a few of their steps.
 */
const BRIEFINGS_AT_ONCE = 3;
/**
 * Reciprocal rank fusion's constant: a hit's place in the words' ranking and in the meanings' ranking each count
 * 1/(RRF_K + place). Ranks, not scores, because the in-memory index's and PostgreSQL's scores have scales of their
 * own.
 */
const RRF_K = 60;

/**
 * Everything that is asked of the articles Herald keeps: digests, topic briefings, trending topics, search
 * and single-article summaries. The catalog finds the articles a question concerns (from memory or from the
 * database); the newsroom clusters them into stories on demand, summarises and ranks them, which keeps every
 * answer bounded by that question rather than by the size of the store.
 */
export class Newsroom {
  readonly #options: NewsroomOptions;
  readonly #catalog: ArticleCatalog;
  /** The catalog's version the kept stories were worked out from; anything arriving or leaving drops them. */
  #version: string | undefined;
  /**
   * Stories per scope until an article arrives or leaves: the digests of every channel of a server are due at
   * the same minute and cluster the same articles, which would otherwise be done once per channel.
   */
  readonly #clustered = new Map<string, Promise<Story[]>>();
  /** Each story's related coverage, for the same reason; by the hour, since recency weighs in. */
  readonly #related = new Map<string, BriefingLink[]>();
  readonly #turns = createBriefingTurns(BRIEFINGS_AT_ONCE);
  /** Briefings worked out (or being worked out) in the minute and from the catalog's version `#answersAt` names. */
  readonly #answers = new Map<string, Promise<Briefing>>();
  #answersAt: string | undefined;

  constructor(options: NewsroomOptions) {
    this.#options = options;
    this.#catalog = options.catalog;
  }

  get summarizerDescription(): string {
    return this.#options.summarizer.description;
  }

  /** Articles kept now. */
  count(): Promise<number> {
    return this.#catalog.count(this.#options.now());
  }

  /** Forgets articles past retention, as the store does. */
  prune(): Promise<number> {
    return this.#catalog.prune(this.#options.now());
  }

  /** The kept article at that address (as found or as its page names itself), if any. */
  articleAt(url: string): Promise<Article | undefined> {
    return this.#catalog.articleAt(url, this.#options.now());
  }

  /** The kept article with that id, if it is still kept: what a button on an earlier reply names. */
  article(id: string): Promise<Article | undefined> {
    return this.#catalog.article(id, this.#options.now());
  }

  /** Whether an article is one a scope may see. */
  async inScope(article: Article, scope: Scope): Promise<boolean> {
    if (scope.since && articleTime(article) < scope.since.getTime()) return false;
    return !scope.sourceLocations || (await this.#catalog.expand(scope.sourceLocations)).includes(article.source.location);
  }

  /** How many articles of a source are kept, and the name they give it (the feed's title, the site's name). */
  source(location: string): Promise<{ articles: number; name?: string }> {
    return this.#catalog.source(location, this.#options.now());
  }

  /**
   * The top stories in scope; `accept` lets a caller leave stories out (already sent, filtered out) before ranking.
   * With `language`, the briefing is for readers of that language (see Reading).
   */
  digest(options: Scope & Reading & { limit: number; topics?: string[]; accept?: (story: Story) => boolean; summary?: SummaryLength; newest?: number }): Promise<Briefing> {
    const work = () => this.#turns.take(() => this.#digest(options));
    // Which stories a caller leaves out is its own (a channel's already sent), so those digests are its own too.
    if (options.accept) return work();
    const { limit, topics, summary, newest } = options;
    return this.#shared(['digest', scopeKey(options), options.language ?? null, { limit, topics, summary, newest }], work);
  }

  async #digest(options: Scope & Reading & { limit: number; topics?: string[]; accept?: (story: Story) => boolean; summary?: SummaryLength; newest?: number }): Promise<Briefing> {
    const stories = (await this.#stories(options, options.newest)).filter(options.accept ?? (() => true));
    return composeDigest(stories, { now: this.#options.now(), limit: options.limit, ...(options.topics ? { topics: options.topics } : {}) }, this.#telling(options.language, options, options.summary));
  }

  /** Every story in scope, as digests cluster them: what a channel was sent may have grown since. */
  stories(scope: Scope): Promise<Story[]> {
    return this.#stories(scope);
  }

  /** With `offset`, the stories after the first `offset`, a page at a time; the briefing says how many are left (`more`). */
  topicBriefing(query: string, options: Scope & Reading & { limit: number; offset?: number }): Promise<Briefing> {
    const { limit, offset } = options;
    return this.#shared(['topic', scopeKey(options), options.language ?? null, query, { limit, offset }], () => this.#turns.take(() => this.#topicBriefing(query, options)));
  }

  async #topicBriefing(query: string, options: Scope & Reading & { limit: number; offset?: number }): Promise<Briefing> {
    await this.#keepCurrent();
    const hits = await this.#catalog.search(query, { ...options, now: this.#options.now(), limit: TOPIC_HITS });
    await letOthersIn();
    const relevance = new Map(hits.map((hit) => [hit.article.id, hit.score]));
    const articles = hits.map((hit) => hit.article);
    const matches: TopicMatch[] = clusterStories(articles, await this.#meaningsOf(articles)).map((story) => ({
      story,
      relevance: storyRelevance(story, relevance),
    }));
    return composeTopicBriefing(query, matches, { now: this.#options.now(), limit: options.limit, ...(options.offset ? { offset: options.offset } : {}) }, {
      ...this.#telling(options.language, options),
      overview: (stories, topic) => summarizeOverview(stories.map((story) => story.lead), { query: topic }),
    });
  }

  /**
   * Stories related to one article, within a scope, most related first: "More like this". The article's own
   * story (its other reports of the same event) is left out, since the reader has just seen it.
   */
  moreLike(article: Article, options: Scope & Reading & { limit: number }): Promise<Briefing> {
    return this.#turns.take(() => this.#moreLike(article, options));
  }

  async #moreLike(article: Article, options: Scope & Reading & { limit: number }): Promise<Briefing> {
    await this.#keepCurrent();
    const now = this.#options.now();
    const candidates = await this.#catalog.related({ title: article.title, topics: article.topics, ownIds: [article.id] }, { now, limit: RELATED_HITS });
    const visible = options.sourceLocations && new Set(await this.#catalog.expand(options.sourceLocations));
    const related = candidates.filter((candidate) => !visible || visible.has(candidate.source.location));
    const rank = new Map(related.map((candidate, index) => [candidate.id, related.length - index]));
    const matches: TopicMatch[] = clusterStories([article, ...related])
      .filter((story) => !story.articles.some((each) => each.id === article.id))
      .map((story) => ({ story, relevance: storyRelevance(story, rank) }));
    return composeTopicBriefing(article.title, matches, { now, limit: options.limit }, { ...this.#telling(options.language, options), overview: () => '' });
  }

  async trending(options: Scope & { limit: number }): Promise<TrendingTopic[]> {
    const now = this.#options.now();
    return trendingTopics(await this.#catalog.inScope(options, now), { now, limit: options.limit, since: options.since ?? new Date(0) });
  }

  async search(query: string, options: Scope & { limit: number }): Promise<SearchResult[]> {
    const hits = await this.#rankedByMeaning(query, await this.#catalog.search(query, { ...options, now: this.#options.now() }));
    return hits.map(({ article, score }) => ({
      id: article.id,
      title: article.title,
      url: articleAddress(article),
      source: publisherName(article),
      ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
      topics: article.topics,
      score: Math.round(score * 1000) / 1000,
    }));
  }

  /**
   * A question answered from the stored articles of a scope and nothing else, each sentence citing its sources;
   * `language` is the reader's, which reads the question. Throws InputError for a question with nothing to look for.
   */
  async answer(question: string, options: Scope & Reading): Promise<Answer> {
    const asked = readQuestion(question, options.language);
    if (asked.words.length === 0) throw new InputError('Ask about something in the news, for example /ask question:what did the Met Office warn about Storm Agnes?');
    const hits = await this.#catalog.search(searchQuery(asked), { ...options, now: this.#options.now(), limit: QUESTION_HITS });
    return answerQuestion(asked, hits.map((hit) => hit.article), this.#options.answerWriter);
  }

  /**
   * One article, stored or not: its summary, topics, and what to read next. The publisher's own links come
   * first, with their URL when the page gave one or the store holds that title, and as plain titles
   * otherwise, because a reader can still look them up; Herald's related coverage fills the rest. Both come
   * from the scope's sources only: a server's summary never links another server's sources.
   */
  async summarizeArticle(article: Article, scope: Scope = {}): Promise<ArticleSummary> {
    await this.#keepCurrent();
    const summary = await this.#options.summarizer.summarize(article);
    const links: AlsoReadLink[] = [];
    for (const link of article.alsoRead.slice(0, ALSO_READ_LIMIT)) {
      const found = link.url ? undefined : await this.#findByTitle(link.title, scope);
      const url = link.url ?? (found && webAddress(found));
      links.push(url ? { title: link.title, url } : { title: link.title });
    }
    const story: Story = { id: article.id, lead: article, articles: [article], topics: article.topics, latestAt: new Date(articleTime(article)).toISOString() };
    for (const link of await this.#storyAlsoRead(story, scope)) {
      if (links.length >= ALSO_READ_LIMIT) break;
      if (!links.some((existing) => existing.url === link.url)) links.push(link);
    }
    return { title: article.title, summary: summary.text, topics: article.topics, alsoRead: links };
  }

  /**
   * A briefing asked again in the same minute, with nothing stored or let go since, for the same scope, readers and
   * words, is the one already worked out, or being worked out, without taking a turn: every server reading the same
   * sources asks /brief of the same articles, and a topic in the news is asked about by many servers at once. It is
   * the answer a fresh one would be, but for the instant it was worked out at (its generatedAt, and recency's weight
   * in the ranking, to within that minute). `key` names everything else the briefing is worked out from.
   */
  async #shared(key: unknown[], work: () => Promise<Briefing>): Promise<Briefing> {
    const at = `${await this.#catalog.version()}@${Math.floor(this.#options.now().getTime() / MINUTE_MS)}`;
    if (at !== this.#answersAt) {
      this.#answers.clear();
      this.#answersAt = at;
    }
    const id = JSON.stringify(key);
    const kept = this.#answers.get(id);
    if (kept) return kept;
    const answer = work();
    if (this.#answers.size >= ANSWERS_KEPT) this.#answers.delete(this.#answers.keys().next().value!);
    this.#answers.set(id, answer);
    answer.catch(() => {
      if (this.#answers.get(id) === answer) this.#answers.delete(id);
    });
    return answer;
  }

  /** Drops what was worked out from articles that have since changed. */
  async #keepCurrent(): Promise<void> {
    const version = await this.#catalog.version();
    if (version === this.#version) return;
    this.#version = version;
    this.#clustered.clear();
    this.#related.clear();
  }

  /**
   * With `newest`, only the newest articles in scope are clustered: clustering runs on the event loop, about
   * 1–2 ms an article, so a briefing on now must be bounded by that count rather than by the size of the store.
   */
  async #stories(scope: Scope, newest?: number): Promise<Story[]> {
    await this.#keepCurrent();
    const key = JSON.stringify([...scopeKey(scope), newest ?? null]);
    const kept = this.#clustered.get(key);
    if (kept) return kept;
    // Kept while still being worked out: requests arriving meanwhile (a storm of /brief, digests due at one
    // minute) wait for this clustering instead of each starting their own, one after another on the event loop.
    const stories = this.#catalog.inScope(scope, this.#options.now()).then(async (inScope) => {
      const articles = newest === undefined ? inScope : newestArticles(inScope, newest);
      return clusterStories(articles, await this.#meaningsOf(articles));
    });
    if (this.#clustered.size >= CLUSTERED_SCOPES) this.#clustered.delete(this.#clustered.keys().next().value!);
    this.#clustered.set(key, stories);
    stories.catch(() => {
      if (this.#clustered.get(key) === stories) this.#clustered.delete(key);
    });
    return stories;
  }

  /** How stories are told within a scope: what they suggest reading next comes from its sources alone. */
  #telling(language: string | undefined, scope: Scope, length?: SummaryLength): StoryTelling {
    return {
      summarize: async (story) => {
        await letOthersIn();
        return this.#options.summarizer.summarize(story.lead, { ...(language ? { language } : {}), ...(length ? { length } : {}) });
      },
      alsoRead: (story) => this.#storyAlsoRead(story, scope),
      ...(language ? { language } : {}),
    };
  }

  async #storyAlsoRead(story: Story, scope: Scope): Promise<BriefingLink[]> {
    const sources = scope.sourceLocations ? [...new Set(scope.sourceLocations)].sort() : undefined;
    const key = JSON.stringify([story.id, Math.floor(this.#options.now().getTime() / HOUR_MS), story.articles.length, sources ?? null]);
    const kept = this.#related.get(key);
    if (kept) return kept;
    const links = await this.#findAlsoRead(story, sources && new Set(await this.#catalog.expand(sources)));
    if (this.#related.size >= RELATED_KEPT) this.#related.clear();
    this.#related.set(key, links);
    return links;
  }

  /** `visible`: the sources a server may see (every one when absent); another server's own sources are not among them. */
  async #findAlsoRead(story: Story, visible: Set<string> | undefined): Promise<BriefingLink[]> {
    await letOthersIn();
    const now = this.#options.now();
    const seen = (article: Article | undefined) => (article && (!visible || visible.has(article.source.location)) ? article : undefined);
    const related = (await this.#catalog.related({ title: story.lead.title, topics: story.topics, ownIds: story.articles.map((article) => article.id) }, { now, limit: RELATED_HITS })).filter((article) => seen(article) !== undefined);
    const titles = new Map<string, Article | undefined>();
    for (const link of story.articles.flatMap((article) => article.alsoRead)) {
      if (!link.url && !titles.has(link.title)) titles.set(link.title, seen(await this.#findByTitle(link.title, {})));
    }
    const { meanings } = await this.#meaningsOf([...story.articles, ...related]);
    await letOthersIn();
    return storyAlsoRead(story, {
      related: createRelatedIndex([story, ...clusterStories(related, meanings ? { meanings } : {})], meanings),
      findByTitle: (title) => titles.get(title),
      now,
      limit: ALSO_READ_LIMIT,
    });
  }

  /** The articles' embeddings as clustering takes them; none without a model, or when it fails. */
  async #meaningsOf(articles: Article[]): Promise<Pick<ClusterOptions, 'meanings'>> {
    const meanings = this.#options.meanings;
    return meanings && articles.length > 0 ? { meanings: await meanings.of(articles) } : {};
  }

  /**
   * Search hits in the order of reciprocal rank fusion of their words' ranking and their meanings' (closeness to
   * the query's embedding); on a tie the meaning decides, being what the words missed. Each keeps its words' score,
   * which is what a reader is shown. As they came without embeddings.
   */
  async #rankedByMeaning<T extends { article: Article; score: number }>(query: string, hits: T[]): Promise<T[]> {
    const meanings = this.#options.meanings;
    if (!meanings || hits.length < 2) return hits;
    const [asked, found] = await Promise.all([meanings.ofText(query), meanings.of(hits.map((hit) => hit.article))]);
    if (!asked) return hits;
    const closeness = hits.map((hit) => {
      const meaning = found.get(hit.article.id);
      return meaning ? meaningCosine(asked, meaning) : -Infinity;
    });
    const byMeaning = hits.map((_, index) => index).sort((a, b) => closeness[b]! - closeness[a]! || a - b);
    const meaningPlace = new Map(byMeaning.map((index, place) => [index, place]));
    const fused = hits.map((hit, place) => ({ hit, meaningPlace: meaningPlace.get(place)!, score: 1 / (RRF_K + place) + 1 / (RRF_K + meaningPlace.get(place)!) }));
    return fused.sort((a, b) => b.score - a.score || a.meaningPlace - b.meaningPlace).map(({ hit }) => hit);
  }

  /** A publisher's "Also read" headline among the few articles the search finds for its words. */
  async #findByTitle(title: string, scope: Scope): Promise<Article | undefined> {
    const hits = await this.#catalog.search(title, { ...scope, now: this.#options.now(), limit: TITLE_HITS });
    return findHeadline(title, hits.map((hit) => hit.article));
  }
}

/**
 * Lets the event loop turn between a briefing's heavy steps. Awaiting what is already resolved goes on as a
 * microtask, so a storm of briefings would otherwise hold back Discord's messages, and the acknowledgements
 * owed within 3 s, until every briefing under way had finished.
 */
function letOthersIn(): Promise<void> {
  return setImmediate().then(() => undefined);
}

/** What tells one scope from another: when from, and which sources (in any order, each once). */
function scopeKey(scope: Scope): [number | null, string[] | null] {
  return [scope.since?.getTime() ?? null, scope.sourceLocations ? [...new Set(scope.sourceLocations)].sort() : null];
}

/** The best article's relevance, lifted a little by every other article of the story the search also found. */
function storyRelevance(story: Story, relevance: Map<string, number>): number {
  const scores = story.articles.map((article) => relevance.get(article.id) ?? 0).sort((a, b) => b - a);
  return (scores[0] ?? 0) + 0.1 * scores.slice(1).reduce((sum, score) => sum + score, 0);
}

/** The `count` articles that appeared last, ties broken by id so that the same articles always give the same stories. */
function newestArticles(articles: Article[], count: number): Article[] {
  if (articles.length <= count) return articles;
  const timed = articles.map((article) => ({ article, time: articleTime(article) }));
  timed.sort((a, b) => b.time - a.time || (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  return timed.slice(0, count).map(({ article }) => article);
}
