import { definedFields } from '../../model/defined-fields.ts';
import type { Feed, FeedItem } from './feed.ts';
import { childText, dateOf, distinctEnclosures, enclosureAt, htmlOf, plainTextOf, resolveIn } from './feed-fields.ts';
import { canonicalName } from './feed-names.ts';
import { childElements, textOf, type XmlElement } from './xml-tree.ts';

/** Atom names, whether the feed declared the Atom namespace (canonical "atom:x") or forgot to ("x"). */
function local(element: XmlElement): string {
  return canonicalName(element).replace(/^atom:/, '');
}

function first(element: XmlElement, ...names: string[]): XmlElement | undefined {
  const elements = childElements(element);
  for (const name of names) {
    const found = elements.find((candidate) => local(candidate) === name);
    if (found) return found;
  }
  return undefined;
}

function all(element: XmlElement, name: string): XmlElement[] {
  return childElements(element).filter((candidate) => local(candidate) === name);
}

/** Atom 1.0, and the Atom 0.3 that still turns up (issued/modified/tagline, mode="escaped" content). */
export function readAtom(root: XmlElement, documentUrl: string | undefined): Feed {
  return definedFields<Feed>({
    title: plainTextOf(first(root, 'title')),
    link: alternate(root, documentUrl),
    description: plainTextOf(first(root, 'subtitle', 'tagline')),
    language: root.attributes['xml:lang'],
    imageUrl: resolveIn(root, textOrUndefined(first(root, 'logo', 'icon')), documentUrl),
    items: all(root, 'entry').map((entry) => readEntry(entry, documentUrl)),
  });
}

function readEntry(entry: XmlElement, documentUrl: string | undefined): FeedItem {
  const content = first(entry, 'content');
  const author = first(entry, 'author');
  const rawLanguage = entry.attributes['xml:lang'];
  return definedFields<FeedItem>({
    guid: textOrUndefined(first(entry, 'id')),
    title: plainTextOf(first(entry, 'title')),
    link: alternate(entry, documentUrl),
    publishedAt: dateOf(entry, 'atom:published', 'published', 'atom:issued', 'issued', 'atom:created', 'created', 'dc:date', 'dcterms:issued'),
    updatedAt: dateOf(entry, 'atom:updated', 'updated', 'atom:modified', 'modified'),
    author: author ? childText(author, 'atom:name', 'name') : childText(entry, 'dc:creator'),
    summaryHtml: htmlOf(first(entry, 'summary')),
    contentHtml: content && !content.attributes.src ? htmlOf(content) : undefined,
    categories: all(entry, 'category').map((category) => (category.attributes.label ?? category.attributes.term ?? textOf(category)).trim()).filter(Boolean),
    imageUrl: resolveIn(entry, mediaImage(entry), documentUrl),
    enclosures: distinctEnclosures(
      childElements(entry).map((candidate) => {
        if (local(candidate) === 'link' && candidate.attributes.rel === 'enclosure') return enclosureAt(resolveIn(candidate, candidate.attributes.href, documentUrl), candidate.attributes.type, candidate.attributes.length);
        if (canonicalName(candidate) === 'media:content') return enclosureAt(resolveIn(candidate, candidate.attributes.url, documentUrl), candidate.attributes.type, candidate.attributes.fileSize);
        return undefined;
      }),
    ),
    language: rawLanguage,
  });
}

/** The link a reader follows: rel="alternate" (or no rel), preferring an HTML one. */
function alternate(element: XmlElement, documentUrl: string | undefined): string | undefined {
  const links = all(element, 'link').filter((link) => !link.attributes.rel || link.attributes.rel === 'alternate');
  const best = links.find((link) => !link.attributes.type || /html/i.test(link.attributes.type)) ?? links[0];
  const href = best?.attributes.href ?? (best ? textOf(best).trim() : undefined);
  return href ? resolveIn(best!, href, documentUrl) : undefined;
}

function mediaImage(entry: XmlElement): string | undefined {
  for (const candidate of childElements(entry)) {
    const name = canonicalName(candidate);
    if (name === 'media:thumbnail' && candidate.attributes.url) return candidate.attributes.url;
    if (name === 'media:content' && candidate.attributes.url && (candidate.attributes.medium === 'image' || /^image\//.test(candidate.attributes.type ?? ''))) return candidate.attributes.url;
    if (local(candidate) === 'link' && candidate.attributes.rel === 'enclosure' && /^image\//.test(candidate.attributes.type ?? '')) return candidate.attributes.href;
  }
  return undefined;
}

function textOrUndefined(element: XmlElement | undefined): string | undefined {
  return (element && textOf(element).trim()) || undefined;
}
