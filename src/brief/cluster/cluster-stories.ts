import type { Article } from '../../model/article.ts';
import type { Story } from '../../model/story.ts';
import type { UnitVector } from '../embed/dense-vector.ts';
import { articleFeatures, type ArticleFeatures } from './article-features.ts';
import { mergeClusters } from './merge-clusters.ts';
import { nearDuplicatePairs } from './near-duplicate-pairs.ts';
import { pickLead } from './pick-lead.ts';
import { figureCounts, sameEventPairs } from './same-event-pairs.ts';
import { storyTopics } from './story-topics.ts';
import { termVectors } from './term-vectors.ts';

export interface ClusterOptions {
  /** How far apart two separate reports of one event may be published. Default 36 hours. */
  windowHours?: number;
  /** How far apart copies of one text may appear and still be one story (a wire story is picked up late). Default 7 days. */
  duplicateWindowHours?: number;
  /** Least similarity (TF-IDF cosine plus figures in common) between two reports of one event out within 12 hours of each other; more is asked of reports further apart. Default 0.2. */
  eventSimilarity?: number;
  /** Embeddings by article id, when a model is configured: two reports also agree when their meanings do. */
  meanings?: ReadonlyMap<string, UnitVector>;
  /** Least cosine of two embeddings for one event. Default 0.8. */
  meaningSimilarity?: number;
}

const HOUR_MS = 3_600_000;

/**
 * Two groups join only when their centroids agree this much more than one pair of reports must: every report of an
 * event says what happened, so its reports' sum holds that core, while a chain of articles each resembling the next
 * (a shared quote here, a shared place there) adds up to nothing in common. The guard against one vague article
 * chaining two stories together.
 */
export const GROUP_SHARE = 1.25;

/** Defaults of ClusterOptions, which the benchmark's all-pairs baseline uses too. */
export const EVENT_WINDOW_HOURS = 36;
export const EVENT_SIMILARITY = 0.2;
/**
 * Embedding models put reports of one event well above 0.8 and different events on one subject below it
 * (OpenAI's text-embedding-3 and the common open models alike); lexical guards still stand behind it.
 */
export const MEANING_SIMILARITY = 0.8;

/**
 * Groups articles into stories: copies of one text (MinHash over word shingles), and separate reports of
 * one event (TF-IDF cosine with a shared entity, inside a time window). Pure and deterministic: the same
 * articles in any order give the same stories, newest first.
 */
export function clusterStories(articles: Article[], options: ClusterOptions = {}): Story[] {
  const windowMs = (options.windowHours ?? EVENT_WINDOW_HOURS) * HOUR_MS;
  const duplicateWindowMs = (options.duplicateWindowHours ?? 7 * 24) * HOUR_MS;
  const eventSimilarity = options.eventSimilarity ?? EVENT_SIMILARITY;

  const meaningSimilarity = options.meaningSimilarity ?? MEANING_SIMILARITY;

  const features = uniqueById(articles).map(articleFeatures).sort(byTimeThenId);
  const vectors = termVectors(features.map((feature) => feature.terms));
  const meanings = features.map((feature) => options.meanings?.get(feature.article.id));
  const duplicates = nearDuplicatePairs(features, duplicateWindowMs);
  const sameEvent = sameEventPairs(
    features.map((feature, index) => ({ ...feature, vector: vectors[index]!, ...(meanings[index] ? { meaning: meanings[index] } : {}) })),
    { windowMs, threshold: eventSimilarity, figureCounts: figureCounts(features), ...(options.meanings ? { meaningThreshold: meaningSimilarity } : {}) },
  );
  const clusters = mergeClusters(vectors, duplicates, sameEvent, GROUP_SHARE * eventSimilarity, options.meanings ? { vectors: meanings, minGroupSimilarity: meaningSimilarity } : undefined);
  return clusters.map((members) => toStory(members.map((index) => features[index]!))).sort(newestFirst);
}

function toStory(members: ArticleFeatures[]): Story {
  const articles = members.map((member) => member.article);
  const lead = pickLead(articles);
  const latest = Math.max(...members.map((member) => member.time));
  return {
    id: lead.id,
    lead,
    articles: [lead, ...articles.filter((article) => article !== lead)],
    topics: storyTopics(lead, articles),
    latestAt: new Date(latest).toISOString(),
  };
}

/** The same article fetched twice (one id) is one report, not two. The later read is kept, as the store would. */
function uniqueById(articles: Article[]): Article[] {
  const byId = new Map<string, Article>();
  for (const article of articles) {
    const kept = byId.get(article.id);
    const later = !kept || article.fetchedAt > kept.fetchedAt || (article.fetchedAt === kept.fetchedAt && article.contentHash > kept.contentHash);
    if (later) byId.set(article.id, article);
  }
  return [...byId.values()];
}

function byTimeThenId(a: ArticleFeatures, b: ArticleFeatures): number {
  return a.time - b.time || compareIds(a.article.id, b.article.id);
}

function newestFirst(a: Story, b: Story): number {
  return b.latestAt.localeCompare(a.latestAt) || compareIds(a.id, b.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
