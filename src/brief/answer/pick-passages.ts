import type { Article } from '../../model/article.ts';
import type { Passage } from './rank-passages.ts';

export interface PickOptions {
  /** Passages in all. */
  limit: number;
  /** Passages from any one article. */
  perArticle: number;
}

/** A passage picked for an answer, and every article that says it: its own first, then those that repeat it. */
export interface PickedPassage extends Passage {
  sources: Article[];
}

/**
 * Above this share of words in common, two sentences say the same thing: the wire copy another site ran, a
 * lead repeated lower down. The second adds a source to the first, not a sentence to the answer.
 */
const SAME_SENTENCE = 0.6;

/**
 * The best passages (ranked best first) for an answer: one from each article before a second from any, so that
 * an answer draws on as many sources as say something, and never a sentence that repeats one already picked;
 * a repeat from another article cites that article too.
 */
export function pickPassages(ranked: Passage[], options: PickOptions): PickedPassage[] {
  const picked: PickedPassage[] = [];
  const fromArticle = new Map<string, number>();
  for (let allowed = 1; allowed <= options.perArticle; allowed += 1) {
    for (const passage of ranked) {
      const taken = fromArticle.get(passage.article.id) ?? 0;
      if (taken >= allowed || picked.some((chosen) => chosen.text === passage.text && chosen.article === passage.article)) continue;
      const repeated = picked.find((chosen) => overlap(chosen.terms, passage.terms) > SAME_SENTENCE);
      if (repeated) {
        if (!repeated.sources.includes(passage.article)) repeated.sources.push(passage.article);
        continue;
      }
      if (picked.length >= options.limit) continue;
      picked.push({ ...passage, sources: [passage.article] });
      fromArticle.set(passage.article.id, taken + 1);
    }
  }
  return picked.sort((a, b) => b.score - a.score || a.articleRank - b.articleRank || a.position - b.position);
}

/** Shared terms over the terms of the shorter sentence, so a sentence quoted inside a longer one counts as said. */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const term of small) if (large.has(term)) shared += 1;
  return shared / small.size;
}
