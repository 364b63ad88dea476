import { parseHTML } from 'linkedom';

export interface ParsedPage {
  document: Document;
  /** The parsed contents of every application/ld+json script, in page order; malformed ones are skipped. */
  jsonLd: unknown[];
}

const JSON_LD = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * Elements that never hold article text, removed from the source before parsing. Scripts and styles are
 * often most of a news page's bytes; dropping them first makes the DOM a fraction of the size, and every
 * later pass faster. A script's text cannot contain "</script", so the match cannot end early.
 */
const HEAVY_ELEMENTS = /<(script|style|noscript|template|svg|iframe|object|canvas|video|audio|select)\b[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi;

/**
 * White space between a tag and a block-level tag renders as nothing, but linkedom makes a node of it,
 * and node creation is most of its parsing cost.
 */
const SPACE_BEFORE_BLOCK = />\s+(?=<\/?(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|nav|aside|main|table|thead|tbody|tfoot|tr|td|th|h[1-6]|figure|figcaption|form|blockquote|hr|br|img|picture|source|meta|link|title|head|body|html)\b)/gi;

/** Parses a page with linkedom after taking out its JSON-LD and what cannot be article text. */
export function parsePage(html: string): ParsedPage {
  const jsonLd: unknown[] = [];
  for (const match of html.matchAll(JSON_LD)) {
    const parsed = parseJsonLd(match[1]!);
    if (parsed !== undefined) jsonLd.push(parsed);
  }
  const { document } = parseHTML(asDocument(html.replace(HEAVY_ELEMENTS, '').replace(SPACE_BEFORE_BLOCK, '>')));
  return { document: document as unknown as Document, jsonLd };
}

/** linkedom builds a broken tree from a bare fragment (its first element becomes the root), so fragments are given a document. */
function asDocument(html: string): string {
  return /<(?:html|body)[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/** JSON-LD in the wild carries HTML comments, CDATA wrappers and raw newlines inside strings. */
function parseJsonLd(source: string): unknown {
  const cleaned = source.replace(/^\s*(?:<!--|(?:\/\/\s*)?<!\[CDATA\[)|(?:-->|(?:\/\/\s*)?\]\]>)\s*$/g, '').trim();
  for (const candidate of [cleaned, cleaned.replace(/[\u0000-\u001f]+/g, ' ')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // Try the next repair.
    }
  }
  return undefined;
}
