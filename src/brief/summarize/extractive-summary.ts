import type { Article } from '../../model/article.ts';
import { splitSentences } from '../sentences/split-sentences.ts';
import { candidateSentences, type Candidate } from './candidate-sentences.ts';
import { cosine, lexRank, tfIdfVectors } from './sentence-graph.ts';
import { leadInFor, standsBeside } from './leaning-sentence.ts';
import { contentTerms } from './sentence-terms.ts';
import { selectSentences, type Scored } from './select-sentences.ts';
import { truncateAtWord } from './truncate-at-word.ts';

export type ExtractiveSource = Pick<Article, 'title' | 'paragraphs'> & Partial<Pick<Article, 'dek' | 'byline' | 'alsoRead'>>;

export interface ExtractiveOptions {
  maxChars?: number;
  maxSentences?: number;
  /** The share of the best sentence's score a follow-up needs (FOLLOW_UP_FLOOR unless given): a reader who asked for long summaries wants more context. */
  followUpFloor?: number;
}

export const DEFAULT_MAX_CHARS = 400;
export const DEFAULT_MAX_SENTENCES = 3;

/**
 * How much each signal counts. News puts the event first, so position weighs most; centrality finds what the
 * rest of the article keeps returning to; the title says who and what the story is about; a figure ("voted 6-1",
 * "killed 12") marks a sentence that reports rather than sets the scene; a quotation counts against (see
 * quotedShare). The last two were set on the tune halves of the bench corpora. The article's topics do not
 * count: the sentence that names most of them is more often a list (the countries a launch reaches, a quotation
 * with its speaker and venue) than the news, and their weight (0.15 until the sixth bench run) cost on the tune
 * half of every set.
 */
const WEIGHTS = { position: 0.4, centrality: 0.3, title: 0.15, figure: 0.05, quotation: 0.1 };

/**
 * How fast a sentence's place stops counting: its position weight is 1 / (1 + position)^POSITION_DECAY. Set
 * on the tune halves of the bench corpora (0.5 before; 0.7 keeps the lead ahead of a central sentence deep
 * in a long read).
 */
const POSITION_DECAY = 0.7;

/**
 * A sentence that scores below this share of the best one is not worth the reader's time beside it, unless it is
 * one of the opening sentences and gives a figure the summary does not (see givesNewFigure).
 */
const FOLLOW_UP_FLOOR = 0.7;

/** A figure as a text writes it: "241", "51.9", "1:59:40", "17,410,742". */
const FIGURE = /\p{N}+(?:[.,:]\p{N}+)*/gu;

/**
 * Opening words that lean on a sentence before them less than a pronoun subject does (those are kept out, see
 * leaning-sentence.ts): "It" may be the weather, "But" may follow anything, yet out of context they still read
 * as the middle of something.
 */
const DEPENDENT_OPENING = /^["“]?(?:it|its|this|that|these|those|but|and|however|also|meanwhile|still|yet|instead|then|there)\b/i;

/**
 * A summary of one to `maxSentences` sentences of the article's own text, at most `maxChars` characters, in the
 * order the article tells them: who did what. Every sentence is whole (see isWholeSentence), and one whose
 * subject is a bare pronoun comes only after the sentence that names who it means; a sentence is cut at a
 * word only when none fits the budget. Pure and deterministic. The dek is neither copied nor used to
 * choose sentences (it is what the bench measures summaries against); it is returned, cut to size, only when
 * the body holds no text.
 */
export function summarizeExtractive(article: ExtractiveSource, options: ExtractiveOptions = {}): string {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  const maxSentences = Math.max(1, options.maxSentences ?? DEFAULT_MAX_SENTENCES);
  const candidates = candidateSentences(article);
  if (candidates.length === 0) return truncateAtWord(fallbackText(article), maxChars);

  const scored = scoreCandidates(article, candidates);
  const fitting = scored.flatMap((entry, index) => (entry.text.length <= maxChars ? [index] : []));
  // A sentence is cut only when none fits whole: a summary that stops mid-sentence reads as broken.
  if (fitting.length === 0) return truncateAtWord(scored[bestOf(scored, scored.keys())]!.text, maxChars);
  const floor = (options.followUpFloor ?? FOLLOW_UP_FLOOR) * scored[bestOf(scored, fitting)]!.score;
  const texts = scored.map((entry) => entry.text);
  let chosen = selectSentences(
    scored,
    { maxChars, maxSentences },
    (index, picked) => (scored[index]!.score >= floor || (index < maxSentences && givesNewFigure(texts, index, picked))) && standsBeside(texts, index, picked),
    (index) => leadInFor(texts, index),
  );
  // Every sentence above the floor leans on one that cannot come along: take the best that stands alone, and
  // when none does, cut the best one rather than say nothing.
  if (chosen.length === 0) chosen = selectSentences(scored, { maxChars, maxSentences: 1 }, (index) => standsBeside(texts, index, []));
  if (chosen.length === 0) return truncateAtWord(scored[bestOf(scored, scored.keys())]!.text, maxChars);
  return chosen
    .sort((a, b) => a - b)
    .map((index) => scored[index]!.text)
    .join(' ');
}

/**
 * Whether the sentence gives a figure that none of the chosen ones gives. A news report tells its facts in its
 * opening sentences, the toll, the score, the price ("Both teams made 241"), and the floor, set where the
 * reference was a one-sentence description, left them out of summaries that then told only half the news.
 */
function givesNewFigure(texts: string[], index: number, chosen: number[]): boolean {
  const given = new Set(chosen.flatMap((other) => texts[other]!.match(FIGURE) ?? []));
  return (texts[index]!.match(FIGURE) ?? []).some((figure) => !given.has(figure));
}

function bestOf(scored: Scored[], indices: Iterable<number>): number {
  let best = -1;
  for (const index of indices) if (best < 0 || scored[index]!.score > scored[best]!.score) best = index;
  return best;
}

function scoreCandidates(article: ExtractiveSource, candidates: readonly Candidate[]): Scored[] {
  const vectors = tfIdfVectors([...candidates.map((candidate) => candidate.terms), contentTerms(article.title)]);
  const title = vectors.pop()!;
  const centrality = lexRank(vectors);
  return candidates.map((candidate, index) => {
    const vector = vectors[index]!;
    const score =
      WEIGHTS.position / (1 + candidate.position) ** POSITION_DECAY -
      WEIGHTS.quotation * quotedShare(candidate.text) +
      WEIGHTS.figure * (/\p{N}/u.test(candidate.text) ? 1 : 0) +
      WEIGHTS.centrality * centrality[index]! +
      WEIGHTS.title * cosine(title, vector);
    return { text: candidate.text, vector, score: score * (candidate.position > 0 && DEPENDENT_OPENING.test(candidate.text) ? 0.75 : 1) };
  });
}

/** Text that gave no usable sentence: the body's first sentence as it stands, else the dek. */
function fallbackText(article: ExtractiveSource): string {
  return splitSentences(article.paragraphs.join('\n'))[0] ?? article.dek?.trim() ?? '';
}

/**
 * How much of a sentence is someone else's words. A summary says what happened in the reporter's words;
 * a quotation is colour, and out of context it often needs the question it answered.
 */
function quotedShare(text: string): number {
  const quoted = text.match(/[“"][^”"]*[”"]/g)?.join('').length ?? 0;
  return quoted / text.length;
}
