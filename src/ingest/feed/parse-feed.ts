import type { ArticleDraft } from '../../model/article.ts';
import { InputError } from '../../input-error.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { htmlToParagraphs } from '../html/html-to-paragraphs.ts';
import type { Feed, FeedItem } from './feed.ts';
import { canonicalName } from './feed-names.ts';
import { readAtom } from './read-atom.ts';
import { isJsonFeed, readJsonFeed } from './read-json-feed.ts';
import { readRss } from './read-rss.ts';
import { childElements, parseXmlTree, type XmlElement } from './xml-tree.ts';

export type { Feed, FeedItem };

/** What may come before a feed's root element: a BOM, an XML declaration, comments, a doctype, processing instructions. */
const PROLOGUE = /^\uFEFF?\s*(?:<\?xml[^>]*>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>\s*|<\?[^>]*>\s*)*/i;
const FEED_ROOT = /^<(?:[\w.-]+:)?(?:rss|rdf|feed|channel)[\s>/]/i;

/** A cheap look at the start of a document: is it RSS, RDF, Atom or JSON Feed? */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 65_536);
  const trimmed = head.trimStart().replace(/^\uFEFF/, '');
  if (trimmed.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(head) || (/"items"\s*:\s*\[/.test(head) && /"title"\s*:/.test(head));
  const rest = head.replace(PROLOGUE, '');
  return FEED_ROOT.test(rest);
}

/**
 * Reads any feed Herald accepts into one shape. Broken XML is read as far as it goes; only a document
 * with no feed in it at all is refused, with a one-line reason.
 */
export function parseFeed(text: string, options: { url?: string } = {}): Feed {
  const trimmed = text.trimStart().replace(/^\uFEFF/, '');
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(trimmed, options.url);
  const document = parseXmlTree(text);
  const root = feedRoot(document);
  if (!root) {
    const first = childElements(document)[0];
    throw new InputError(first ? `feed: not a feed (the document's root is <${first.name}>)` : 'feed: not a feed (no XML elements found)');
  }
  const name = canonicalName(root).replace(/^atom:/, '');
  const feed = normalizeLanguages(name === 'feed' ? readAtom(root, options.url) : readRss(root, options.url));
  // Broken XML is read as far as it goes; broken XML that yields nothing is reported, not taken for an empty feed.
  if (document.unclosed && feed.items.length === 0) throw new InputError(`feed: malformed XML (${document.unclosed} element${document.unclosed === 1 ? '' : 's'} never closed) and no items`);
  return feed;
}

/** Languages as BCP 47 tags: "en_US" and " EN-us " are written "en-US" by feeds that mean it. */
function normalizeLanguages(feed: Feed): Feed {
  const tag = (language: string | undefined): string | undefined => {
    const parts = language?.trim().replace(/_/g, '-').split('-').filter(Boolean);
    if (!parts?.length) return undefined;
    return parts.map((part, index) => (index === 0 ? part.toLowerCase() : part.length === 2 ? part.toUpperCase() : part)).join('-');
  };
  const language = tag(feed.language);
  const { language: _feedLanguage, ...rest } = feed;
  return {
    ...rest,
    ...(language ? { language } : {}),
    items: feed.items.map((item) => {
      const itemLanguage = tag(item.language);
      const { language: _itemLanguage, ...fields } = item;
      return itemLanguage ? { ...fields, language: itemLanguage } : fields;
    }),
  };
}

function parseJson(text: string, url: string | undefined): Feed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`feed: malformed JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isJsonFeed(value)) throw new InputError('feed: JSON that is not a JSON Feed (no "version" or "items")');
  return normalizeLanguages(readJsonFeed(value, url));
}

/** The <rss>, <rdf:RDF>, <feed> or bare <channel> element, even when junk or a second root comes before it. */
function feedRoot(document: XmlElement): XmlElement | undefined {
  return childElements(document).find((element) => ['rss', 'rdf:rdf', 'feed', 'atom:feed', 'channel'].includes(canonicalName(element)));
}

/** A feed item that carries less than this much text, and no full content, is a teaser for its page. */
const SNIPPET_CHARS = 500;
const TEASER_ENDING = /(?:\[(?:…|\.\.\.)\]|…|\.\.\.|read more|continue reading|read the full (?:story|article)|the post .* appeared first on .*)\s*\.?$/i;

/** One feed item as an article draft; the feed's title stands for the site. */
export function feedItemToDraft(item: FeedItem, feed: Feed): ArticleDraft {
  const html = item.contentHtml ?? item.summaryHtml ?? '';
  const paragraphs = htmlToParagraphs(html);
  const text = paragraphs.join(' ');
  // A podcast episode often has no link of its own: its audio is what a reader follows.
  const link = item.link ?? (item.enclosures?.find((enclosure) => !enclosure.type?.startsWith('image/')) ?? item.enclosures?.[0])?.url;
  const isSnippet = !!item.link && (!item.contentHtml ? text.length < SNIPPET_CHARS || TEASER_ENDING.test(text) : text.length < SNIPPET_CHARS / 2 && TEASER_ENDING.test(text));
  const title = item.title ?? (text ? `${text.split(/\s+/).slice(0, 12).join(' ')}${text.split(/\s+/).length > 12 ? '…' : ''}` : (link ?? 'Untitled'));
  return definedFields<ArticleDraft>({
    title,
    url: link,
    guid: item.guid,
    byline: item.author,
    siteName: feed.title,
    imageUrl: item.imageUrl,
    enclosures: item.enclosures,
    publishedAt: item.publishedAt,
    language: item.language ?? feed.language,
    paragraphs,
    alsoRead: [],
    isSnippet: isSnippet || undefined,
  });
}
