import { linkDensity, type ContentBlock } from './content-blocks.ts';

/** Where the list of other stories at the end of the content starts, and the headlines it holds. */
interface TeaserList {
  start: number;
  heading?: ContentBlock;
  headlines: ContentBlock[];
}

/** Fewer headlines than this in a row can be an article's own links ("see the report", "the ruling"). */
const MIN_HEADLINES = 3;
/** Without a heading above them, a run of headlines must be longer to be told from a list of sources. */
const MIN_HEADLINES_WITHOUT_HEADING = 5;

function words(block: ContentBlock): number {
  return block.text.split(/\s+/).length;
}

function isHeadline(block: ContentBlock): boolean {
  const count = words(block);
  return linkDensity(block) >= 0.8 && count >= 2 && count <= 30;
}

/** A heading over a list: a short line that is not a sentence. */
function isListHeading(block: ContentBlock): boolean {
  return words(block) <= 8 && linkDensity(block) < 0.5 && !/[.!?,;]$/.test(block.text);
}

/**
 * The run of linked headlines that ends the content, each perhaps followed by its one-line summary, and
 * the heading above it ("More Great Stories", "Our latest"): the cards of other stories that templates put
 * inside the article's container. Found from the end backwards, because such a list is only furniture
 * when nothing of the article follows it.
 */
export function trailingTeaserList(blocks: ContentBlock[]): TeaserList | undefined {
  const headlines: ContentBlock[] = [];
  let start = blocks.length;
  for (let index = blocks.length - 1; index >= 0; index -= 1) {
    const block = blocks[index]!;
    const previous = blocks[index - 1];
    if (isHeadline(block)) {
      headlines.unshift(block);
      start = index;
    } else if (!(previous && isHeadline(previous) && words(block) <= 30 && linkDensity(block) < 0.5)) {
      break;
    }
  }
  const above = blocks[start - 1];
  const heading = above && isListHeading(above) ? above : undefined;
  if (headlines.length < (heading ? MIN_HEADLINES : MIN_HEADLINES_WITHOUT_HEADING) || start === 0) return undefined;
  return heading ? { start: start - 1, heading, headlines } : { start, headlines };
}
