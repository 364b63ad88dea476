import { definedFields } from '../../model/defined-fields.ts';
import { resolveUrl } from '../../model/canonical-url.ts';
import { parseDate } from '../dates/parse-date.ts';

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
}

const ARTICLE_TYPES = /^(?:(?:\w+)?NewsArticle|Article|BlogPosting|LiveBlogPosting|TechArticle|ScholarlyArticle|Report|SocialMediaPosting|Review)$/;

type JsonObject = Record<string, unknown>;

/**
 * Reads metadata in order of reliability: JSON-LD first (written for search engines, so usually kept
 * correct), then OpenGraph and Twitter cards (written for sharing, usually right but sometimes generic),
 * then plain meta tags, and last the page's visible markup (<title>, <h1>, <time>).
 */
export function readMetadata(document: Document, jsonLd: unknown[], pageUrl?: string): PageMetadata {
  const article = findArticleObject(jsonLd);
  const meta = metaReader(document);
  const base = baseUrl(document, pageUrl);

  const siteName = text(article && publisherName(article)) ?? meta('og:site_name') ?? meta('application-name') ?? text(findSiteName(jsonLd));
  const rawTitle = text(article?.headline) ?? meta('og:title') ?? meta('twitter:title') ?? meta('dc.title') ?? meta('dcterms.title') ?? text(article?.name) ?? visibleTitle(document);
  const byline =
    authorNames(article?.author) ??
    nonUrl(meta('dc.creator')) ??
    nonUrl(meta('dcterms.creator')) ??
    nonUrl(meta('author')) ??
    nonUrl(meta('article:author')) ??
    nonUrl(meta('parsely-author')) ??
    nonUrl(meta('sailthru.author')) ??
    visibleByline(document);
  const published =
    text(article?.datePublished) ??
    meta('article:published_time') ??
    meta('og:article:published_time') ??
    meta('datePublished') ??
    meta('parsely-pub-date') ??
    meta('sailthru.date') ??
    meta('dc.date.issued') ??
    meta('dcterms.created') ??
    meta('dc.date') ??
    meta('date') ??
    meta('pubdate') ??
    meta('publishdate') ??
    timeElementDate(document);
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? meta('og:url') ?? text(article?.url) ?? mainEntityUrl(article);
  const image = imageUrl(article?.image) ?? meta('og:image') ?? meta('og:image:url') ?? meta('twitter:image') ?? meta('twitter:image:src');
  const language = (document.documentElement?.getAttribute('lang') ?? meta('content-language') ?? text(article?.inLanguage) ?? meta('og:locale'))?.replace(/_/g, '-').trim();
  const title = rawTitle && cleanTitle(rawTitle, siteName);
  const description = text(article?.description) ?? meta('og:description') ?? meta('description') ?? meta('twitter:description');
  const publishedAt = published && parseDate(published);
  const canonicalUrl = resolveUrl(canonical, base);
  const resolvedImage = resolveUrl(image, base);

  return definedFields<PageMetadata>({ title, description, byline, siteName, canonicalUrl, imageUrl: resolvedImage, publishedAt, language });
}

/** The URL relative links resolve against: <base href>, itself resolved against the page's own URL. */
export function baseUrl(document: Document, pageUrl?: string): string | undefined {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  return resolveUrl(href ?? undefined, pageUrl) ?? pageUrl;
}

function metaReader(document: Document): (name: string) => string | undefined {
  const values = new Map<string, string>();
  for (const element of document.querySelectorAll('meta')) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop') ?? element.getAttribute('http-equiv'))?.toLowerCase().trim();
    const content = element.getAttribute('content')?.trim();
    if (!key || !content) continue;
    // A few sites list several space-separated properties in one attribute ("og:title twitter:title").
    for (const name of key.split(/\s+/)) if (!values.has(name)) values.set(name, content);
  }
  return (name) => values.get(name.toLowerCase());
}

function findArticleObject(jsonLd: unknown[]): JsonObject | undefined {
  let found: JsonObject | undefined;
  walkJsonLd(jsonLd, (object) => {
    if (!found && types(object).some((type) => ARTICLE_TYPES.test(type))) found = object;
  });
  return found;
}

function findSiteName(jsonLd: unknown[]): unknown {
  let name: unknown;
  walkJsonLd(jsonLd, (object) => {
    if (name === undefined && types(object).some((type) => type === 'WebSite' || type === 'NewsMediaOrganization')) name = object.name;
  });
  return name;
}

/** Visits every object in JSON-LD, through arrays, @graph and nested values, without recursing forever. */
function walkJsonLd(value: unknown, visit: (object: JsonObject) => void, depth = 0): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) walkJsonLd(item, visit, depth + 1);
    return;
  }
  const object = value as JsonObject;
  visit(object);
  for (const [key, child] of Object.entries(object)) {
    if (key === '@graph' || key === 'mainEntity' || key === 'itemListElement' || key === 'hasPart') walkJsonLd(child, visit, depth + 1);
  }
}

