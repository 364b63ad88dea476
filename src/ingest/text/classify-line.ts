import { addressesReader, chromeEvidence, endsArticle, isAdMarker, isCreditLine } from './chrome-cues.ts';
import { isRevisionLabel, readDateLine } from './date-line.ts';
import { canBeNames, canBeNamesAskingAtMost } from './person-names.ts';
import { countWords } from './word-count.ts';

/**
 * What one line of a page dump most likely is:
 * - prose: a paragraph of article text;
 * - near: a shorter line that reads as text (a quote, a list item, a standfirst);
 * - short: a few words that are neither (a subheading, a name, a menu item);
 * - chrome: page furniture (see chrome-cues);
 * - end: a heading after which the article is over (comments, most read, tags);
 * - date / byline: a publication date or an author credit.
 */
export type LineKind = 'prose' | 'near' | 'short' | 'chrome' | 'end' | 'date' | 'byline';

export interface ClassifiedLine {
  text: string;
  kind: LineKind;
  words: number;
  /** For date lines: the date it states, ISO 8601. */
  date?: string;
  /** For date lines: true when the date is labelled as a revision ("Updated …"), not the publication. */
  revised?: boolean;
  /**
   * What the line is on its own, where its neighbours made it furniture: shown more than once on the page (and so
   * taken for a link), or set between furniture (and so taken for a box's blurb). A page also repeats its own
   * headline (in a share box, a breadcrumb) and sets it between a section label and a share bar, so the header
   * may still pick such a line as the title.
   */
  alone?: LineKind;
}

