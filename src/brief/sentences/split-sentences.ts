/**
 * Hand-written rather than compromise's `nlp(text).sentences()`: on the edge cases in
 * test/brief/split-sentences.test.ts compromise splits 18 of 26 correctly (it keeps `“We will win.” The crowd`,
 * `ended at 6 p.m. The sides` and `in the U.S. The U.K.` as one sentence and breaks `No. 10`), and it tags every
 * word to do so, which costs far more than a scan for full stops.
 */

/** Titles and Latin abbreviations that a sentence does not end on: "Mr. Smith", "vs. Chelsea", "e.g. apples". */
const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'st', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'sgt', 'cpl', 'pvt', 'col', 'lt', 'capt', 'cmdr', 'adm', 'maj',
  'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'fr', 'sr', 'messrs', 'mme', 'mlle', 'vs', 'v', 'cf', 'viz', 'approx', 'ca', 'e.g', 'i.e', 'al',
]);

/** Abbreviations that stand before a number: "Sept. 12", "No. 10", "pp. 4". Before anything else they may end a sentence. */
const BEFORE_NUMBER = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'nos', 'nr', 'art', 'vol', 'vols', 'p', 'pp', 'fig', 'figs', 'ch', 'sec', 'para', 'tel', 'ex',
]);

/**
 * Months as German writes them after an ordinal day: "am 23. September", "seit 1. Januar". The full stop marks
 * the ordinal, not the end of a sentence.
 */
const MONTHS_AFTER_ORDINAL = new Set([
  'januar', 'jänner', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
]);

/**
 * Words that open sentences and rarely follow an initialism inside a name: after "the U.S." or "6 p.m." one of
 * these starts a new sentence, where "U.S. Senate" or "J. R. R. Tolkien" continue the same one.
 */
const OPENERS = new Set([
  'a', 'an', 'the', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'my', 'this', 'that', 'these', 'those', 'there',
  'but', 'and', 'yet', 'so', 'or', 'in', 'on', 'at', 'for', 'by', 'from', 'with', 'after', 'before', 'when', 'while', 'if', 'as', 'since', 'although',
  'meanwhile', 'however', 'now', 'then', 'still', 'also', 'some', 'many', 'most', 'no', 'not', 'one', 'two', 'what', 'who', 'why', 'how', 'where',
  'officials', 'police', 'critics', 'analysts', 'experts', 'both', 'each', 'every', 'all', 'other', 'others', 'earlier', 'later', 'last', 'next',
]);

const CANDIDATE_END = /[.!?…。！？]+[”’»"')\]」』]*/g;
const WIDE_TERMINAL = /[。！？]/;
const OPENING_MARKS = /^[“‘«"'(\[「『¿¡]+/;

/**
 * The sentences of a text, in order and trimmed. Paragraph and line breaks always end a sentence, because in
 * an extracted article a break inside a paragraph separates list items, headings or key points, never the
 * halves of one sentence.
 */
export function splitSentences(text: string): string[] {
  return text.split(/\n+/).flatMap(splitLine);
}

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of line.matchAll(CANDIDATE_END)) {
    const end = match.index + match[0].length;
    if (endsSentence(line, start, match.index, match[0], end)) {
      pushTrimmed(sentences, line.slice(start, end));
      start = end;
    }
  }
  pushTrimmed(sentences, line.slice(start));
  return sentences;
}

function pushTrimmed(sentences: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed) sentences.push(trimmed);
}

/** Whether the marks `marks` found at `at` in `line` close the sentence that began at `start`. */
function endsSentence(line: string, start: number, at: number, marks: string, end: number): boolean {
  // Chinese and Japanese write no space after a full stop.
  if (WIDE_TERMINAL.test(marks)) return true;
  if (end < line.length && !/\s/.test(line[end]!)) return false;
  const next = line.slice(end).trimStart().replace(OPENING_MARKS, '');
  if (next === '') return true;
  if (/^\p{Ll}/u.test(next)) return false;
  const punctuation = marks.replace(/[”’»"')\]」』]+$/, '');
  if (/[!?]/.test(punctuation) || punctuation !== '.' || punctuation.length < marks.length) return true;
  return periodEndsSentence(line.slice(start, at), next);
}

/** A full stop followed by a capital or a digit: the word it closes decides whether it is an abbreviation. */
function periodEndsSentence(before: string, next: string): boolean {
  const word = (/\S+$/.exec(before)?.[0] ?? '').replace(OPENING_MARKS, '');
  const lower = word.toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  // "Sept. 12", and "MADRID, 1 Jun. - " where a dateline's dash follows the month.
  if (BEFORE_NUMBER.has(lower) && /^(?:\d|[-–—]\s)/.test(next)) return false;
  if (/^\d{1,2}$/.test(word) && MONTHS_AFTER_ORDINAL.has(firstWord(next))) return false;
  // "1. Pack a bag.": a number or letter alone at the start of a sentence numbers a list item.
  if (before.trim() === word && /^(?:\d{1,3}|[a-z]|[ivxlc]+)$/i.test(word)) return false;
  if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word)) return OPENERS.has(firstWord(next));
  return true;
}

function firstWord(text: string): string {
  return (/^[\p{L}']+/u.exec(text)?.[0] ?? '').toLowerCase();
}
