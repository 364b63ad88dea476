import { meaningCosine, type UnitVector } from '../embed/dense-vector.ts';
import type { ArticleFeatures } from './article-features.ts';
import { copiedShare, shareACopiedRun } from './copied-runs.ts';
import { figuresDisagree } from './event-numbers.ts';
import { headlineCover, sameHeadline } from './headline-cover.ts';
import { shareAName, sharedNames } from './name-match.ts';
import type { SimilarPair } from './near-duplicate-pairs.ts';
import { cosine, heaviestTerms, type TermVector } from './term-vectors.ts';

/** What telling two reports of one event apart needs: the article's features, its TF-IDF vector, and its embedding when a model gave one. */
export type EventItem = Pick<ArticleFeatures, 'time' | 'dated' | 'names' | 'headlineNames' | 'leadNames' | 'numbers' | 'headlineTerms' | 'copiedRuns'> & {
  vector: TermVector;
  meaning?: UnitVector;
};

export interface SameEventOptions {
  windowMs: number;
  /** Least similarity (TF-IDF cosine, plus the figures in common) for two reports of one event out within 12 hours of each other. */
  threshold: number;
  /** How many of the articles give each figure. */
  figureCounts: ReadonlyMap<string, number>;
  /**
   * With embeddings, the least cosine of two articles' meanings that says "one event" where their words differ
   * too much (another language, a rewrite); the guards on names, headlines and copied text still apply.
   */
  meaningThreshold?: number;
}

/**
 * Two reports of one event share some of their heaviest words (names, places, figures, what happened): an
 * article looks up its 20 heaviest among the 40 heaviest of earlier articles, and only an article found under two
 * of them is compared. Sites that tell one event in their own words share fewer of them than copies do, so the
 * look-up reaches past the very heaviest; the rest of the vocabulary still counts in the cosine.
 */
const QUERY_TERMS = 20;
const INDEXED_TERMS = 40;
const TERMS_IN_COMMON = 2;

/**
 * A term carried by more articles than this inside one window is news-wide vocabulary ("election", "police"),
 * not the mark of one event; its latest postings are still read, so a big event keeps its links.
 */
const POSTINGS_SCANNED = 32;

/**
 * Each figure two reports give alike (a result, a toll, a price) counts up to this much beside the cosine, up to
 * two figures: "51.9%" or "1:59:40" says one event where the words differ.
 */
const FIGURE_WEIGHT = 0.08;
const FIGURES_COUNTED = 2;
/**
 * A figure given by more articles than this counts for less, in proportion: "46" in a dozen reports of one day is
 * the toll of one fire, "24" in a thousand is any day's hours. Like IDF, but kept simple because figures are few.
 */
const RARE_FIGURE_ARTICLES = 5;

/**
 * Reports of one event tell it in their first lines: one of them says in its opening at least this share of what
 * the other put in its headline.
 */
const HEADLINE_COVER = 0.25;

/**
 * Below this similarity, each headline's names must be named by the other report too: Halep's Wimbledon final and
 * Djokovic's the next day share a place, a trophy and half their words, but not who won.
 */
const HEADLINE_NAMES_BELOW = 0.45;

/**
 * Two articles that print the same sentence (a quote, a wire paragraph, a line of background) are one event
 * only if they agree beyond it: the shared sentence lifts their cosine, so this much is asked of them instead.
 */
const COPIED_RUN_THRESHOLD = 0.4;

/**
 * Two articles under one headline that print some of the same text, but less than ONE_TEXT_SHARE of the shorter, are
 * one event only if their wording agrees this much: a recurring headline and opening line ("Morning briefing: here is
 * what you need to know today") tell a new event in each edition of a column or newsletter, and the headline, counted
 * twice, and the line lift the cosine of any two editions. A site that runs a wire story's first paragraphs under its
 * headline prints the rest of its text in the wire story too; two sites that each write their own report of one event
 * under the same few words ("Queen Elizabeth II dies at 96") copy no sentence. Neither is held to it.
 */