const SENTENCE_END = /[.!?…。](?:["'”’»)\]]+)?$/;
/** "By Jane Roe", "Written by: Jane Roe", and "ByJane Roe" where the dump lost the space between two elements. */
const BYLINE_PREFIX = /^(?:(?:by|written by|words by|story by|text by|reported by|author|por|par|von|di)\s*[:：]?|(?:text|texto|texte|testo|текст|автор|autor|autore|auteur|autora)\s*[:：])\s+/iu;
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u;
/** A desk title before the name: "By environment reporter Jess Hill", "By Staff Writer Jane Roe". */
const ROLE = /^(?:[\p{L}-]+ ){0,3}(?:reporter|correspondent|editor|writer|journalist|columnist|contributor)s? (?=\p{Lu})/iu;

/** "By Jane Roe", "Written By: Neha Sharma", "By MATTHEW LEE | Reuters": a credit, not a sentence that starts with "By the …". */
function isByline(text: string, words: number): boolean {
  if (words > 30) return false;
  const name = creditedNames(text);
  if (!name) return false;
  const nameWords = name.split(/\s+/);
  return nameWords.length <= 8 && nameWords.filter((word) => /^\p{Lu}/u.test(word)).length >= Math.ceil(nameWords.length / 2) && /^\p{Lu}/u.test(name);
}

/**
 * A line that is only a credit: names, perhaps with where they filed from or for whom ("Helena Smith in Athens",
 * "MATTHEW LEE", "Tom Krisher, AP Auto Writer", "Meg Kinnard and Errin Haines, Associated Press").
 */
const NAME = "[\\p{Lu}][\\p{L}'’.-]+(?: [\\p{Lu}][\\p{L}'’.-]+){1,2}";
const NAMES = `${NAME}(?:(?:,? and | & )${NAME})?`;
const NAME_LINE = new RegExp(`^(${NAMES})(?: in [\\p{Lu}][\\p{L}'’.-]+(?: [\\p{Lu}][\\p{L}'’.-]+)?|, [\\p{Lu}][\\p{L}'’.& -]{1,40})?$`, 'u');

/**
 * A credit line. Names followed by a place or a role ("BBC News, The Hague") have a credit's shape; a line of
 * two or three capitalised words alone is as often a link or a label, and is a credit only if the words can be names.
 */
function isNameLine(text: string, namesOnly: (text: string) => boolean): boolean {
  const names = NAME_LINE.exec(text)?.[1];
  return names !== undefined && (names !== text || namesOnly(names));
}

/** How many different lines of one dump compromise is asked about (see canBeNamesAskingAtMost). */
const MAX_NAME_QUESTIONS = 2_000;

/**
 * Classifies every line, then corrects what one line alone cannot show: the caption under a photo credit,
 * a short blurb inside a box of furniture (a newsletter sign-up's description between its heading and its
 * button), and short lines the page repeats (other than dates).
 */
export function classifyLines(lines: string[]): ClassifiedLine[] {
  const namesOnly = canBeNamesAskingAtMost(MAX_NAME_QUESTIONS);
  const classified = lines.map((line) => classifyLine(line, namesOnly));
  // A short line the page shows more than once is a link or a label, not a sentence of the article.
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line, (seen.get(line) ?? 0) + 1);
  classified.forEach((line, index) => {
    const before = classified[index - 1];
    const after = classified[index + 1];
    const alone = line.kind;
    if (before && isCreditLine(before.text) && (line.kind === 'near' || line.kind === 'short') && !/[.!?]$/.test(line.text)) line.kind = 'chrome';
    if (isBlurbSized(line) && inBox(line, before, after)) line.kind = 'chrome';
    // A date is often printed again under the article; that does not make it a link.
    if (line.kind !== 'end' && line.kind !== 'date' && line.words <= 25 && (seen.get(line.text) ?? 0) > 1) line.kind = 'chrome';
    if (line.kind !== alone) line.alone = alone;
  });
  markCopies(classified);
  return classified;
}

/** How much of a line identifies it when looking for the page's copies of it. */
const COPY_KEY_CHARS = 40;

/**
 * A paragraph that opens with the whole of an earlier paragraph and runs on, or repeats it, is the page's copy
 * of its own text (a summary for search engines or a share box holding the article run into one line), not
 * more of the article. The first telling is kept.
 */
function markCopies(lines: ClassifiedLine[]): void {
  const earlier = new Map<string, string>();
  for (const line of lines) {
    if ((line.kind !== 'prose' && line.kind !== 'near') || line.text.length < COPY_KEY_CHARS) continue;
    const key = line.text.slice(0, COPY_KEY_CHARS);
    const first = earlier.get(key);
    if (first === undefined) earlier.set(key, line.text);
    else if (line.text.startsWith(first)) {
      line.alone = line.kind;
      line.kind = 'chrome';
    }
  }
}

/** The size of a box's blurb ("Our best stories on markets and the economy, delivered weekdays."). */
function isBlurbSized(line: ClassifiedLine): boolean {
  return (line.kind === 'near' || line.kind === 'prose') && line.words <= 20;
}

/**
 * Furniture on both sides. An ad marker or a photo credit interrupts the text for one line and does not make
 * a box; and between furniture and an end marker ("Related topics") a sentence of news is the article's last
 * paragraph, so only a line that talks to the reader ("Listen to us live at 12:45") is taken for a blurb there.
 */
function inBox(line: ClassifiedLine, before: ClassifiedLine | undefined, after: ClassifiedLine | undefined): boolean {
  const furniture = (neighbour?: ClassifiedLine): boolean => neighbour?.kind === 'chrome' && !isAdMarker(neighbour.text) && !isCreditLine(neighbour.text);
  if (!(furniture(before) || before?.kind === 'end')) return false;
  return furniture(after) || (after?.kind === 'end' && (line.kind === 'near' || addressesReader(line.text)));
}

export function classifyLine(text: string, namesOnly: (text: string) => boolean = canBeNames): ClassifiedLine {
  const words = countWords(text);
  if (endsArticle(text, words)) return { text, kind: 'end', words };
  const date = readDateLine(text, words);
  if (date) return { text, kind: 'date', words, date, revised: isRevisionLabel(text) };
  if (isByline(text, words)) return { text, kind: 'byline', words };
  const evidence = chromeEvidence(text, words);
  if (evidence === 'strong') return { text, kind: 'chrome', words };
  if (words <= 10 && isNameLine(text, namesOnly)) return { text, kind: 'byline', words };
  const kind = shapeOf(text, words);
  // A weak cue ("newsletter", "subscribe") marks a line only when it is not a paragraph, or is one that speaks to the reader outside any quotation.
  if (evidence === 'weak' && (kind !== 'prose' || (addressesReader(text) && !/["“”«»„]/.test(text)))) return { text, kind: 'chrome', words };
  return { text, kind, words };
}

/**
 * Any mark that sentences carry, in the scripts' own forms too (Chinese and Japanese stops and commas, the
 * Devanagari danda, the Arabic comma). Thai, Lao, Khmer and Burmese prose may run on without any, and is not judged so.
 */
const SENTENCE_MARK = /[.,;:!?()。，、！？।॥،؛؟]|[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

const MAX_LIST_WORDS = 400;

/** What a line's length, punctuation and capitalisation alone say it is. */
function shapeOf(text: string, words: number): 'prose' | 'near' | 'short' {
  const lowerShare = lowerCaseShare(text);
  // A sentence cut off with an ellipsis is a teaser for another page, not this article's text.
  const endsSentence = SENTENCE_END.test(text) && !/(?:\.\.\.|…)["'”’)]*$/.test(text);
  // Thirty words and not one stop, comma or bracket: a list of tags or links run together, not a sentence. Past a few
  // hundred words such a line is more likely text that lost its marks in the dump (a transcript, a song) than a list.
  if (words >= 30 && words <= MAX_LIST_WORDS && !SENTENCE_MARK.test(text)) return 'short';
  if ((words >= 8 && endsSentence && lowerShare >= 0.3) || (words >= 30 && lowerShare >= 0.4)) return 'prose';
  if (words >= 4 && (endsSentence || lowerShare >= 0.5)) return 'near';
  return 'short';
}

/**
 * The share of words that start with a lower-case letter: high in prose, low in headlines and menus.
 * Scripts without case (Chinese, Arabic, Hebrew…) carry no such signal and count as prose-like.
 */
export function lowerCaseShare(text: string): number {
  let words = 0;
  let cased = 0;
  let lower = 0;
  // Read word by word without an array of the words: a dump can be one line of millions of them.
  for (WORD_START.lastIndex = 0; ; ) {
    const first = WORD_START.exec(text)?.[0];
    if (first === undefined) break;
    if (!/\p{L}/u.test(first)) continue;
    words += 1;
    if (/\p{Ll}/u.test(first)) lower += 1;
    if (/[\p{Lu}\p{Ll}]/u.test(first)) cased += 1;
  }
  if (cased === 0) return words ? 1 : 0;
  return lower / cased;
}

/** The first character of each word (a run of anything but white space). */
const WORD_START = /(?<!\S)\S/gu;

export function endsWithSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** The name in a credit line: "By Jane Roe | Reuters" and "By environment reporter Jess Hill" give the name; other lines give undefined. */
export function bylineName(text: string): string | undefined {
  return creditedNames(text)?.replace(/[.,;:]+$/, '') || undefined;
}

function creditedNames(text: string): string | undefined {
  const prefix = BYLINE_PREFIX.exec(text) ?? GLUED_BY.exec(text);
  if (!prefix) return undefined;
  const credit = text.slice(prefix[0].length).split(/\s*[|•·–—,]\s*|\s+-\s+/)[0]!.trim();
  return credit.replace(ROLE, '');
}

/** The credit a dateline gives after its date: "by Helena Smith" in "March 4, 2024 | by Helena Smith", "14/10/2024 - Publicado por: Marta Souza - Categoria: Saúde". */
function datelineCredit(text: string): string | undefined {
  return text
    .split(/\s*[|•·]\s*|\s+[-–—]\s+/)
    .map((part) => part.replace(/^(?:posted|published|publicado|publié|pubblicato|veröffentlicht)\s+(?=\S+\s*:?\s)/i, ''))
    .find((part) => BYLINE_PREFIX.test(part));
}

/**
 * The names on a credit line, with or without "By": "Helena Smith in Athens" gives "Helena Smith", and so does a
 * dateline that credits after the date, "March 4, 2024 | by Helena Smith". A name the page repeats (in an author
 * box, a "More from" list) is still a credit.
 */
export function creditName(line: ClassifiedLine): string | undefined {
  const kind = line.alone ?? line.kind;
  if (kind !== 'byline' && kind !== 'date') return undefined;
  if (kind === 'date') return bylineName(line.text) ?? bylineName(datelineCredit(line.text) ?? '');
  return bylineName(line.text) ?? NAME_LINE.exec(line.text)?.[1];
}
