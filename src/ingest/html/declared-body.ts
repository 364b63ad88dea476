import { htmlToParagraphs } from './html-to-paragraphs.ts';

/** A declared body shorter than this is a summary or a teaser, as many sites truncate it. */
const MIN_DECLARED_CHARS = 500;
/** The page's own text is trusted unless it holds less than this share of the declared body. */
const PAGE_SHARE = 0.5;

/**
 * The article's paragraphs from the page's JSON-LD articleBody, when the page's markup shows much less of
 * the article than its metadata declares: pages that render their text with scripts, or that hide it
 * behind a consent wall, still declare it for search engines. Otherwise the markup wins: measured on the
 * human-marked pages, the declared body is never closer to the article than what is read from the page
 * (it drops subheadings and lists, and is often truncated).
 */
export function preferDeclaredBody(fromPage: string[], articleBody: string | undefined): string[] {
  if (!articleBody || articleBody.length < MIN_DECLARED_CHARS) return fromPage;
  const declared = /<(?:p|br|div)\b/i.test(articleBody) ? htmlToParagraphs(articleBody) : articleBody.split(/\s*\n\s*/).map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const pageChars = fromPage.reduce((sum, paragraph) => sum + paragraph.length, 0);
  return pageChars < PAGE_SHARE * articleBody.length ? declared : fromPage;
}