const SAME_HEADLINE_THRESHOLD = 0.6;
const ONE_TEXT_SHARE = 0.5;

/**
 * Two reports that each give this many figures in their openings and agree on none are two events, unless their
 * wording agrees as much as copied text must: a follow-up of the same day (a reaction with its own poll, the
 * next day's share price) names the same people and places but brings figures of its own.
 */
const FIGURES_TO_DISAGREE = 3;

/**
 * Pairs of articles that report one event: close in time (an article with no date, such as scraped text, may
 * have been published any time before Herald read it, so it is compared whatever its reading time), similar by
 * TF-IDF cosine and the figures they give, naming the same people and places, each saying in its opening what
 * the other's headline says. Candidates come
 * from an inverted index over each article's heaviest terms, read back only as far as the time window, so that no
 * two articles are compared unless they share telling terms and a few days.
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
        if (item.dated && otherItem.dated && item.time - otherItem.time > options.windowMs) break;
        if (lastQueriedBy[other] !== index) {
          lastQueriedBy[other] = index;
          hits[other] = 0;
        }
        hits[other]! += 1;
        if (hits[other] !== TERMS_IN_COMMON) continue;
        const similarity = sameEventSimilarity(otherItem, item, options);
        if (similarity !== undefined) pairs.push({ a: other, b: index, similarity });
      }
    }
    for (const term of heaviest) {
      const posting = postings.get(term);
      if (posting) posting.push(index);
      else postings.set(term, [index]);
    }
  });
  return anchorUndated(pairs, items, options.windowMs);
}

/**
 * An article with no date is placed in time by the dated report it matches best: it keeps only the reports
 * published within the window of that one, so that it cannot join a warning of one week to a summit of the next.
 */
function anchorUndated(pairs: SimilarPair[], items: EventItem[], windowMs: number): SimilarPair[] {
  const anchor = new Map<number, SimilarPair>();
  const partnerOf = (pair: SimilarPair, index: number): number => (pair.a === index ? pair.b : pair.a);
  for (const pair of pairs) {
    for (const index of [pair.a, pair.b]) {
      if (items[index]!.dated || !items[partnerOf(pair, index)]!.dated) continue;
      const best = anchor.get(index);
      if (!best || pair.similarity > best.similarity) anchor.set(index, pair);
    }
  }
  if (anchor.size === 0) return pairs;
  return pairs.filter((pair) =>
    [pair.a, pair.b].every((index) => {
      const best = anchor.get(index);
      const partner = partnerOf(pair, index);
      return !best || !items[partner]!.dated || Math.abs(items[partner]!.time - items[partnerOf(best, index)]!.time) <= windowMs;
    }),
  );
}

/**
 * How similar two articles are as reports of one event, or undefined when they are not, whatever their similarity:
 * the test of one candidate pair, also used by the all-pairs baseline the benchmark compares with.
 */
export function sameEventSimilarity(a: EventItem, b: EventItem, options: SameEventOptions): number | undefined {
  if (a.dated && b.dated && Math.abs(a.time - b.time) > options.windowMs) return undefined;
  const wording = cosine(a.vector, b.vector);
  const similarity = wording + FIGURE_WEIGHT * figuresInCommon(a, b, options.figureCounts);
  const threshold = thresholdFor(a, b, options.threshold) + lateExtra(a, b, options.windowMs);
  const agrees = similarity >= threshold || meanTheSame(a, b, options.meaningThreshold);
  return agrees && tellTheSameEvent(a, b, similarity, wording) ? Math.max(similarity, threshold) : undefined;
}

function meanTheSame(a: EventItem, b: EventItem, threshold: number | undefined): boolean {
  return threshold !== undefined && a.meaning !== undefined && b.meaning !== undefined && meaningCosine(a.meaning, b.meaning) >= threshold;
}

