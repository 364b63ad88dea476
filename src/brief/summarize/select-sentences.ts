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
 * does not repeat one already chosen. Returns indices into `scored`, in the order chosen. `accept` lets a caller
 * veto a candidate in the light of what is already chosen; `leadIn` names a sentence that must come along with
 * a candidate for it to make sense (the one that says who "he" is), taken with it or not at all.
 */
export function selectSentences(
  scored: Scored[],
  limits: SelectionLimits,
  accept: (index: number, chosen: number[]) => boolean = () => true,
  leadIn: (index: number) => number | undefined = () => undefined,
): number[] {
  const order = scored.map((_, index) => index).sort((a, b) => scored[b]!.score - scored[a]!.score || a - b);
  const chosen: number[] = [];
  let length = 0;
  for (const index of order) {
    if (chosen.length >= limits.maxSentences) break;
    if (chosen.includes(index)) continue;
    const before = leadIn(index);
    const group = before === undefined || chosen.includes(before) ? [index] : [before, index];
    if (chosen.length + group.length > limits.maxSentences) continue;
    const added = group.reduce((sum, member) => sum + scored[member]!.text.length, 0) + group.length - (chosen.length > 0 ? 0 : 1);
    if (length + added > limits.maxChars) continue;
    if (group.some((member) => chosen.some((other) => cosine(scored[other]!.vector, scored[member]!.vector) > REDUNDANT))) continue;
    if (!accept(index, [...chosen, ...group.slice(0, -1)])) continue;
    chosen.push(...group);
    length += added;
  }
  return chosen;
}
