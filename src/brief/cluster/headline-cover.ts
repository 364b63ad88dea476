import { hashString } from './shingles.ts';

/** What one report's headline says, and what another's opening says, as sets of hashed terms. */
export interface HeadlineTerms {
  /** The headline's terms, sorted, without repeats. */
  headline: Uint32Array;
  /** The terms of the headline, standfirst and opening, sorted, without repeats. */
  opening: Uint32Array;
}

export function headlineTerms(headline: string[], opening: string[]): HeadlineTerms {
  const sorted = Uint32Array.from(new Set([...headline, ...opening].map(hashString))).sort();
  return { headline: Uint32Array.from(new Set(headline.map(hashString))).sort(), opening: sorted };
}

/**
 * The share of one report's headline that the other report's opening also says, taken the way round that shares
 * more. Two reports of one event tell it in their first lines, so one of them names in its opening what the other
 * put in its headline ("Cameron to quit as Britain chooses Brexit"); two articles that merely share a paragraph
 * somewhere (a quote, a background line) do not.
 */
export function headlineCover(a: HeadlineTerms, b: HeadlineTerms): number {
  return Math.max(coverOf(a.headline, b.opening), coverOf(b.headline, a.opening));
}

/**
 * Whether two headlines say the same words, one of them perhaps with a label more ("Update:", "Watch:", "Live:"):
 * a copy's headline, or a recurring one (a daily column, a newsletter, a live page) that says nothing of the event.
 */
export function sameHeadline(a: HeadlineTerms, b: HeadlineTerms): boolean {
  const [shorter, longer] = a.headline.length <= b.headline.length ? [a.headline, b.headline] : [b.headline, a.headline];
  return shorter.length > 0 && longer.length - shorter.length <= 1 && coverOf(shorter, longer) === 1;
}

function coverOf(headline: Uint32Array, opening: Uint32Array): number {
  if (headline.length === 0) return 0;
  let found = 0;
  for (const term of headline) if (contains(opening, term)) found += 1;
  return found / headline.length;
}

function contains(sorted: Uint32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
