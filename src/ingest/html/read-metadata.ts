import { decodeHTML } from 'entities';
import { definedFields } from '../../model/defined-fields.ts';
import { resolveUrl } from '../../model/canonical-url.ts';
import { parseDate } from '../dates/parse-date.ts';
import { cleanByline } from './clean-byline.ts';
import { readJsonLdArticle, readJsonLdSiteName, type JsonLdArticle } from './json-ld.ts';
import { timeElementDate, visibleByline, visibleTitle } from './visible-metadata.ts';

/** What a page says about its article, apart from the text. */
export interface PageMetadata {
  title?: string;
  description?: string;
  byline?: string;
  siteName?: string;
  canonicalUrl?: string;
  imageUrl?: string;
  publishedAt?: string;
  language?: string;
  /** The article's text as the page's JSON-LD declares it, unchecked. */
  articleBody?: string;
}

/**
 * Reads metadata in order of reliability. JSON-LD comes first: it is written for search engines, which
 * check it, so publishers keep it correct. Dublin Core comes next where a page has it: CMSs that emit it
 * fill it from the record itself, while OpenGraph and Twitter cards are written for sharing and are often
 * a catchier variant of the headline or a generic site blurb. Plain meta tags follow, and last the page's
 * visible markup (<title>, <h1>, bylines, <time>), which is the easiest to misread.
 */
export function readMetadata(document: Document, jsonLd: unknown[], pageUrl?: string): PageMetadata {
  const meta = metaReader(document);
  const article: JsonLdArticle = readJsonLdArticle(jsonLd, document.querySelector('title')?.textContent ?? undefined) ?? {};
  const base = baseUrl(document, pageUrl);

  const siteName = article.publisher ?? meta('og:site_name') ?? meta('application-name') ?? readJsonLdSiteName(jsonLd);
  const rawTitle = article.headline ?? meta('dc.title') ?? meta('dcterms.title') ?? meta('og:title') ?? meta('twitter:title') ?? meta('parsely-title') ?? visibleTitle(document);
  const byline = cleanByline(
    article.authors ??
    nonUrl(meta('dc.creator')) ??
    nonUrl(meta('dcterms.creator')) ??
    nonUrl(meta('author')) ??
    nonUrl(meta('article:author')) ??
    nonUrl(meta('parsely-author')) ??
    nonUrl(meta('sailthru.author')) ??
    visibleByline(document),
  );
  // Publication dates only: a modified date is not when the article appeared.
  const published =
    article.datePublished ??
    meta('article:published_time') ??
    meta('og:article:published_time') ??
    meta('datepublished') ??
    meta('parsely-pub-date') ??
    meta('sailthru.date') ??
    meta('dc.date.issued') ??
    meta('dcterms.issued') ??
    meta('dcterms.created') ??
    meta('dc.date') ??
    meta('date') ??
    meta('pubdate') ??
    meta('publishdate') ??
    timeElementDate(document);
  // The canonical link is what the page tells crawlers it is; og:url is often the same, sometimes the home page.
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? meta('og:url') ?? article.url;
  const image = article.imageUrl ?? meta('og:image') ?? meta('og:image:url') ?? meta('twitter:image') ?? meta('twitter:image:src');
  const language = (document.documentElement?.getAttribute('lang') ?? meta('content-language') ?? article.language ?? meta('og:locale'))?.replace(/_/g, '-').trim();
  const description = article.description ?? meta('dc.description') ?? meta('dcterms.description') ?? meta('og:description') ?? meta('description') ?? meta('twitter:description');

  return definedFields<PageMetadata>({
    title: rawTitle && cleanTitle(rawTitle, siteName),
    description,
    byline,
    siteName,
    canonicalUrl: resolveUrl(canonical, base),
    imageUrl: resolveUrl(image, base),
    publishedAt: published && parseDate(published),
    language,
    articleBody: article.articleBody,
  });
}

/** The URL relative links resolve against: <base href>, itself resolved against the page's own URL. */
export function baseUrl(document: Document, pageUrl?: string): string | undefined {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  return resolveUrl(href ?? undefined, pageUrl) ?? pageUrl;
}

/**
 * Looks meta tags up by property, name or itemprop, case-blind, the first of each winning. Dublin Core is
 * written both "DC.title" and "dc:title" (and "dcterm:"); all are read as "dc."/"dcterms.". Values are
 * decoded once more, because templates often escape them twice ("&amp;quot;").
 */
function metaReader(document: Document): (name: string) => string | undefined {
  const values = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = decodeHTML(element.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (!key || !content) continue;
    // A few sites list several space-separated properties in one attribute ("og:title twitter:title").
    for (const name of key.split(/\s+/)) {
      const normalized = name.replace(/^(dc|dcterms?)[:.]/, (_, prefix: string) => (prefix === 'dc' ? 'dc.' : 'dcterms.'));
      if (!values.has(normalized)) values.set(normalized, content);
    }
  }
  return (name) => values.get(name.toLowerCase());
}

function nonUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value) ? value : undefined;
}

const TITLE_SEPARATOR = /\s+[|\-–—:·•»]\s+/;

/**
 * Titles carry the site's name after a separator ("Headline | Site", "Site - Headline"); the headline is
 * the rest. Names are compared without spaces and case, since "TheHill" is "The Hill".
 */
function cleanTitle(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const site = squeeze(siteName);
  const parts = title.split(TITLE_SEPARATOR);
  if (parts.length < 2) return title;
  const separators = title.match(new RegExp(TITLE_SEPARATOR, 'g')) ?? [];
  if (squeeze(parts.at(-1)!) === site) return title.slice(0, title.length - parts.at(-1)!.length - separators.at(-1)!.length).trim();
  if (squeeze(parts[0]!) === site) return title.slice(parts[0]!.length + separators[0]!.length).trim();
  return title;
}

function squeeze(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