function types(object: JsonObject): string[] {
  const type = object['@type'];
  return (Array.isArray(type) ? type : [type]).filter((item): item is string => typeof item === 'string').map((item) => item.replace(/^https?:\/\/schema\.org\//, ''));
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = decodeEntities(value).replace(/\s+/g, ' ').trim();
    return trimmed || undefined;
  }
  if (Array.isArray(value)) return text(value[0]);
  return undefined;
}

/** JSON-LD written by templates sometimes carries HTML entities inside its strings. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp|#39));/gi, (entity, decimal: string, hex: string, named: string) => {
    if (decimal) return String.fromCodePoint(Number(decimal));
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" } as Record<string, string>)[named.toLowerCase()] ?? entity;
  });
}

function authorNames(value: unknown): string | undefined {
  const authors = (Array.isArray(value) ? value : [value])
    .map((author) => (typeof author === 'string' ? author : author && typeof author === 'object' ? (author as JsonObject).name : undefined))
    .map(text)
    .filter((name): name is string => !!name && !/^https?:\/\//.test(name));
  return authors.length ? [...new Set(authors)].join(', ') : undefined;
}

function publisherName(article: JsonObject): unknown {
  const publisher = article.publisher;
  return publisher && typeof publisher === 'object' ? (publisher as JsonObject).name : undefined;
}

function mainEntityUrl(article: JsonObject | undefined): string | undefined {
  const entity = article?.mainEntityOfPage;
  if (typeof entity === 'string') return entity;
  return entity && typeof entity === 'object' ? text((entity as JsonObject)['@id'] ?? (entity as JsonObject).url) : undefined;
}

function imageUrl(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return imageUrl(value[0]);
  return value && typeof value === 'object' ? text((value as JsonObject).url ?? (value as JsonObject).contentUrl) : undefined;
}

function nonUrl(value: string | undefined): string | undefined {
  return value && !/^https?:\/\//i.test(value) ? value : undefined;
}

const BYLINE_ELEMENTS = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [id*="byline" i], [class*="author" i], [class*="writer" i], [data-testid*="byline" i]';

/**
 * The credit the page shows: the first element marked as an author or byline whose text is short enough
 * to be a name list. "By", "Par", "Written by" and trailing dates are taken off; separate author elements
 * inside one byline ("By Stella Kim and Jennifer Jett") are read as the names they are.
 */
function visibleByline(document: Document): string | undefined {
  for (const element of document.querySelectorAll(BYLINE_ELEMENTS)) {
    const names = [...element.querySelectorAll('[class*="name" i], [itemprop~="name"], a[rel~="author"]')].map((name) => text(name.textContent)).filter((name): name is string => !!name);
    const unique = [...new Set(names)];
    const raw = unique.length > 1 ? unique.join(', ') : text(element.textContent);
    const name = raw
      ?.replace(/^(?:by|written by|words by|story by|par|por|von|di)\s*:?\s+/i, '')
      .split(/\s*[|•·]\s*|\s+-\s+|\s+(?:updated|published|posted)\b/i)[0]
      ?.replace(/\s*\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}.*$|\s*\p{L}{3,9}\.?\s+\d{1,2},?\s+\d{4}.*$/u, '')
      .replace(/[\s,;:—–-]+$/, '')
      .trim();
    if (name && name.length >= 3 && name.length <= 100 && /\p{L}/u.test(name) && name.split(/\s+/).length <= 12) return name;
  }
  return undefined;
}

/**
 * Without metadata, the <title> names the page, usually with the site's name around the headline. An <h1>
 * that the <title> contains is that headline without the decoration; any other <h1> may be a logo or a
 * section name, so the <title> is trusted over it.
 */
function visibleTitle(document: Document): string | undefined {
  const titleTag = text(document.querySelector('title')?.textContent);
  const headings = [...document.querySelectorAll('h1')].map((heading) => text(heading.textContent)).filter((heading): heading is string => !!heading);
  if (!titleTag) return headings[0];
  const key = comparable(titleTag);
  return headings.find((heading) => heading.split(' ').length >= 3 && key.includes(comparable(heading))) ?? titleTag;
}

function comparable(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** A date the page shows in a <time> element near its headline. */
function timeElementDate(document: Document): string | undefined {
  const time = document.querySelector('time[pubdate], time[itemprop~="datePublished"], article time[datetime], header time[datetime], time[datetime]');
  return text(time?.getAttribute('datetime') ?? time?.textContent);
}

/** Titles carry the site's name after a separator ("Headline | Site", "Headline - Site"); the headline is the rest. */
function cleanTitle(title: string, siteName: string | undefined): string {
  if (!siteName) return title;
  const escaped = siteName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const stripped = title
    .replace(new RegExp(`\\s+[|\\-–—:·•»]\\s+${escaped}\\s*$`, 'i'), '')
    .replace(new RegExp(`^${escaped}\\s+[|\\-–—:·•»]\\s+`, 'i'), '')
    .trim();
  return stripped || title;
}
