import { publisherName } from '../../brief/article-address.ts';
import { articleFeatures, reportOpening, writtenNames, type ArticleFeatures } from '../../brief/cluster/article-features.ts';
import { eventFigures } from '../../brief/cluster/event-numbers.ts';
import { estimatedJaccard } from '../../brief/cluster/minhash.ts';
import { sameName } from '../../brief/cluster/name-match.ts';
import { DUPLICATE_JACCARD } from '../../brief/cluster/near-duplicate-pairs.ts';
import { foldAccents } from '../../brief/cluster/tokenize.ts';
import type { Article } from '../../model/article.ts';

/** What a channel was sent of a story, what has arrived since, and when the channel last heard of it. */
export interface StoryCoverage {
  /** The story's articles the channel was sent (in its digest, or in earlier updates). */
  sent: Article[];
  /** The story's articles the channel has not been sent. */
  fresh: Article[];
  /** When the channel was first sent the story, and last sent an update about it (epoch ms). */
  firstSentAt: number;
  lastUpdateAt?: number;
  now: number;
}

export interface UpdateRules {
  /** Least time between two updates of one story in one channel. */
  minIntervalMs: number;
  /** A story first sent longer ago than this gets no more updates. */
  maxAgeMs: number;
}

/** What the new coverage adds, for the reader: who else reports it now, and which facts are new. */
export interface NewCoverage {
  /** The new reports worth reading, one or more per new site or new fact, oldest first. */
  reports: Article[];
  /** Sites that had not reported the story before. */
  publishers: string[];
  /** Figures and names no report the channel was sent gave, as the new reports write them. */
  figures: string[];
  names: string[];
  /** A site's new headline for the story, when a site the channel was sent publishes it again under another one. */
  headline?: string;
}

export type UpdateDecision =
  | { update: true; coverage: NewCoverage }
  | { update: false; reason: 'story-too-old' | 'too-soon' | 'only-copies' | 'nothing-new' };

/** Enough for one or two sentences: more is a new story, not an update. */
const SHOWN_FACTS = 3;

/**
 * Whether what arrived about a story a channel was sent is worth an update there. A site that had not reported
 * it is; so is a report from a site that had, when it gives figures or names none of the channel's reports
 * gave, or a new headline. A copy of a text the channel was sent (a wire story picked up elsewhere) is not,
 * whatever site prints it, unless the copy adds such facts. A story first sent more than a day ago gets none, and a story updated recently
 * waits its turn: what arrives meanwhile goes into the next update.
 */
export function decideUpdate(coverage: StoryCoverage, rules: UpdateRules): UpdateDecision {
  if (coverage.now - coverage.firstSentAt > rules.maxAgeMs) return { update: false, reason: 'story-too-old' };
  if (coverage.lastUpdateAt !== undefined && coverage.now - coverage.lastUpdateAt < rules.minIntervalMs) return { update: false, reason: 'too-soon' };
  const sent = coverage.sent.map(articleFeatures);
  const fresh = coverage.fresh.map(articleFeatures).sort((a, b) => a.time - b.time || (a.article.id < b.article.id ? -1 : 1));
  const known = new Set(sent.map((earlier) => publisherName(earlier.article)));
  const knownFigures = new Set(sent.flatMap((earlier) => [...figuresOf(earlier).keys()]));
  const knownNames = sent.flatMap((earlier) => earlier.leadNames);
  const worth: NewCoverage = { reports: [], publishers: [], figures: [], names: [] };
  let copies = 0;
  for (const report of fresh) {
    const publisher = publisherName(report.article);
    const figures = newFigures(report, knownFigures);
    const names = newNames(report, knownNames);
    const headline = known.has(publisher) && !sent.some((earlier) => publisherName(earlier.article) === publisher && sameHeadline(earlier.article, report.article)) ? report.article.title : undefined;
    const newFacts = figures.length > 0 || names.length > 0 || headline !== undefined;
    // A copy counts only for what it adds to the text: a wire story reprinted elsewhere tells the reader nothing.
    const copy = sent.some((earlier) => isCopy(report, earlier));
    if (copy) copies += 1;
    const newSite = !copy && !known.has(publisher) && !worth.publishers.includes(publisher);
    if (!newSite && !newFacts) continue;
    worth.reports.push(report.article);
    if (newSite) worth.publishers.push(publisher);
    for (const figure of figures) if (!worth.figures.includes(figure)) worth.figures.push(figure);
    for (const name of names) if (!worth.names.includes(name)) worth.names.push(name);
    if (headline && !worth.headline) worth.headline = headline;
    for (const value of figuresOf(report).keys()) knownFigures.add(value);
    knownNames.push(...report.leadNames);
  }
  if (worth.reports.length === 0) return { update: false, reason: copies === fresh.length ? 'only-copies' : 'nothing-new' };
  return { update: true, coverage: { ...worth, figures: worth.figures.slice(0, SHOWN_FACTS), names: worth.names.slice(0, SHOWN_FACTS) } };
}

/** One text printed twice: the same body, or bodies so alike that clustering takes them for copies. */
function isCopy(a: ArticleFeatures, b: ArticleFeatures): boolean {
  if (a.article.contentHash === b.article.contentHash) return true;
  return a.signature !== undefined && b.signature !== undefined && estimatedJaccard(a.signature, b.signature) >= DUPLICATE_JACCARD;
}

/** The report's figures no earlier report gave, as it writes them, each with the word that says what it counts ("4,000 evacuated"). */
function newFigures(report: ArticleFeatures, known: Set<string>): string[] {
  const opening = reportOpening(report.article);
  return [...figuresOf(report)].filter(([value]) => !known.has(value)).map(([, written]) => withCountedWord(opening, written));
}

/** Every figure a report's opening gives, round ones too: "4,000 evacuated" is news even if it says nothing about which event. */
function figuresOf(report: ArticleFeatures): Map<string, string> {
  return eventFigures(reportOpening(report.article), { round: true });
}

function withCountedWord(text: string, written: string): string {
  const at = text.indexOf(written);
  const next = /^\s+(\p{L}{3,})/u.exec(text.slice(at + written.length));
  return next ? `${written} ${next[1]}` : written;
}

/** The names in the report's headline, standfirst and first sentences that no earlier report gave in any spelling. */
function newNames(report: ArticleFeatures, known: ArticleFeatures['leadNames']): string[] {
  const written = writtenNames(report.article);
  return report.leadNames.filter((name) => !known.some((other) => sameName(name, other))).map((name) => written.get(name.key) ?? name.key);
}

function sameHeadline(a: Article, b: Article): boolean {
  const key = (title: string) => foldAccents(title.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(a.title) === key(b.title);
}
