import type { Enclosure } from '../../model/article.ts';
import { resolveUrl } from '../../model/canonical-url.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { parseDate } from '../dates/parse-date.ts';
import { htmlToParagraphs } from '../html/html-to-paragraphs.ts';
import { canonicalName } from './feed-names.ts';
import { childElements, innerXml, textOf, type XmlElement } from './xml-tree.ts';

/** An item is asked for a few dozen names; indexing its children once makes each lookup constant time. */
function childrenByName(element: XmlElement): Map<string, XmlElement[]> {
  if (!element.byName) {
    element.byName = new Map();
    for (const candidate of childElements(element)) {
      const name = canonicalName(candidate);
      const list = element.byName.get(name);
      if (list) list.push(candidate);
      else element.byName.set(name, [candidate]);
    }
  }
  return element.byName;
}

/** The first child with one of the given canonical names, in the order the names are given. */
export function child(element: XmlElement, ...names: string[]): XmlElement | undefined {
  const index = childrenByName(element);
  for (const name of names) {
    const found = index.get(name)?.[0];
    if (found) return found;
  }
  return undefined;
}

export function children(element: XmlElement, name: string): XmlElement[] {
  return childrenByName(element).get(name) ?? [];
}

/** Trimmed text of the first matching child, or undefined when it is missing or empty. */
export function childText(element: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const found = child(element, name);
    const value = found && textOf(found).trim();
    if (value) return value;
  }
  return undefined;
}

/**
 * The URL relative links in an element resolve against: its xml:base, resolved against its parent's,
 * up to the feed's own URL.
 */
function baseOf(element: XmlElement | undefined, documentUrl: string | undefined): string | undefined {
  if (!element) return documentUrl;
  const parentBase = baseOf(element.parent, documentUrl);
  const own = element.attributes['xml:base'];
  return own === undefined ? parentBase : (resolveUrl(own, parentBase) ?? parentBase);
}

export function resolveIn(element: XmlElement, url: string | undefined, documentUrl: string | undefined): string | undefined {
  if (!url) return undefined;
  return resolveUrl(url, baseOf(element, documentUrl)) ?? (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : undefined);
}

/**
 * A file an item carries, from its URL and the type and size the feed gives: only web addresses (a podcast
 * player or a digest links to it), and a size only when it is a whole number of bytes.
 */
export function enclosureAt(url: string | undefined, type: string | undefined, length: string | number | undefined): Enclosure | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  const bytes = typeof length === 'number' ? length : length?.trim() ? Number(length.trim()) : Number.NaN;
  return definedFields<Enclosure>({ url, type: type?.trim().toLowerCase() || undefined, length: Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined });
}

/** Each file once, in the feed's order: Media RSS often repeats an enclosure as media:content. */
export function distinctEnclosures(enclosures: Array<Enclosure | undefined>): Enclosure[] | undefined {
  const seen = new Map<string, Enclosure>();
  for (const enclosure of enclosures) if (enclosure && !seen.has(enclosure.url)) seen.set(enclosure.url, enclosure);
  return seen.size ? [...seen.values()] : undefined;
}

/** A date element's value as ISO 8601, or undefined when it cannot be read. */
export function dateOf(element: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = childText(element, name);
    const parsed = value && parseDate(value);
    if (parsed) return parsed;
  }
  return undefined;
}

/**
 * An Atom text construct (or an RSS element that may hold HTML) as HTML: type="xhtml" is inline markup,
 * type="text" is escaped, anything else is HTML already.
 */
export function htmlOf(element: XmlElement | undefined): string | undefined {
  if (!element) return undefined;
  // Atom 0.3 says how content is encoded in "mode", separately from its media type.
  const mode = element.attributes.mode?.toLowerCase();
  const type = (mode === 'base64' || mode === 'escaped' ? mode : (element.attributes.type ?? mode ?? '')).toLowerCase();
  let html: string;
  if (type === 'xhtml' || type === 'application/xhtml+xml' || type === 'xml') {
    const div = childElements(element).find((candidate) => canonicalName(candidate).endsWith('div'));
    html = innerXml(div ?? element);
  } else if (type === 'text' || type === 'text/plain') {
    html = escapeHtml(textOf(element));
  } else if (type === 'base64' || isBinaryType(type)) {
    html = Buffer.from(textOf(element).replace(/\s+/g, ''), 'base64').toString('utf8');
  } else {
    html = textOf(element);
  }
  html = html.trim();
  return html || undefined;
}

/** A text construct as plain text: a title may be HTML ("<b>Breaking</b>: …"), a reader sees only the words. */
export function plainTextOf(element: XmlElement | undefined): string | undefined {
  const html = htmlOf(element);
  if (!html) return undefined;
  const text = /<[a-z!/]/i.test(html) || /&[#\w]+;/.test(html) ? htmlToParagraphs(html).join(' ') : html.replace(/\s+/g, ' ');
  return text.trim() || undefined;
}

/** Atom: content of a media type that is neither text nor XML is base64-encoded. */
function isBinaryType(type: string): boolean {
  return type.includes('/') && !/^text\//.test(type) && !/[+/]xml$/.test(type) && type !== 'html';
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
