import { gunzipSync } from 'node:zlib';
import type { ArticleDraft } from '../model/article.ts';
import { InputError } from '../input-error.ts';
import { decodeText } from './decode-text.ts';
import { feedItemToDraft, looksLikeFeed, parseFeed, type Feed } from './feed/parse-feed.ts';
import { extractFromHtml } from './html/extract-html.ts';
import { extractFromText } from './text/extract-text.ts';

/** Bytes as read from a file or the network, before Herald knows what they are. */
export interface RawDocument {
  /** The file path or URL, for messages. */
  location: string;
  /** The URL the bytes came from, after redirects; links in the document resolve against it. */
  url?: string;
  bytes: Uint8Array;
  contentType?: string;
}

export type DocumentFormat = 'feed' | 'html' | 'text';

export type Extraction =
  | { format: 'feed'; feed: Feed; drafts: ArticleDraft[]; /** Items after the first MAX_FEED_ARTICLES, not read. */ itemsLeftOut?: number }
  | { format: 'html' | 'text'; draft: ArticleDraft };

/**
 * Feeds list their latest items first: tens or hundreds of them, a podcast's whole archive. Each item read becomes
 * an article whose topics take milliseconds of language analysis, so a dump of tens of thousands of items is read
 * this far, which keeps it within seconds on a busy machine.
 */
export const MAX_FEED_ARTICLES = 500;

/** Reads any document Herald accepts: a feed, an HTML page or scraped text, whatever its name or Content-Type claims. */
export function extractDocument(raw: RawDocument): Extraction {
  const text = decodeDocument(raw);
  const url = raw.url;
  try {
    switch (detectFormat(text)) {
      case 'feed': {
        const feed = parseFeed(text, url ? { url } : {});
        const drafts = feed.items.slice(0, MAX_FEED_ARTICLES).map((item) => feedItemToDraft(item, feed));
        const itemsLeftOut = feed.items.length - drafts.length;
        return { format: 'feed', feed, drafts, ...(itemsLeftOut ? { itemsLeftOut } : {}) };
      }
      case 'html':
        return { format: 'html', draft: withUrl(extractFromHtml(text, url), url) };
      case 'text':
        return { format: 'text', draft: withUrl(extractFromText(text), url) };
    }
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${raw.location}: ${error.message}`, { cause: error });
    throw error;
  }
}

function withUrl(draft: ArticleDraft, url: string | undefined): ArticleDraft {
  return url && !draft.url ? { ...draft, url } : draft;
}

/** Sniffs the content rather than trusting names: feeds are served as text/html and pages saved as .txt. */
export function detectFormat(text: string): DocumentFormat {
  if (looksLikeFeed(text)) return 'feed';
  // Other JSON is data, not prose; the feed reader says why it is not a feed.
  if (/^\s*[[{]/.test(text) && isJson(text)) return 'feed';
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/.test(head)) return 'html';
  const tags = text.slice(0, 65_536).match(/<\/?(p|div|span|a|article|section|br|h[1-6]|meta|script|li)\b[^>]*>/gi);
  return tags && tags.length >= 5 ? 'html' : 'text';
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** Gunzips saved .gz pages and feeds, refuses binary files, and decodes the rest to text. */
export function decodeDocument(raw: RawDocument): string {
  let bytes = raw.bytes;
  if (bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1]) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: 64 * 1024 * 1024 });
    } catch {
      throw new InputError(`${raw.location}: damaged gzip data`);
    }
  }
  if (bytes.length === 0) throw new InputError(`${raw.location}: empty document`);
  if (looksBinary(bytes)) throw new InputError(`${raw.location}: binary data, not text, HTML or a feed`);
  const text = decodeText(bytes, raw.contentType);
  if (!text.trim()) throw new InputError(`${raw.location}: empty document`);
  return text;
}

/** Text in any encoding we read has no NUL bytes and few control characters, except UTF-16 and UTF-32, which start with a mark or a "<". */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  const [a, b, c, d] = sample;
  const wideText = (a === 0xfe && b === 0xff) || (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0) || (a === 0 && (b === 0x3c || (b === 0 && (c === 0xfe || d === 0x3c))));
  if (wideText) return false;
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control += 1;
  }
  return control / sample.length > 0.1;
}
