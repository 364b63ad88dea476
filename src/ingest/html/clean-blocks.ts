import type { AlsoReadLink } from '../../model/article.ts';
import { resolveUrl } from '../../model/canonical-url.ts';
import { alsoReadFromLine, isRelatedHeading } from '../text/also-read.ts';
import { bylineName, classifyLine } from '../text/classify-line.ts';
import { articleLink } from './article-link.ts';
import { linkDensity, type ContentBlock } from './content-blocks.ts';
import { trailingTeaserList } from './teaser-list.ts';

export interface CleanedContent {
  paragraphs: string[];
  alsoRead: AlsoReadLink[];
}

/** Past an end marker, the article is over if what follows is this small a share of the text. */
const TAIL_SHARE = 0.3;

/**
 * Takes out of the main content what Readability keeps but a reader skips: captions and credits, datelines
 * and bylines, share prompts, newsletter boxes, link lists, "Read more: …" lines (kept as alsoRead), the
 * cards of other stories that close the content (kept as alsoRead under a related heading), and anything
 * after a comments or "more stories" heading at the end. The same line classifier reads scraped text, so
 * both ways in agree on what furniture is.
 */
export function cleanBlocks(blocks: ContentBlock[], base: string | undefined): CleanedContent {
  const alsoRead: AlsoReadLink[] = [];
  const teasers = trailingTeaserList(blocks);
  // Under "Read more" or "Related", the cards are the publisher's related links; under "Latest" they are only other stories.
  if (teasers?.heading && isRelatedHeading(teasers.heading.text)) alsoRead.push(...linksOf(teasers.headlines, base));
  const body = teasers ? blocks.slice(0, teasers.start) : blocks;
  const total = body.reduce((sum, block) => sum + block.text.length, 0);
  let seen = 0;
  const kept: string[] = [];
  for (const block of body) {
    seen += block.text.length;
    const related = alsoReadFromLine(block.text);
    if (related) {
      const url = linkDensity(block) > 0.5 ? resolveUrl(block.href, base) : undefined;
      alsoRead.push(url ? { ...related, url } : related);
      continue;
    }
    if (block.tag === 'FIGCAPTION' || !/[\p{L}\p{N}]/u.test(block.text)) continue;
    if (block.afterImage && !/^H[1-6]$/.test(block.tag) && isCaption(block.text)) continue;
    const line = classifyLine(block.text);
    if (line.kind === 'end') {
      if ((total - seen) / Math.max(total, 1) < TAIL_SHARE) break;
      continue;
    }
    // A row of a table is data whatever it looks like; a line of capitalised words is only a byline if it says "By".
    const credit = line.kind === 'byline' && line.words <= 12 && bylineName(block.text) !== undefined;
    // An embedded post signs off with its author and date ("— Ann Lee (@ann) May 3, 2024"); that is the quote's, not page furniture.
    if (block.tag !== 'TR' && (line.kind === 'chrome' || (!block.quoted && (line.kind === 'date' || credit)))) continue;
    if (linkDensity(block) > 0.9 && line.words <= 12 && !/[.!?]$/.test(block.text)) continue;
    kept.push(block.text);
  }
  return { paragraphs: kept, alsoRead };
}

/** Under a picture, a short line that is not a sentence is its caption. */
function isCaption(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 30 && !/[.!?…:]["'”’)]*$/.test(text) && text !== text.toUpperCase() && !/^[^:]{1,25}:\s/.test(text);
}

function linksOf(headlines: ContentBlock[], base: string | undefined): AlsoReadLink[] {
  return headlines.flatMap((block) => articleLink(block.text, resolveUrl(block.href, base), base) ?? []);
}
