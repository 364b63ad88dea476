import type { Article } from '../../model/article.ts';
import { candidateSentences } from './candidate-sentences.ts';
import { cosine, lexRank, tfIdfVectors } from './sentence-graph.ts';
import { contentTerms } from './sentence-terms.ts';
import { selectSentences, type Scored } from './select-sentences.ts';
import { topicWeight } from './topic-mentions.ts';

export interface OverviewOptions {
  /** What the reader asked about; sentences that name it are preferred. */
  query?: string;
  minSentences?: number;
  maxSentences?: number;
  maxChars?: number;
}

const DEFAULTS = { minSentences: 2, maxSentences: 4, maxChars: 700 };

/** Centrality across all the articles counts most: what several reports agree on is the story. */
const WEIGHTS = { centrality: 0.35, query: 0.3, position: 0.25, title: 0.1 };

/** Past the minimum, a sentence this far below the best one is padding, not overview. */
const RELEVANCE_FLOOR = 0.5;

/**
 * A 2–4 sentence overview of several articles on one subject (a topic briefing's opening): sentences central
 * across the articles and naming the query, at most one repeat of any fact however many sources carry it,
 * spread across the articles, and told article by article in the order given, each in its own order.
 */
export function summarizeOverview(articles: Array<Pick<Article, 'title' | 'paragraphs' | 'topics'>>, options: OverviewOptions = {}): string {
  const { minSentences, maxSentences, maxChars } = { ...DEFAULTS, ...definedOptions(options) };
  const pool = articles.flatMap((article, articleIndex) => candidateSentences(article).map((candidate) => ({ ...candidate, articleIndex })));
  if (pool.length === 0) return '';

  const queryTerms = new Set(contentTerms(options.query ?? ''));
  const vectors = tfIdfVectors([...pool.map((sentence) => sentence.terms), ...articles.map((article) => contentTerms(article.title))]);
  const titles = vectors.splice(pool.length);
  const centrality = lexRank(vectors);
  const scored: Scored[] = pool.map((sentence, index) => {
    const matched = queryTerms.size === 0 ? 0 : sentence.terms.filter((term) => queryTerms.has(term)).length / queryTerms.size;
    const query = Math.min(1, matched + (options.query ? topicWeight(sentence.text, [options.query]) : 0));
    const score =
      WEIGHTS.centrality * centrality[index]! +
      WEIGHTS.query * query +
      WEIGHTS.position / Math.sqrt(1 + sentence.position) +
      WEIGHTS.title * cosine(titles[sentence.articleIndex]!, vectors[index]!);
    return { text: sentence.text, vector: vectors[index]!, score };
  });

  const best = Math.max(...scored.map((entry) => entry.score));
  const articlesWithText = new Set(pool.map((sentence) => sentence.articleIndex)).size;
  // Each article gets its turn before any gets a second sentence, so the overview draws across the sources.
  const perArticle = Math.max(1, Math.ceil(maxSentences / articlesWithText));
  const chosen = selectSentences(scored, { maxChars, maxSentences }, (index, picked) => {
    if (picked.length >= minSentences && scored[index]!.score < RELEVANCE_FLOOR * best) return false;
    return picked.filter((other) => pool[other]!.articleIndex === pool[index]!.articleIndex).length < perArticle;
  });
  return chosen
    .sort((a, b) => pool[a]!.articleIndex - pool[b]!.articleIndex || pool[a]!.position - pool[b]!.position)
    .map((index) => pool[index]!.text)
    .join(' ');
}

function definedOptions(options: OverviewOptions): Partial<typeof DEFAULTS> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => typeof value === 'number'));
}
