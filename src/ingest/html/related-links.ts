import type { AlsoReadLink } from '../../model/article.ts';
import { resolveUrl } from '../../model/canonical-url.ts';
import { isRelatedHeading } from '../text/also-read.ts';
import { articleLink } from './article-link.ts';

/** Class, id or data names publishers give to blocks of links about the same story. */
const RELATED_TOKEN = /(?:^|[\s_-])(?:related\w*(?:-?(?:articles?|stories|posts|content|links|news|reads?))?|also-?read|read-?also|see-?also|more-?on(?:-?this)?|further-?reading|read-?next|recommended-?(?:articles?|stories))(?:$|[\s_-])/i;

/** A block with more links than this is a menu or a site-wide list, not links about this story. */
const MAX_LINKS_IN_BLOCK = 20;
const MAX_RELATED = 10;
/** Enough blocks to find a page's related links; a page with thousands is not worth searching further. */
const MAX_CONTAINERS = 40;

const HEADING_TAGS = new Set(['H2', 'H3', 'H4', 'H5', 'H6', 'STRONG', 'B', 'SPAN', 'P', 'DIV']);

function isNearlyLeaf(element: Element): boolean {
  if (element.childElementCount === 0) return true;
  const only = element.firstElementChild;
  return element.childElementCount === 1 && !!only && only.childElementCount === 0 && ['SPAN', 'STRONG', 'B', 'EM', 'A'].includes(only.tagName);
}

/**
 * The publisher's own related links: blocks named "related" in the markup, and lists under a heading
 * such as "Related articles" or "More on this story". Links are kept with their headline text and an
 * absolute URL; navigation, the page itself and links without a headline are left out.
 */
export function findRelatedLinks(document: Document, base: string | undefined): AlsoReadLink[] {
  const containers: Element[] = [];
  // One pass over every element with plain JavaScript tests: linkedom's attribute selectors cost several times more.
  for (const element of document.querySelectorAll('*')) {
    if (containers.length >= MAX_CONTAINERS) break;
    const name = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (name.length > 1 && RELATED_TOKEN.test(name)) {
      containers.push(element);
      continue;
    }
    // A heading is a leaf or wraps one inline leaf; reading the text of every container would make this pass quadratic.
    if (!HEADING_TAGS.has(element.tagName) || !isNearlyLeaf(element)) continue;
    const text = element.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (text.length > 60 || !isRelatedHeading(text)) continue;
    const list = element.nextElementSibling ?? element.parentElement?.nextElementSibling;
    if (list?.querySelector('a[href]')) containers.push(list);
    else if (element.parentElement) containers.push(element.parentElement);
  }

  const links: AlsoReadLink[] = [];
  const seen = new Set<string>();
  for (const container of containers) {
    if (containers.some((other) => other !== container && other.contains(container))) continue;
    const anchors = [...container.querySelectorAll('a[href]')];
    if (anchors.length > MAX_LINKS_IN_BLOCK) continue;
    for (const anchor of anchors) {
      const link = articleLink(anchor.textContent ?? '', resolveUrl(anchor.getAttribute('href') ?? undefined, base), base);
      if (!link || seen.has(link.url)) continue;
      seen.add(link.url);
      links.push(link);
      if (links.length >= MAX_RELATED) return links;
    }
  }
  return links;
}
