import { parseDate } from '../dates/parse-date.ts';
import { endsArticle, isAdMarker, isChrome, isCreditLine } from './chrome-cues.ts';

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
}

const SENTENCE_END = /[.!?…。](?:["'”’»)\]]+)?$/;
const BYLINE_PREFIX = /^(?:by|written by|words by|story by|text by|reported by|author|por|par|von|di)\s*[:：]?\s+/i;

/** "By Jane Roe", "Written By: Neha Sharma", "By MATTHEW LEE | Reuters": a credit, not a sentence that starts with "By the …". */
function isByline(text: string, words: number): boolean {
  const prefix = BYLINE_PREFIX.exec(text);
  if (!prefix || words > 30) return false;
  const name = text.slice(prefix[0].length).split(/\s*[|,·•–—]\s*|\s+-\s+/)[0]!;
  const nameWords = name.split(/\s+/);
  return nameWords.length <= 8 && nameWords.filter((word) => /^\p{Lu}/u.test(word)).length >= Math.ceil(nameWords.length / 2) && /^\p{Lu}/u.test(name);
}
const DATE_PREFIX = /^(?:published|posted|updated|last updated|first published|modified|last modified|date|publicado|publié|mis à jour|actualizado|atualizado|veröffentlicht|aktualisiert|pubblicato|aggiornato)(?:\s+(?:on|at|el|le))?\s*[:：]?\s*/i;
const REVISION_LABEL = /^(?:updated|last updated|modified|last modified|mis à jour|actualizado|atualizado|aktualisiert|aggiornato)\b/i;

/**
 * A line that is only a credit: names, perhaps with where they filed from or for whom ("Helena Smith in Athens",
 * "MATTHEW LEE", "Tom Krisher, AP Auto Writer", "Meg Kinnard and Errin Haines, Associated Press").
 */
const NAME = "[\\p{Lu}][\\p{L}'’.-]+(?: [\\p{Lu}][\\p{L}'’.-]+){1,2}";
const NAME_LINE = new RegExp(`^${NAME}(?:(?:,? and | & )${NAME})?(?: in [\\p{Lu}][\\p{L}'’.-]+(?: [\\p{Lu}][\\p{L}'’.-]+)?|, [\\p{Lu}][\\p{L}'’.& -]{1,40})?$`, 'u');

/**
 * Classifies every line, then corrects what one line alone cannot show: the caption under a photo credit,
 * a short blurb inside a box of furniture (a newsletter sign-up's description between its heading and its
 * button), and short lines the page repeats.
 */
export function classifyLines(lines: string[]): ClassifiedLine[] {
  const classified = lines.map(classifyLine);
  // A short line the page shows more than once is a link or a label, not a sentence of the article.
  const seen = new Map<string, number>();
  for (const line of lines) seen.set(line, (seen.get(line) ?? 0) + 1);
  classified.forEach((line, index) => {
    const before = classified[index - 1];
    const after = classified[index + 1];
    if (before && isCreditLine(before.text) && (line.kind === 'near' || line.kind === 'short') && !/[.!?]$/.test(line.text)) line.kind = 'chrome';
    const boxed = (neighbour?: ClassifiedLine): boolean => !!neighbour && (neighbour.kind === 'chrome' || neighbour.kind === 'end') && !isAdMarker(neighbour.text);
    if ((line.kind === 'near' || line.kind === 'prose') && line.words <= 20 && boxed(before) && boxed(after)) line.kind = 'chrome';
    if (line.kind !== 'end' && line.words <= 25 && (seen.get(line.text) ?? 0) > 1) line.kind = 'chrome';
  });
  return classified;
}

/** Scripts written without spaces between words, where a "word" by spaces would be a whole sentence. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/** Words by spaces, plus about one word per two characters of unspaced scripts (Chinese, Japanese, Thai). */
function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0;
  return text.split(/\s+/).filter(Boolean).length + Math.floor(unspaced / 2);
}

export function classifyLine(text: string): ClassifiedLine {
  const words = countWords(text);
  if (endsArticle(text, words)) return { text, kind: 'end', words };
  const date = readDateLine(text, words);
  if (date) return { text, kind: 'date', words, date, revised: REVISION_LABEL.test(text) };
  if (isByline(text, words)) return { text, kind: 'byline', words };
  if (isChrome(text, words)) return { text, kind: 'chrome', words };
  if (words <= 10 && NAME_LINE.test(text)) return { text, kind: 'byline', words };
  const lowerShare = lowerCaseShare(text);
  // A sentence cut off with an ellipsis is a teaser for another page, not this article's text.
  const endsSentence = SENTENCE_END.test(text) && !/(?:\.\.\.|…)["'”’)]*$/.test(text);
  if ((words >= 8 && endsSentence && lowerShare >= 0.3) || (words >= 30 && lowerShare >= 0.4)) return { text, kind: 'prose', words };
  if (words >= 4 && (endsSentence || lowerShare >= 0.5)) return { text, kind: 'near', words };
  return { text, kind: 'short', words };
}

/**
 * The share of words that start with a lower-case letter: high in prose, low in headlines and menus.
 * Scripts without case (Chinese, Arabic, Hebrew…) carry no such signal and count as prose-like.
 */
export function lowerCaseShare(text: string): number {
  const words = text.split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  const cased = words.filter((word) => /^[\p{Lu}\p{Ll}]/u.test(word));
  if (cased.length === 0) return words.length ? 1 : 0;
  return cased.filter((word) => /^\p{Ll}/u.test(word)).length / cased.length;
}

export function endsWithSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/**
 * A line that is a date, perhaps with a label or a byline: "Published 3 March 2024", "By Jane Roe | March 3, 2024 10:30 am ET",
 * "Sunday, November 24, 2024". A sentence that merely mentions a date is not a date line.
 */
function readDateLine(text: string, words: number): string | undefined {
  if (words > 16 || !/\d/.test(text)) return undefined;
  const candidates = [text.replace(DATE_PREFIX, ''), ...text.split(/\s*[|•·–—;]\s*|\s+-\s+|\s+(?=(?:last )?(?:modified|updated)\b)/i).map((part) => part.replace(DATE_PREFIX, ''))];
  for (const candidate of candidates) {
    const date = parseDate(candidate);
    if (date && candidate.split(/\s+/).length <= 9) return date;
  }
  return undefined;
}

export function bylineName(text: string): string | undefined {
  const prefix = BYLINE_PREFIX.exec(text);
  if (!prefix) return undefined;
  const name = text.slice(prefix[0].length).split(/\s*[|•·–—,]\s*|\s+-\s+/)[0]!.trim();
  return name.replace(/[.,;:]+$/, '') || undefined;
}
