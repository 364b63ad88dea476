import { parseHTML } from 'linkedom';
import { closedElements } from './closed-elements.ts';
import { limitNesting } from './limit-nesting.ts';

export interface ParsedPage {
  document: Document;
  /** The parsed contents of every application/ld+json script, in page order; malformed ones are skipped. */
  jsonLd: unknown[];
}

const SCRIPT = /<(script)\b/gi;
const JSON_LD_TYPE = /^<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?/i;

/**
 * Elements that never hold article text, removed from the source before parsing. Scripts and styles are
 * often most of a news page's bytes; dropping them first makes the DOM a fraction of the size, and every
 * later pass faster. A script's text cannot contain "</script", so the match cannot end early.
 */
const HEAVY_ELEMENTS = /<(script|style|noscript|template|svg|iframe|object|canvas|video|audio|select)\b|<!--/gi;

/**
 * White space between a tag and a block-level tag renders as nothing, but linkedom makes a node of it,
 * and node creation is most of its parsing cost.
 */
const SPACE_BEFORE_BLOCK = />\s+(?=<\/?(?:div|p|li|ul|ol|dl|dt|dd|section|article|header|footer|nav|aside|main|table|thead|tbody|tfoot|tr|td|th|h[1-6]|figure|figcaption|form|blockquote|hr|br|img|picture|source|meta|link|title|head|body|html)\b)/gi;

/** Parses a page with linkedom after taking out its JSON-LD and what cannot be article text. */
export function parsePage(html: string): ParsedPage {
  const jsonLd: unknown[] = [];
  for (const script of closedElements(html, SCRIPT)) {
    if (!JSON_LD_TYPE.test(html.slice(script.start, script.contentStart))) continue;
    const parsed = parseJsonLd(html.slice(script.contentStart, script.contentEnd));
    if (parsed !== undefined) jsonLd.push(parsed);
  }
  const cleaned = limitNesting(withoutHeavyElements(html).replace(SPACE_BEFORE_BLOCK, '>'));
  let { document } = parseHTML(/<(?:html|body)[\s>]/i.test(cleaned) ? cleaned : asDocument(cleaned));
  // A page whose <html> sits inside an unterminated comment or declaration has no root element, which linkedom's document cannot do without.
  if (!document.documentElement) ({ document } = parseHTML(asDocument(cleaned)));
  return { document: document as unknown as Document, jsonLd };
}

function withoutHeavyElements(html: string): string {
  let kept = '';
  let copied = 0;
  for (const element of closedElements(html, HEAVY_ELEMENTS)) {
    kept += html.slice(copied, element.start);
    copied = element.end;
  }
  return copied === 0 ? html : kept + html.slice(copied);
}

/** linkedom builds a broken tree from a bare fragment (its first element becomes the root), so fragments are given a document. */
function asDocument(html: string): string {
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
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
