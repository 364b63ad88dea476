import type { SimilarPair } from './near-duplicate-pairs.ts';
import { cosine, heaviestTerms, type TermVector } from './term-vectors.ts';

export interface EventItem {
  vector: TermVector;
  time: number;
  /** The people, places and organisations it names (not its subjects: "council", "strike" are shared by unrelated news). */
  nameKeys: Set<string>;
}

export interface SameEventOptions {
  windowMs: number;
  /** Least TF-IDF cosine for two reports of one event. */
  threshold: number;
}

/**
 * Two reports of one event share their heaviest words (names, places, figures): an article looks up its 10
 * heaviest among the 30 heaviest of earlier articles, and only an article found under two of them is compared.
 * The rest of the vocabulary still counts in the cosine.
 */
const QUERY_TERMS = 10;
const INDEXED_TERMS = 30;
const TERMS_IN_COMMON = 2;

/**
 * A term carried by more articles than this inside one window is news-wide vocabulary ("election", "police"),
 * not the mark of one event; its latest postings are still read, so a big event keeps its links.
 */
const POSTINGS_SCANNED = 32;

/**
 * Pairs of articles that report one event: close in time, similar by TF-IDF cosine, and naming the same people
 * and places. Candidates come from an inverted index over each article's heaviest terms, read back only as far
 * as the time window, so that no two articles are compared unless they share telling terms and a few days.
 *
 * `items` must be in time order.
 */
export function sameEventPairs(items: EventItem[], options: SameEventOptions): SimilarPair[] {
  const postings = new Map<number, number[]>();
  const lastQueriedBy = new Int32Array(items.length).fill(-1);
  const hits = new Int32Array(items.length);
  const pairs: SimilarPair[] = [];
  items.forEach((item, index) => {
    const heaviest = heaviestTerms(item.vector, INDEXED_TERMS);
    for (const term of heaviest.slice(0, QUERY_TERMS)) {
      const posting = postings.get(term);
      if (!posting) continue;
      const stop = Math.max(0, posting.length - POSTINGS_SCANNED);
      for (let at = posting.length - 1; at >= stop; at -= 1) {
        const other = posting[at]!;
        const otherItem = items[other]!;
        if (item.time - otherItem.time > options.windowMs) break;
        if (lastQueriedBy[other] !== index) {
          lastQueriedBy[other] = index;
          hits[other] = 0;
        }
        hits[other]! += 1;
        if (hits[other] !== TERMS_IN_COMMON || !sharesEntities(item, otherItem)) continue;
        const similarity = cosine(item.vector, otherItem.vector);
        if (similarity >= thresholdFor(item, otherItem, options.threshold)) pairs.push({ a: other, b: index, similarity });
      }
    }
    for (const term of heaviest) {
      const posting = postings.get(term);
      if (posting) posting.push(index);
      else postings.set(term, [index]);
    }
  });
  return pairs;
}

/**
 * Reports of one event name the same people and places; one name in common (a country, a president) is what
 * unrelated news from one place shares, so two are needed, or every name of an article that has only one.
 */
function sharesEntities(a: EventItem, b: EventItem): boolean {
  const needed = Math.min(2, a.nameKeys.size, b.nameKeys.size);
  let shared = 0;
  for (const key of a.nameKeys) if (b.nameKeys.has(key) && ++shared >= needed) return true;
  return shared >= needed;
}

/** Without names to compare, only the wording can tell one event from two written to the same template, so it must say more. */
const UNNAMED_THRESHOLD = 0.5;

function thresholdFor(a: EventItem, b: EventItem, threshold: number): number {
  return a.nameKeys.size === 0 || b.nameKeys.size === 0 ? Math.max(threshold, UNNAMED_THRESHOLD) : threshold;
}
