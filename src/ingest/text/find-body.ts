import { isCommentHead, opensLinkBox } from './chrome-cues.ts';
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
      return 0;
  }
}

/** What a byline or dateline just above a paragraph is worth: articles start under their credits, boxes of other text do not. */
const CREDIT_BONUS = 400;

/**
 * How far above the first paragraph the credits may stand: three lines of text, not counting the toolbar
 * (share buttons, "Listen", a comments link) that templates put between credits and body.
 */
const CREDIT_REACH = 3;
const TOOLBAR_REACH = 8;

function startsUnderCredits(lines: ClassifiedLine[], index: number): boolean {
  if (lines[index]!.kind !== 'prose' || lines[index + 1]?.kind !== 'prose') return false;
  let counted = 0;
  for (let back = index - 1; back >= Math.max(0, index - TOOLBAR_REACH) && counted < CREDIT_REACH; back -= 1) {
    const kind = lines[back]!.kind;
    if (kind === 'byline' || kind === 'date') return true;
    if (kind === 'prose') return false;
    if (kind !== 'chrome' && kind !== 'end') counted += 1;
  }
  return false;
}

/**
 * A body ends on prose, or on a short closing sentence. A trailing line that is not a sentence is what follows
 * the article, and so is a short question with nothing under it ("Got a news tip?"): inside a body such a
 * question is a subheading, which always has text below it.
 */
function endsBody(line: ClassifiedLine): boolean {
  return line.kind === 'prose' || (line.kind === 'near' && /[.!…]["'”’)]*$/.test(line.text));
}

/**
 * A headline over its own byline and date, with text under them: the header of a story. An article has one; under
 * or above it, such a header starts another (a list of teasers, each with its credits and first lines).
 */
function headsAnotherStory(lines: ClassifiedLine[], index: number): boolean {
  const headline = lines[index]!;
  if ((headline.kind !== 'near' && headline.kind !== 'short') || endsBody(headline)) return false;
  let next = index + 1;
  const skipFurniture = (): void => {
    while (lines[next]?.kind === 'chrome') next += 1;
  };
  skipFurniture();
  if ((lines[next]?.alone ?? lines[next]?.kind) !== 'byline') return false;
  next += 1;
  skipFurniture();
  if (lines[next]?.kind !== 'date') return false;
  next += 1;
  skipFurniture();
  return lines[next]?.kind === 'prose' || lines[next]?.kind === 'near';
}

/** A run at least this heavy is an article; what comes after its end marker (comments, lists) counts for less. */
const SUBSTANTIAL = 400;
const AFTER_END_DISCOUNT = 0.3;

/**
 * The run of lines with the greatest total weight (Kadane's maximum subarray), never crossing a line
 * that ends the article. Once a substantial run has been closed by such a line, later runs (comments,
 * lists of other stories) are weighed at a discount. Undefined when the page has no prose at all.
 */
export function findBody(lines: ClassifiedLine[]): BodySpan | undefined {
  let best: BodySpan | undefined;
  let bestScore = 0;
  let start = 0;
  let score = 0;
  let discount = 1;
  let segmentBest = 0;
  // Only the first paragraph run under credits earns the bonus; lists of other stories repeat their credits.
  const creditedStart = lines.findIndex((_, index) => startsUnderCredits(lines, index));
  lines.forEach((line, index) => {
    if (line.kind === 'end' || headsAnotherStory(lines, index)) {
      // A marker above the credited article (a "Comments" link in its share bar) closes nothing of it. A comment's
      // own head, stamped with its minute, comes only under the article, however short the article and long the thread.
      if ((segmentBest >= SUBSTANTIAL && index > creditedStart) || isCommentHead(line.text)) discount = AFTER_END_DISCOUNT;
      start = index + 1;
      score = 0;
      segmentBest = 0;
      return;
    }
    const value = weight(line) + (index === creditedStart ? CREDIT_BONUS : 0);
    if (score <= 0) {
      start = index;
      score = 0;
    }
    score += value;
    segmentBest = Math.max(segmentBest, score);
    if (score * discount > bestScore) {
      bestScore = score * discount;
      best = { start, end: index + 1 };
    }
  });
  if (!best) return undefined;
  // The run starts and ends on prose; near-prose at its edges is a standfirst or a sign-off, not body.
  while (best.start < best.end && lines[best.start]!.kind !== 'prose') best.start += 1;
  while (best.end > best.start && !endsBody(lines[best.end - 1]!)) best.end -= 1;
  if (best.end <= best.start) return undefined;
  for (let end = acrossBoxes(lines, best.end); end > best.end; end = acrossBoxes(lines, best.end)) best.end = end;
  return best;
}

function acrossBoxes(lines: ClassifiedLine[], end: number): number {
  return Math.max(acrossBox(lines, end), acrossLinkBox(lines, end));
}

/**
 * Where the body ends once the paragraphs after a box of links set inside it are counted in: "Don't miss" or
 * "More from UK" over a few headlines, then the article running on. Such a heading closes the article when it
 * stands under it; it is a box inside it when two paragraphs of text follow the links straight after.
 */
function acrossLinkBox(lines: ClassifiedLine[], end: number): number {
  if (lines[end]?.kind !== 'end' || !opensLinkBox(lines[end]!.text)) return end;
  let next = end + 1;
  while (next < lines.length && next - end <= MAX_BOX_LINES && isBareLink(lines[next]!) && !(lines[next]!.kind === 'prose' && lines[next + 1]?.kind === 'prose')) next += 1;
  if (lines[next]?.kind !== 'prose' || lines[next + 1]?.kind !== 'prose') return end;
  // The box's links stay out of the article they interrupt.
  for (const link of lines.slice(end + 1, next)) {
    link.alone ??= link.kind;
    link.kind = 'chrome';
  }
  return runsOnTo(lines, next);
}

/** Where the text that runs on from `next` ends: its paragraphs, up to the last that ends as a sentence. */
function runsOnTo(lines: ClassifiedLine[], next: number): number {
  let last = next;
  while (last < lines.length && (lines[last]!.kind === 'prose' || lines[last]!.kind === 'near')) last += 1;
  while (last > next && !endsBody(lines[last - 1]!)) last -= 1;
  return last;
}

/** The most lines a box inside an article takes up: a newsletter sign-up's heading, blurb, field, button and thanks. */
const MAX_BOX_LINES = 8;

/**
 * Where the body ends once the paragraphs after a box of furniture are counted in. A sign-up box or an ad
 * weighs more than a short closing paragraph, so the heaviest run stops at the box; but a box is not an end
 * marker, and the text under it that runs on until the page's furniture resumes is still the article.
 */
function acrossBox(lines: ClassifiedLine[], end: number): number {
  let next = end;
  while (next < lines.length && next - end < MAX_BOX_LINES && isBoxLine(lines[next]!)) next += 1;
  // A box says what it is (a sign-up, an ad); a few bare short lines are a form or a menu.
  const saysFurniture = lines.slice(end, next).some((line) => line.kind === 'chrome');
  if (!saysFurniture || lines[next]?.kind !== 'prose') return end;
  return runsOnTo(lines, next);
}

/** A link in a box of them: a headline, with no credits or dates of its own (a list of stories with those is not a box). */
function isBareLink(line: ClassifiedLine): boolean {
  return line.kind !== 'end' && line.kind !== 'byline' && line.kind !== 'date';
}

function isBoxLine(line: ClassifiedLine): boolean {
  return line.kind === 'chrome' || line.kind === 'short' || line.kind === 'byline';
}
