import type { ClassifiedLine } from './classify-line.ts';

const LIST_ITEM = /^(?:[-–•*▪►·]|\d{1,2}[.)])\s+\S/;

/**
 * The article's own lines within the body span: prose and near-prose, list items, and a short line only
 * where it sits between paragraphs like a subheading or a one-line quote. Furniture inside the span goes.
 */
export function bodyParagraphs(lines: ClassifiedLine[], start: number, end: number): string[] {
  const paragraphs: string[] = [];
  for (let index = start; index < end; index += 1) {
    const line = lines[index]!;
    if (line.kind === 'prose' || line.kind === 'near') paragraphs.push(line.text);
    else if (line.kind === 'short' && (LIST_ITEM.test(line.text) || headsText(lines, index, start))) paragraphs.push(line.text);
  }
  return paragraphs;
}

/** A subheading or a one-line quote: text above it (or it opens the body) and text below it. */
function headsText(lines: ClassifiedLine[], index: number, start: number): boolean {
  const isText = (line?: ClassifiedLine): boolean => line?.kind === 'prose' || line?.kind === 'near';
  return (index === start || isText(lines[index - 1])) && isText(lines[index + 1]) && lines[index]!.words >= 2;
}

/** The most items a summary box above the body holds ("Key points:" and three bullets). */
const MAX_LEAD_IN_ITEMS = 8;

/**
 * Where the body starts once a summary list directly above its first paragraph is counted in: a short
 * heading that ends in a colon ("Key points:", "In short:") over a few lines that read as text. Such a box
 * is part of the article, but its items are not sentences, so the run of prose starts below it.
 */
export function startWithLeadInList(lines: ClassifiedLine[], start: number): number {
  let top = start;
  while (top > 0 && start - top < MAX_LEAD_IN_ITEMS && isListLine(lines[top - 1]!)) top -= 1;
  const heading = lines[top - 1];
  const isHeading = heading !== undefined && heading.words <= 6 && /[:：]$/.test(heading.text) && (heading.kind === 'short' || heading.kind === 'near');
  return isHeading && start - top >= 2 ? top - 1 : start;
}

function isListLine(line: ClassifiedLine): boolean {
  return (line.kind === 'near' && line.words <= 40) || (line.kind === 'short' && LIST_ITEM.test(line.text));
}

/**
 * Drops an author box at the end of the body: a closing paragraph that opens with the byline's name
 * ("Andrew E. Kramer is the Kyiv bureau chief…") is about the writer, not the news.
 */
export function withoutAuthorBio(paragraphs: string[], byline: string | undefined): string[] {
  const names = byline?.split(/\s+(?:and|&)\s+|,\s*/).filter((name) => name.split(/\s+/).length >= 2) ?? [];
  if (names.length === 0) return paragraphs;
  let end = paragraphs.length;
  while (end > 1 && paragraphs.length - end < 2 && names.some((name) => paragraphs[end - 1]!.startsWith(`${name} `))) end -= 1;
  return paragraphs.slice(0, end);
}
