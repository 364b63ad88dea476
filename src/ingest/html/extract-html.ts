import type { ArticleDraft } from '../../model/article.ts';
import { InputError } from '../../input-error.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { cleanBlocks } from './clean-blocks.ts';
import { mainContentBlocks } from './main-content.ts';
import { parsePage } from './parse-page.ts';
import { baseUrl, readMetadata } from './read-metadata.ts';
import { findRelatedLinks } from './related-links.ts';
import { removeBoilerplate } from './remove-boilerplate.ts';

/**
 * Reads an article out of an HTML page: metadata from JSON-LD, OpenGraph and meta tags; the publisher's
 * related links; and the body, found by Readability in a page first cleared of the furniture its markup names.
 */
export function extractFromHtml(html: string, pageUrl?: string): ArticleDraft {
  const { document, jsonLd } = parsePage(html);
  const metadata = readMetadata(document, jsonLd, pageUrl);
  // A saved page has no address of its own; its canonical link is the best base for its relative links.
  const base = baseUrl(document, pageUrl ?? metadata.canonicalUrl);
  const related = findRelatedLinks(document, base);
  removeBoilerplate(document);
  const content = cleanBlocks(mainContentBlocks(document), base);
  const paragraphs = dropRepeatedHeader(content.paragraphs, metadata.title, metadata.description);
  if (paragraphs.join(' ').length < 50) throw new InputError('html: no article content found');

  const alsoRead = [...related, ...content.alsoRead].filter((link, index, all) => all.findIndex((other) => other.title === link.title) === index).slice(0, 10);
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
    alsoRead,
  });
}

/** Readability often keeps the headline and standfirst near the top of the content; they are the title and dek, not body. */
function dropRepeatedHeader(paragraphs: string[], title: string | undefined, description: string | undefined): string[] {
  const header = new Set([title, description].filter(Boolean).map((value) => normalize(value!)));
  return paragraphs.filter((paragraph, index) => index >= 4 || !header.has(normalize(paragraph)));
}

function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
