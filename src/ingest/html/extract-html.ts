import type { AlsoReadLink, ArticleDraft } from '../../model/article.ts';
import { InputError } from '../../input-error.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { cleanBlocks } from './clean-blocks.ts';
import { preferDeclaredBody } from './declared-body.ts';
import { mainContentBlocks } from './main-content.ts';
import { parsePage } from './parse-page.ts';
import { baseUrl, readMetadata } from './read-metadata.ts';
import { findRelatedLinks } from './related-links.ts';
import { removeBoilerplate } from './remove-boilerplate.ts';

/** Below this many characters of text, a page has no article, only furniture. */
const MIN_ARTICLE_CHARS = 50;
const MAX_ALSO_READ = 10;

/**
 * Reads an article out of an HTML page: metadata from JSON-LD, OpenGraph and meta tags; the publisher's
 * related links; and the body, found by Readability in a page first cleared of the furniture its markup
 * names, then cleaned of the furniture Readability keeps. Pure: the page and its address in, a draft out.
 * Throws InputError when the page holds no article text.
 */
export function extractFromHtml(html: string, pageUrl?: string): ArticleDraft {
  const { document, jsonLd } = parsePage(html);
  const metadata = readMetadata(document, jsonLd, pageUrl);
  // A saved page has no address of its own; its canonical link is the best base for its relative links.
  const base = baseUrl(document, pageUrl ?? metadata.canonicalUrl);
  // Related blocks are read before furniture is removed, since removing it takes them out too.
  const related = findRelatedLinks(document, base);
  removeBoilerplate(document);
  const content = cleanBlocks(mainContentBlocks(document), base);
  const paragraphs = preferDeclaredBody(withoutHeadline(content.paragraphs, metadata.title), metadata.articleBody);
  if (paragraphs.join(' ').length < MIN_ARTICLE_CHARS) throw new InputError('html: no article content found');

  return definedFields<ArticleDraft>({
    title: metadata.title ?? paragraphs[0]!.slice(0, 120),
    url: pageUrl,
    canonicalUrl: metadata.canonicalUrl,
    dek: metadata.description,
    byline: metadata.byline,
    siteName: metadata.siteName,
    imageUrl: metadata.imageUrl,
    publishedAt: metadata.publishedAt,
    language: metadata.language,
    paragraphs,
    alsoRead: distinctLinks([...related, ...content.alsoRead]).slice(0, MAX_ALSO_READ),
  });
}

/**
 * Readability often keeps the headline at the top of the content; it is the title, not body. The
 * standfirst stays: readers, and the people who marked the benchmark's pages, read it as the first
 * paragraph of the article.
 */
function withoutHeadline(paragraphs: string[], title: string | undefined): string[] {
  const headline = title && comparable(title);
  return paragraphs.filter((paragraph, index) => index >= 4 || comparable(paragraph) !== headline);
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function distinctLinks(links: AlsoReadLink[]): AlsoReadLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const keys = [comparable(link.title), link.url].filter((key): key is string => !!key);
    if (keys.some((key) => seen.has(key))) return false;
    for (const key of keys) seen.add(key);
    return true;
  });
}
