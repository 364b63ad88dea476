import type { AlsoReadLink } from '../../model/article.ts';

/** Paths of listing pages (tags, sections, authors, search), which are not stories. */
const LISTING_PATH = /\/(?:tags?|topics?|category|categories|sections?|authors?|search)(?:\/|$)/i;

/** A date that teaser cards print after the headline ("… explained 1 July 2019"). */
const TRAILING_DATE = /\s+\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}$|\s+\p{L}{3,9}\.?\s+\d{1,2},\s+\d{4}$/u;

/**
 * A link to another story, or undefined when it is not one: a headline of 3 to 30 words (fewer is a
 * section name or "Read more", more is a paragraph) leading to another page of the web, not back to this
 * one ("Back to top") and not to a listing of stories.
 */
export function articleLink(text: string, url: string | undefined, page: string | undefined): Required<AlsoReadLink> | undefined {
  const title = text.replace(/\s+/g, ' ').trim().replace(TRAILING_DATE, '');
  const words = title.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (!url || words < 3 || words > 30 || /https?:\/\//i.test(title)) return undefined;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  if (!/^https?:$/.test(target.protocol) || LISTING_PATH.test(target.pathname) || (page && withoutHash(target) === withoutHash(page))) return undefined;
  return { title, url };
}

function withoutHash(url: URL | string): string {
  return String(url).replace(/#.*$/, '');
}
