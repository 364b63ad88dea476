import type { SimilarPair } from './near-duplicate-pairs.ts';
import { cosine, heaviestTerms, type TermVector } from './term-vectors.ts';

export interface EventItem {
  vector: TermVector;
  time: number;
  /** The people, places and organisations it names (not its subjects: "council", "strike" are shared by unrelated news). */
  nameKeys: Set<string>;
  /** The figures it quotes. */
  figures: Set<string>;
}

export interface SameEventOptions {
  windowMs: number;
  /** Least score (eventScore) for two reports of one event. */
  threshold: number;
}

/**
 * Two sites that write one event up in their own words share a third of their vocabulary or less (the median
 * cosine of the labelled rewrites in test/fixtures/events is 0.31), but they name the same people, places and
 * organisations and quote the same figures. Each name and figure in common therefore adds to the cosine, up
 * to a few of each: enough for a rewrite to pass, while two events about one country or one club, which share
 * that name but not the rest, stay apart. Set on the tuning part of the labelled events.
 */
const NAME_WEIGHT = 0.03;
const NAMES_COUNTED = 5;
const FIGURE_WEIGHT = 0.05;
const FIGURES_COUNTED = 3;

/** How strongly two reports look like one event: their cosine, with what their names and figures add. */
export function eventScore(a: EventItem, b: EventItem, similarity: number): number {
  return similarity + NAME_WEIGHT * Math.min(NAMES_COUNTED, shared(a.nameKeys, b.nameKeys)) + FIGURE_WEIGHT * Math.min(FIGURES_COUNTED, shared(a.figures, b.figures));
}

function shared(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const key of a) if (b.has(key)) count += 1;
  return count;
}

/**
 * Two reports of one event share their heaviest words or their names: an article looks up its 10 heaviest
 * words among the 30 heaviest of earlier articles, and its names among theirs, and only an article found under
 * two of either is compared. The rest of the vocabulary still counts in the cosine.
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
 * Pairs of articles that report one event: close in time, similar by their words, names and figures
 * (eventScore), and naming the same people and places. Candidates come from inverted indexes over each
 * article's heaviest terms and its names, read back only as far as the time window, so that no two articles
 * are compared unless they share telling terms or names and a few days.
 *
 * `items` must be in time order.
 */
export function sameEventPairs(items: EventItem[], options: SameEventOptions): SimilarPair[] {
  const termPostings = new Map<number, number[]>();
  const namePostings = new Map<string, number[]>();
  const lastQueriedBy = new Int32Array(items.length).fill(-1);
  const termHits = new Int32Array(items.length);
  const nameHits = new Int32Array(items.length);
  const pairs: SimilarPair[] = [];
  items.forEach((item, index) => {
    const compare = (other: number): void => {
      const otherItem = items[other]!;
      if (!sharesEntities(item, otherItem)) return;
      const score = eventScore(item, otherItem, cosine(item.vector, otherItem.vector));
      if (score >= thresholdFor(item, otherItem, options.threshold)) pairs.push({ a: other, b: index, similarity: score });
    };
    // An earlier article is compared once, when it is first found under two of this one's heavy terms or names.
    const found = <K>(postings: Map<K, number[]>, keys: Iterable<K>, hits: Int32Array, otherHits: Int32Array): void => {
      for (const key of keys) {
        const posting = postings.get(key);
        if (!posting) continue;
        const stop = Math.max(0, posting.length - POSTINGS_SCANNED);
        for (let at = posting.length - 1; at >= stop; at -= 1) {
          const other = posting[at]!;
          if (item.time - items[other]!.time > options.windowMs) break;
          if (lastQueriedBy[other] !== index) {
            lastQueriedBy[other] = index;
            termHits[other] = 0;
            nameHits[other] = 0;
          }
          hits[other]! += 1;
          if (hits[other] === TERMS_IN_COMMON && otherHits[other]! < TERMS_IN_COMMON) compare(other);
        }
      }
    };
    const heaviest = heaviestTerms(item.vector, INDEXED_TERMS);
    found(termPostings, heaviest.slice(0, QUERY_TERMS), termHits, nameHits);
    found(namePostings, item.nameKeys, nameHits, termHits);
    for (const term of heaviest) append(termPostings, term, index);
    for (const name of item.nameKeys) append(namePostings, name, index);
  });
  return pairs;
}

function append<K>(postings: Map<K, number[]>, key: K, index: number): void {
  const posting = postings.get(key);
  if (posting) posting.push(index);
  else postings.set(key, [index]);
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
