import type { ClassifiedLine } from './classify-line.ts';

/** Where the article's text runs, as line indexes: start inclusive, end exclusive. */
export interface BodySpan {
  start: number;
  end: number;
}

/**
 * How much a line argues for being inside the article. Prose counts by its length; furniture between
 * paragraphs (an ad, a caption) costs a little, so one ad does not split an article but a long run of
 * menus and link lists does.
 */
function weight(line: ClassifiedLine): number {
  switch (line.kind) {
    case 'prose':
      return Math.min(line.text.length, 800);
    case 'near':
      return line.text.length * 0.25;
    case 'short':
      return -20;
    case 'chrome':
    case 'date':
    case 'byline':
      return -35;
    case 'end':
      return Number.NEGATIVE_INFINITY;
  }
}

/**
 * The run of lines with the greatest total weight (Kadane's maximum subarray), never crossing a line
 * that ends the article. Undefined when the page has no prose at all.
 */
export function findBody(lines: ClassifiedLine[]): BodySpan | undefined {
  let best: BodySpan | undefined;
  let bestScore = 0;
  let start = 0;
  let score = 0;
  lines.forEach((line, index) => {
    const value = weight(line);
    if (score <= 0 || value === Number.NEGATIVE_INFINITY) {
      start = index;
      score = 0;
    }
    if (value === Number.NEGATIVE_INFINITY) {
      start = index + 1;
      return;
    }
    score += value;
    if (score > bestScore) {
      bestScore = score;
      best = { start, end: index + 1 };
    }
  });
  if (!best) return undefined;
  // The run starts and ends on prose; near-prose at its edges is a standfirst or a sign-off, not body.
  while (best.start < best.end && lines[best.start]!.kind !== 'prose') best.start += 1;
  while (best.end > best.start && lines[best.end - 1]!.kind !== 'prose' && lines[best.end - 1]!.kind !== 'near') best.end -= 1;
  return best.end > best.start ? best : undefined;
}
