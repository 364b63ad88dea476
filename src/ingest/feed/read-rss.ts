import { definedFields } from '../../model/defined-fields.ts';
import type { Feed, FeedItem } from './feed.ts';
import type { Enclosure } from '../../model/article.ts';
import { child, childText, children, dateOf, distinctEnclosures, enclosureAt, htmlOf, plainTextOf, resolveIn } from './feed-fields.ts';
import { canonicalName } from './feed-names.ts';
import { childElements, textOf, type XmlElement } from './xml-tree.ts';

/**
 * RSS 0.9x and 2.0 (items inside <channel>) and RSS 1.0 / RDF (items beside it), with the Dublin Core,
 * content, Atom, iTunes and Media RSS extensions that carry dates, authors, full text and images.
 */
export function readRss(root: XmlElement, documentUrl: string | undefined): Feed {
  const channel = child(root, 'channel') ?? (canonicalName(root) === 'channel' ? root : undefined);
  const items = [...(channel ? children(channel, 'item') : []), ...children(root, 'item')];
  const feed = channel ?? root;
  return definedFields<Feed>({
    title: plainTextOf(child(feed, 'title', 'dc:title')),
    link: resolveIn(feed, childText(feed, 'link') ?? alternateLink(feed), documentUrl),
    description: plainTextOf(child(feed, 'description', 'dc:description', 'itunes:summary', 'itunes:subtitle')),
    language: childText(feed, 'language', 'dc:language') ?? feed.attributes['xml:lang'] ?? root.attributes['xml:lang'],
    imageUrl: resolveIn(feed, imageOf(feed), documentUrl),
    items: items.map((item) => readItem(item, documentUrl)),
  });
}

function readItem(item: XmlElement, documentUrl: string | undefined): FeedItem {
  const guidElement = child(item, 'guid');
  const guid = (guidElement && textOf(guidElement).trim()) || item.attributes['rdf:about'] || childText(item, 'dc:identifier', 'atom:id');
  const guidIsLink = guidElement?.attributes.ispermalink?.toLowerCase() !== 'false' && guidElement?.attributes.isPermaLink?.toLowerCase() !== 'false';
  const link = childText(item, 'link') ?? alternateLink(item) ?? (guid && guidIsLink && /^https?:\/\//i.test(guid) ? guid : undefined);
  return definedFields<FeedItem>({
    guid,
    title: plainTextOf(child(item, 'title', 'dc:title', 'atom:title')),
    link: resolveIn(item, link, documentUrl),
    publishedAt: dateOf(item, 'pubdate', 'dc:date', 'dcterms:issued', 'dcterms:created', 'atom:published', 'published', 'issued'),
    updatedAt: dateOf(item, 'dcterms:modified', 'atom:updated', 'updated'),
    author: authorOf(item),
    summaryHtml: htmlOf(child(item, 'description', 'dc:description', 'atom:summary', 'itunes:summary', 'summary')),
    contentHtml: htmlOf(child(item, 'content:encoded', 'atom:content', 'xhtml:body', 'xhtml:div', 'fullitem', 'content')),
    categories: [...children(item, 'category'), ...children(item, 'dc:subject')].map((category) => textOf(category).trim()).filter(Boolean),
    imageUrl: resolveIn(item, imageOf(item), documentUrl),
    enclosures: distinctEnclosures(enclosuresOf(item, documentUrl)),
    language: item.attributes['xml:lang'] ?? childText(item, 'dc:language'),
  });
}

function alternateLink(element: XmlElement): string | undefined {
  const links = children(element, 'atom:link');
  const alternate = links.find((link) => !link.attributes.rel || link.attributes.rel === 'alternate');
  return alternate?.attributes.href;
}

function authorOf(item: XmlElement): string | undefined {
  const atomAuthor = child(item, 'atom:author');
  const raw = childText(item, 'dc:creator', 'author', 'itunes:author', 'dc:author') ?? (atomAuthor && childText(atomAuthor, 'atom:name', 'name'));
  // RSS 2.0 wants "email (Name)", and many feeds write "Name (email)"; the name is what a reader wants.
  return raw?.replace(/^\S+@\S+\s*\((.+)\)$/, '$1').replace(/^(.+?)\s*\(\S+@\S+\)$/, '$1').trim();
}

/** The files an item carries: <enclosure>, and Media RSS's media:content, alone or in a media:group. */
function enclosuresOf(element: XmlElement, documentUrl: string | undefined): Array<Enclosure | undefined> {
  return childElements(element).flatMap((candidate) => {
    const name = canonicalName(candidate);
    if (name === 'media:group') return enclosuresOf(candidate, documentUrl);
    if (name !== 'enclosure' && name !== 'media:content') return [];
    const { url, type, length, fileSize, filesize } = candidate.attributes;
    return [enclosureAt(resolveIn(candidate, url, documentUrl), type, length ?? fileSize ?? filesize)];
  });
}

/** The item's picture, from the extension that carries it: Media RSS, an image enclosure, iTunes, or the channel's <image>. */
function imageOf(element: XmlElement): string | undefined {
  for (const candidate of childElements(element)) {
    const name = canonicalName(candidate);
    const url = candidate.attributes.url ?? candidate.attributes.href;
    if ((name === 'media:thumbnail' || name === 'itunes:image') && url) return url;
    if ((name === 'media:content' || name === 'enclosure') && url && /^image\//i.test(candidate.attributes.type ?? (candidate.attributes.medium === 'image' ? 'image/' : ''))) return url;
    if (name === 'media:group') {
      const inner = imageOf(candidate);
      if (inner) return inner;
    }
    if (name === 'image') {
      const url = childText(candidate, 'url');
      if (url) return url;
    }
  }
  return undefined;
}
