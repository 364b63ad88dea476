import { articleTime, type Article } from '../../model/article.ts';
import { canonicalTopics } from './canonical-topics.ts';

export type TrendingArticle = Pick<Article, 'id' | 'topics' | 'publishedAt' | 'fetchedAt' | 'source' | 'siteName' | 'url'>;

export interface TrendingOptions {
  now: Date;
  /** Articles that appeared before this are left out; 24 hours before now unless given. */
  since?: Date;
  limit?: number;
  /** How long until an article counts half as much as a new one. */
  halfLifeHours?: number;
}

export interface TrendingTopic {
  /** The topic as the articles spell it most often in full. */
  topic: string;
  key: string;
  articles: number;
  sources: number;
  score: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DEFAULT_LIMIT = 10;
const DEFAULT_HALF_LIFE_HOURS = 6;

/**
 * The topics the news is about right now. Each article weighs 2^(-age / half-life). Within one source the
 * weights add under a square root, and across sources they add in full, so a topic five sites carry beats
 * one site writing five times about it: a site repeating itself is one voice, five sites are five.
 */
export function trendingTopics(articles: Iterable<TrendingArticle>, options: TrendingOptions): TrendingTopic[] {
  const now = options.now.getTime();
  const since = options.since?.getTime() ?? now - DAY_MS;
  const halfLife = (options.halfLifeHours ?? DEFAULT_HALF_LIFE_HOURS) * HOUR_MS;
  const inWindow = uniqueById(articles).filter((article) => {
    const at = articleTime(article);
    return at >= since && at <= now;
  });
  const canon = canonicalTopics(inWindow);
  const topics = new Map<string, { articles: number; weightBySource: Map<string, number> }>();
  for (const article of inWindow) {
    const weight = 2 ** (-(now - articleTime(article)) / halfLife);
    const source = sourceIdentity(article);
    for (const key of new Set(article.topics.map((name) => canon.key(name)).filter(Boolean))) {
      const topic = topics.get(key) ?? { articles: 0, weightBySource: new Map<string, number>() };
      topic.articles += 1;
      topic.weightBySource.set(source, (topic.weightBySource.get(source) ?? 0) + weight);
      topics.set(key, topic);
    }
  }
  return [...topics]
    .map(([key, topic]) => ({
      topic: canon.display(key),
      key,
      articles: topic.articles,
      sources: topic.weightBySource.size,
      score: [...topic.weightBySource.values()].reduce((sum, weight) => sum + Math.sqrt(weight), 0),
    }))
    .sort((a, b) => b.score - a.score || b.sources - a.sources || b.articles - a.articles || a.key.localeCompare(b.key))
    .slice(0, options.limit ?? DEFAULT_LIMIT);
}

/** The same article read twice (from a feed and from its page) is one article. */
function uniqueById(articles: Iterable<TrendingArticle>): TrendingArticle[] {
  return [...new Map([...articles].map((article) => [article.id, article])).values()];
}

/** Who published it: the site's own name, else the host it was read from, else the feed or file. */
function sourceIdentity(article: TrendingArticle): string {
  if (article.siteName) return article.siteName.trim().toLowerCase();
  const host = hostOf(article.url) ?? hostOf(article.source.location);
  return host ?? article.source.location;
}

function hostOf(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const { hostname } = new URL(url);
  return hostname ? hostname.replace(/^www\./, '') : undefined;
}
