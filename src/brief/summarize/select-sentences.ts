import { cosine, type TermVector } from './sentence-graph.ts';

export interface Scored {
  text: string;
  score: number;
  vector: TermVector;
}

export interface SelectionLimits {
  maxChars: number;
  maxSentences: number;
}

/** Two sentences this similar say the same thing; the second adds length, not news. */
const REDUNDANT = 0.5;

/**
 * Greedy selection by score: the best sentence first, then each next best that fits the remaining budget and
 * does not repeat one already chosen. Returns indices into `scored`, best first. `accept` lets a caller veto a
 * candidate in the light of what is already chosen.
 */
export function selectSentences(scored: Scored[], limits: SelectionLimits, accept: (index: number, chosen: number[]) => boolean = () => true): number[] {
  const order = scored.map((_, index) => index).sort((a, b) => scored[b]!.score - scored[a]!.score || a - b);
  const chosen: number[] = [];
  let length = 0;
  for (const index of order) {
    if (chosen.length >= limits.maxSentences) break;
    const candidate = scored[index]!;
    const added = candidate.text.length + (chosen.length > 0 ? 1 : 0);
    if (length + added > limits.maxChars) continue;
    if (chosen.some((other) => cosine(scored[other]!.vector, candidate.vector) > REDUNDANT)) continue;
    if (!accept(index, chosen)) continue;
    chosen.push(index);
    length += added;
  }
  return chosen;
}
