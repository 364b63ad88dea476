import { escapeMarkdown } from 'discord.js';
import { splitSentences } from '../../brief/sentences/split-sentences.ts';
import { TITLE_MAX, URL_MAX } from './embed-limits.ts';

/** Untrusted text with its line breaks normalised and every invisible or control character removed. */
export function cleanText(text: string): string {
  /**
   * Characters a feed can carry that Discord should never see: C0 and C1 controls other than the line break,
   * unpaired surrogates (which do not survive JSON to Discord's servers), the byte-order mark, and the
   * bidirectional overrides that can make a headline display as something other than what it says. Written
   * here rather than once at load so that `npm run mutate` can change it (README, Mutation scores).
   */
  const invisible = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/\t/g, ' ').replace(invisible, '');
}

/** Text for a one-line place such as a title: every run of whitespace, line breaks included, becomes one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * @everyone, @here and user or role mentions broken by a zero-width space. Messages already set
 * allowed_mentions to parse nothing; this keeps a headline from pinging anyone even if that were lost, and
 * from showing a mention that looks real.
 */
export function neutraliseMentions(text: string): string {
  const zeroWidthSpace = '\u200B';
  return text.replace(/@(everyone|here)/gi, `@${zeroWidthSpace}$1`).replace(/<@([!&]?\d)/g, `<@${zeroWidthSpace}$1`);
}

/**
 * Untrusted text made safe for Discord markdown: cleaned, mentions neutralised, and every mark that would
 * format it escaped. discord.js's `escapeMarkdown` covers emphasis, code, spoilers, headings and lists; it
 * escapes only the first masked link on a line and knows neither block quotes nor subtext, so every square
 * bracket is escaped here, and so is a `>` or `-#` opening a line.
 */
export function escapeUntrusted(text: string): string {
  return escapeMarkdown(neutraliseMentions(cleanText(text)), { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, '\\$&')
    .replace(/^([ \t]*)(>|-#)/gm, '$1\\$2');
}

/** Untrusted text for a place Discord shows without markdown (footers, author names): cleaned, on one line, within `max`. */
export function fitPlain(text: string, max: number): string {
  return truncateAtSentence(neutraliseMentions(oneLine(cleanText(text))), max);
}

/** Untrusted text escaped for markdown and at most `max` characters long once escaped, cut as `truncateAtSentence` cuts. */
export function fitUntrusted(text: string, max: number): string {
  const clean = cleanText(text);
  let budget = max;
  for (;;) {
    const fitted = escapeUntrusted(truncateAtSentence(clean, budget));
    if (fitted.length <= max) return fitted;
    // Escapes lengthen the text; giving the overflow back each round ends the loop, at worst with nothing.
    budget -= fitted.length - max;
  }
}

/** An address Discord will link: http or https only, with parentheses encoded so that it cannot close a masked link early. */
export function safeUrl(url: string | undefined): string | undefined {
  const trimmed = url?.trim();
  if (!trimmed || !URL.canParse(trimmed)) return undefined;
  const parsed = new URL(trimmed);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return href.length <= URL_MAX ? href : undefined;
}

/**
 * A masked link `[title](url)` whose title cannot break out of it. Square brackets in the title become
 * parentheses rather than escapes: the link rule of simple-markdown, which Discord's parser grew from, ends a
 * title at a `](` even after a backslash, so `x\](http://evil)` would still link to evil. An address that is
 * not http(s) is shown as text after the title, never linked.
 */
export function safeLink(title: string, url: string | undefined, titleMax = TITLE_MAX): string {
  const href = safeUrl(url);
  const label = fitUntrusted(oneLine(cleanText(title).replace(/\[/g, '(').replace(/\]/g, ')')), titleMax);
  if (href) return `[${label || new URL(href).host}](${href})`;
  const shown = url?.trim() ? fitUntrusted(oneLine(url), titleMax) : '';
  return label && shown ? `${label} (${shown})` : label || shown;
}

/**
 * Text cut to at most `max` characters: after the last sentence that fits, else at a word boundary with an
 * ellipsis, else mid-word (one word longer than the budget). It never splits a surrogate pair, which would
 * leave a character Discord cannot read.
 */
export function truncateAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return text.slice(0, lastSentenceEnd(text, max)) || cutAtWord(text, max);
}

/** Where the last whole sentence within the first `max` characters ends; 0 when even the first does not fit. */
function lastSentenceEnd(text: string, max: number): number {
  let end = 0;
  let from = 0;
  for (const sentence of splitSentences(text)) {
    const at = text.indexOf(sentence, from);
    if (at < 0) break;
    from = at + sentence.length;
    if (from > max) break;
    end = from;
  }
  return end;
}

function cutAtWord(text: string, max: number): string {
  const room = withoutSplitPair(text.slice(0, max - 1));
  const atWord = /\s/.test(text[room.length] ?? '') ? room : room.replace(/\s+\S*$/, '');
  return `${(atWord || room).replace(/[\s,;:–—-]+$/, '')}…`;
}

function withoutSplitPair(text: string): string {
  return /[\uD800-\uDBFF]$/.test(text) ? text.slice(0, -1) : text;
}
