import type { Article } from '../../model/article.ts';

export type CleanedReply = { ok: true; text: string } | { ok: false; reason: string };

/** What the reply was written from: the only links it may keep are the ones these hold. */
export type ReplySource = Pick<Article, 'url' | 'canonicalUrl' | 'alsoRead' | 'paragraphs'>;

/** Replies that decline the task rather than do it; small local models say these even for harmless news. */
const REFUSAL = /^(?:(?:i'?m|i am) (?:sorry|unable|not able)|sorry\b|i can(?:not|'t|\s+not)\b|i won'?t\b|as an ai\b|unfortunately,? i\b)/i;
const PREAMBLE = /^(?:(?:here(?:'s| is) (?:a |an |the |your )?(?:\w+ )?summary\b[^:]*|summary)\s*:)\s*/i;
const URL_PATTERN = /https?:\/\/[^\s<>()[\]]+/gi;
/** A sentence's own full stop after a link is not part of the link. */
const TRAILING_PUNCTUATION = /[.,;:!?'"”’]+$/;

/**
 * The model's reply is as untrusted as the article it read: it is reduced to one paragraph of plain text
 * with no Discord mentions and no links the article did not contain, then cut to `maxChars` at a sentence end.
 * Empty and refusing replies are rejected so the caller falls back to the extractive summary.
 */
export function cleanModelReply(reply: string, article: ReplySource, maxChars: number): CleanedReply {
  const knownUrls = articleUrls(article);
  let text = reply
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/<think>[\s\S]*?(?:<\/think>|$)/gi, '')
    .replace(/^\s*```\w*\s*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/gi, '$1')
    .replace(URL_PATTERN, (url) => (knownUrls.has(normalizeUrl(url)) ? url : (TRAILING_PUNCTUATION.exec(url)?.[0] ?? '')))
    .replace(/^\s{0,3}(?:#{1,6}|-#|>+)\s+/gm, '')
    .replace(/^\s*(?:[-*+•]|\d{1,2}[.)])\s+/gm, '')
    .replace(/\*+|`+|~~|\|\||(?<!\w)_+|_+(?!\w)/g, '');
  text = withoutMentions(text)
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .replace(/ ([,.;:!?])/g, '$1')
    .trim()
    .replace(PREAMBLE, '')
    .replace(/^["“]([^"“”]*)["”]$/, '$1')
    .trim();
  if (!text) return { ok: false, reason: 'empty reply' };
  if (REFUSAL.test(text)) return { ok: false, reason: 'the model declined' };
  return { ok: true, text: cutAtSentence(text, maxChars) };
}

/** User, role and channel mentions go entirely; @everyone and @here lose the @ that makes them ping. */
function withoutMentions(text: string): string {
  return text
    .replace(/<(?:@[!&]?|#)\d+>/g, '')
    .replace(/@+(?=(?:everyone|here)\b)/gi, '');
}

function articleUrls(article: ReplySource): Set<string> {
  const urls = [article.url, article.canonicalUrl, ...article.alsoRead.map((link) => link.url)];
  for (const paragraph of article.paragraphs) urls.push(...(paragraph.match(URL_PATTERN) ?? []));
  return new Set(urls.filter((url): url is string => Boolean(url)).map(normalizeUrl));
}

function normalizeUrl(url: string): string {
  return url.replace(TRAILING_PUNCTUATION, '').replace(/\/+$/, '').toLowerCase();
}

/** Cuts after the last sentence that fits; a first sentence longer than the limit is cut at a word and marked. */
function cutAtSentence(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = 0;
  for (const match of text.matchAll(/[.!?…]["”’')\]]*(?=\s|$)/g)) {
    const stop = match.index + match[0].length;
    if (stop > maxChars) break;
    end = stop;
  }
  if (end > 0) return text.slice(0, end);
  const space = text.lastIndexOf(' ', maxChars - 1);
  return `${text.slice(0, space > 0 ? space : maxChars - 1).replace(/[\s,;:]+$/, '')}…`;
}
