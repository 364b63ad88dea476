import type { Article } from '../../model/article.ts';
import { splitSentences } from '../sentences/split-sentences.ts';
import { comparable, isSummarySentence } from './sentence-filter.ts';
import { contentTerms } from './sentence-terms.ts';

export type SummarySource = Pick<Article, 'title' | 'paragraphs'> & Partial<Pick<Article, 'dek' | 'byline' | 'alsoRead'>>;

/** A sentence of the body that may go into a summary. */
export interface Candidate {
  text: string;
  /** Its place among the article's candidate sentences, from 0. */
  position: number;
  terms: string[];
}

/** "June 24", "Dec 16", "1 Jun.", "23. September", "7 mai": a day and a month, either way round, as datelines give them. */
const DAY_AND_MONTH = String.raw`(?:\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+\p{L}{3,10}\.?)`;

/**
 * "WASHINGTON (Reuters) - ", "NORTH KOREA: ", "LONDON — ", "LONDON, June 24 - ", "Oct 4 - ": the place, date and
 * agency a wire story opens with. They tell the reader nothing a briefing line needs and crowd out words that do.
 */
const DATELINE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{Lu}\p{M} .,'’/-]{2,40}?(?:,\s*${DAY_AND_MONTH})?(?:\s*\([^)]{1,30}\))?\s*[:—–-]{1,2}|${DAY_AND_MONTH}\s*[—–-]{1,2}|[\p{L} .,'’-]{2,40}?\([A-Za-z .]{2,20}\)\s*[—–-]{1,2})\s+(?=\S)`,
  'u',
);

/**
 * How far into an article a summary looks. News tells who did what first; in a long read, a sentence this far
 * in scores less for its position than the lead's worst, and every sentence more costs LexRank a row and a
 * column: a 50,000-character article took a quarter of a second to summarise whole.
 */
const MAX_CANDIDATES = 80;

/**
 * The body's first sentences a summary may use, in document order, with the dateline taken off the first sentence
 * of each paragraph. The dek is left out: it is the publisher's own summary, and a summariser that copied it
 * would add nothing (and could not be measured against it).
 */
export function candidateSentences(article: SummarySource): readonly Candidate[] {
  let candidates = keptCandidates.get(article);
  if (!candidates) keptCandidates.set(article, (candidates = readCandidates(article)));
  return candidates;
}

/**
 * The candidates of every article read, kept as long as the article itself is (the entry goes with it): a topic
 * briefing reads each of its leads' twice (its summary, then the overview across them), and a storm of briefings
 * reads the same leads again and again. Held by the article, not by a table of the last ones read, which would keep
 * articles the store has let go (and their clustering features) alive; an article is never changed in place (a
 * changed one is a new object), so a kept entry is never stale.
 */
const keptCandidates = new WeakMap<SummarySource, readonly Candidate[]>();

function readCandidates(article: SummarySource): Candidate[] {
  const dek = article.dek && comparable(article.dek);
  const context = { ...(article.byline ? { byline: article.byline } : {}), ...(article.alsoRead ? { alsoRead: article.alsoRead } : {}) };
  const candidates: Candidate[] = [];
  for (const paragraph of article.paragraphs) {
    if (candidates.length >= MAX_CANDIDATES) break;
    if (dek && comparable(paragraph) === dek) continue;
    splitSentences(paragraph).forEach((sentence, index) => {
      const text = index === 0 ? sentence.replace(DATELINE, '') : sentence;
      if (dek && comparable(text) === dek) return;
      if (!isSummarySentence(text, context) || candidates.length >= MAX_CANDIDATES) return;
      candidates.push({ text, position: candidates.length, terms: contentTerms(text) });
    });
  }
  return candidates;
}