/** How many of the articles give each figure, for weighing the figures two of them share. */
export function figureCounts(items: Array<Pick<EventItem, 'numbers'>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const number of item.numbers) counts.set(number, (counts.get(number) ?? 0) + 1);
  return counts;
}

/** The figures two reports share, each weighed by how rare it is among the articles, the two rarest counted. */
function figuresInCommon(a: EventItem, b: EventItem, figureCounts: ReadonlyMap<string, number>): number {
  const weights: number[] = [];
  for (const number of a.numbers) if (b.numbers.has(number)) weights.push(Math.min(1, RARE_FIGURE_ARTICLES / (figureCounts.get(number) ?? 1)));
  return weights.sort((x, y) => y - x).slice(0, FIGURES_COUNTED).reduce((sum, weight) => sum + weight, 0);
}

/**
 * The guards a similar pair must pass besides its similarity: names, headlines, copied text. A copied sentence
 * brings its figures along, so past one only the wording (the cosine) counts.
 */
function tellTheSameEvent(a: EventItem, b: EventItem, similarity: number, wording: number): boolean {
  if (!sharesAName(a, b)) return false;
  if (similarity < HEADLINE_NAMES_BELOW && !(namesTheHeadline(a, b) && namesTheHeadline(b, a))) return false;
  if (headlineCover(a.headlineTerms, b.headlineTerms) < HEADLINE_COVER) return false;
  if (sameHeadline(a.headlineTerms, b.headlineTerms) && printsPartOfTheOther(a, b)) return wording >= SAME_HEADLINE_THRESHOLD;
  if (wording >= COPIED_RUN_THRESHOLD) return true;
  return !shareACopiedRun(a.copiedRuns, b.copiedRuns) && !figuresDisagree(a.numbers, b.numbers, FIGURES_TO_DISAGREE);
}

/** Some text of one printed in the other, but not most of the shorter: a line in common, not one text and its trimmed copy. */
function printsPartOfTheOther(a: EventItem, b: EventItem): boolean {
  const share = copiedShare(a.copiedRuns, b.copiedRuns);
  return share > 0 && share < ONE_TEXT_SHARE;
}

/**
 * Reports of one event name some of the same people and places in their first lines, written in full or not
 * ("Sánchez", "Pedro Sánchez"; "EU", "European Union"); an article that names nobody is judged on its words alone.
 */
function sharesAName(a: EventItem, b: EventItem): boolean {
  return a.names.length === 0 || b.names.length === 0 || shareAName(a.leadNames, b.leadNames);
}

/** Whether `b` names at least half of those `a`'s headline names (all of them when it names nobody). */
function namesTheHeadline(a: EventItem, b: EventItem): boolean {
  return sharedNames(a.headlineNames, b.names) * 2 >= a.headlineNames.length;
}

/**
 * Reports of one event come out within hours of it, while a different event on the same subject (the next day's
 * trading, a reaction the morning after) is as likely at any hour of the window: past the first LATE_HOURS
 * between two reports, each further hour asks a little more similarity of them, up to LATE_EXTRA more at the
 * window's end. Two articles of which one is undated are not known to be far apart, so nothing is added.
 */
const LATE_HOURS = 12;
const LATE_EXTRA = 0.2;

function lateExtra(a: EventItem, b: EventItem, windowMs: number): number {
  if (!a.dated || !b.dated) return 0;
  const graceMs = LATE_HOURS * 3_600_000;
  const lateMs = Math.abs(a.time - b.time) - graceMs;
  return lateMs <= 0 ? 0 : (LATE_EXTRA * Math.min(lateMs, windowMs - graceMs)) / Math.max(1, windowMs - graceMs);
}

/** Without names to compare, only the wording can tell one event from two written to the same template, so it must say more. */
const UNNAMED_THRESHOLD = 0.5;

function thresholdFor(a: EventItem, b: EventItem, threshold: number): number {
  return a.names.length === 0 || b.names.length === 0 ? Math.max(threshold, UNNAMED_THRESHOLD) : threshold;
}
