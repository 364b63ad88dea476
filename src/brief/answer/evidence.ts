import type { Article } from '../../model/article.ts';
import { pickPassages } from './pick-passages.ts';
import type { Passage } from './rank-passages.ts';

/** What a model answers from: one article and its sentences that bear on the question, numbered as the model cites them. */
export interface Evidence {
  /** From 1, in the order the model reads them. */
  number: number;
  article: Article;
  /** In the order the article tells them. */
  sentences: string[];
}

export interface EvidenceOptions {
  articles: number;
  perArticle: number;
}

/** The best passages (ranked best first) grouped by article: the best article first, each article's sentences as it tells them. */
export function gatherEvidence(ranked: Passage[], options: EvidenceOptions): Evidence[] {
  const picked = pickPassages(ranked, { limit: options.articles * options.perArticle, perArticle: options.perArticle });
  const byArticle = new Map<string, Passage[]>();
  for (const passage of picked) {
    if (!byArticle.has(passage.article.id) && byArticle.size >= options.articles) continue;
    byArticle.set(passage.article.id, [...(byArticle.get(passage.article.id) ?? []), passage]);
  }
  return [...byArticle.values()].map((passages, index) => ({
    number: index + 1,
    article: passages[0]!.article,
    sentences: passages.sort((a, b) => a.position - b.position).map((passage) => passage.text),
  }));
}
