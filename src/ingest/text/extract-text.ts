import type { AlsoReadLink, ArticleDraft } from '../../model/article.ts';
import { InputError } from '../../input-error.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { alsoReadFromLine, isHeadlineLike, isRelatedHeading, toAlsoRead } from './also-read.ts';
import { bylineName, classifyLine, classifyLines, type ClassifiedLine } from './classify-line.ts';
import { findBody } from './find-body.ts';
import { readHeader } from './read-header.ts';
import { toLines } from './text-lines.ts';

/** A page dump with less prose than this is a menu, an error page or a teaser, not an article. */
const MIN_BODY_CHARS = 120;

/** At most this many related links are kept from one page. */
const MAX_ALSO_READ = 10;

/**
 * Reads an article out of a page dumped as plain text: finds the body as the heaviest run of prose,
 * the title and standfirst above it, and the publisher's related links wherever they are, and leaves
 * the rest of the page (menus, ads, widgets, share bars, comments) behind.
 */
export function extractFromText(text: string): ArticleDraft {
  const { lines, alsoRead } = separateAlsoRead(toLines(text));
  const classified = classifyLines(lines);
  const body = findBody(classified);
  if (!body) throw new InputError('text: no article found (no paragraphs of prose)');
  body.start = skipHeadlineInBody(classified, body.start, body.end);
  const paragraphs = bodyParagraphs(classified, body.start, body.end);
  if (paragraphs.join(' ').length < MIN_BODY_CHARS) throw new InputError('text: no article found (too little prose)');

  const header = readHeader(classified, body.start);
  const trailer = readTrailer(classified, body.end);
  const byline = header.byline ?? bylineInBody(classified, body.start, body.end) ?? trailer.byline;
  const publishedAt = publicationDate([...header.dates, ...trailer.dates]);
  return definedFields<ArticleDraft>({
    title: header.title ?? fallbackTitle(paragraphs[0]!),
    dek: header.dek,
    byline,
    publishedAt,
    paragraphs,
    alsoRead: dedupeLinks(alsoRead).slice(0, MAX_ALSO_READ),
  });
}

/**
 * Takes related-link lines ("Also read: …") and blocks (a "Related articles" heading over a list of headlines)
 * out of the page before anything else looks at it, so that a box of links inside the article neither ends
 * the body nor lands in it.
 */
function separateAlsoRead(lines: string[]): { lines: string[]; alsoRead: AlsoReadLink[] } {
  const kept: string[] = [];
  const alsoRead: AlsoReadLink[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const single = alsoReadFromLine(line);
    if (single) {
      alsoRead.push(single);
      continue;
    }
    if (isRelatedHeading(line)) {
      let next = index + 1;
      const block: AlsoReadLink[] = [];
      while (next < lines.length && block.length < MAX_ALSO_READ && !isRelatedHeading(lines[next]!)) {
        const candidate = lines[next]!;
        if (isHeadlineLike(candidate)) {
          const link = toAlsoRead(candidate.replace(/^[-–—•*>\d.)\s]+/, ''));
          if (link) block.push(link);
        } else if (classifyLine(candidate).kind !== 'date' && !LINK_METADATA.test(candidate)) {
          break;
        }
        next += 1;
      }
      if (block.length > 0) {
        alsoRead.push(...block);
        index = next - 1;
        continue;
      }
    }
    kept.push(line);
  }
  return { lines: kept, alsoRead };
}

/** What a list of related links shows under each headline: "Published", "3 days ago", "1 May", "Video", "5 min read". */
const LINK_METADATA = /^(?:published|updated|video|audio|live|gallery|analysis|opinion|\d+ min(?:ute)?s? (?:read|watch|listen)|(?:\d+|an?) (?:minutes?|hours?|days?|weeks?) ago|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.? \d{1,2})$/iu;

const LIST_ITEM = /^(?:[-–•*▪►·]|\d{1,2}[.)])\s+\S/;

/**
 * The article's own lines within the body span: prose and near-prose, list items, and a short line only
 * where it sits between paragraphs like a subheading or a one-line quote. Furniture inside the span goes.
 */
function bodyParagraphs(lines: ClassifiedLine[], start: number, end: number): string[] {
  const paragraphs: string[] = [];
  for (let index = start; index < end; index += 1) {
    const line = lines[index]!;
    if (line.kind === 'prose' || line.kind === 'near') paragraphs.push(line.text);
    else if (line.kind === 'short' && (LIST_ITEM.test(line.text) || betweenParagraphs(lines, index))) paragraphs.push(line.text);
  }
  return paragraphs;
}

function betweenParagraphs(lines: ClassifiedLine[], index: number): boolean {
  const before = lines[index - 1]?.kind;
  const after = lines[index + 1]?.kind;
  return (before === 'prose' || before === 'near') && (after === 'prose' || after === 'near') && lines[index]!.words >= 2;
}

/** Wire copy often credits the writer on the first line of the body: "By Jane Roe, Reuters". */
function bylineInBody(lines: ClassifiedLine[], start: number, end: number): string | undefined {
  for (let index = start; index < Math.min(end, start + 3); index += 1) {
    if (lines[index]!.kind === 'byline') return bylineName(lines[index]!.text);
  }
  return undefined;
}

/**
 * A headline or standfirst that ends in a full stop or a question mark reads as prose, so the heaviest run
 * can start on it. A byline or date line right after one or two such lines shows where the header really ends.
 */
function skipHeadlineInBody(lines: ClassifiedLine[], start: number, end: number): number {
  for (let index = start + 1; index < Math.min(end, start + 3); index += 1) {
    const line = lines[index]!;
    if (line.kind !== 'byline' && line.kind !== 'date') continue;
    const leading = lines.slice(start, index);
    if (leading.some((candidate) => candidate.words > 25)) return start;
    let next = index + 1;
    while (next < end && lines[next]!.kind !== 'prose') next += 1;
    return next < end ? next : start;
  }
  return start;
}

/** Some templates put the credit and the date under the article: "First published: 3 March 2024", "By Jane Roe". */
function readTrailer(lines: ClassifiedLine[], bodyEnd: number): { byline?: string; dates: ClassifiedLine[] } {
  const trailer: { byline?: string; dates: ClassifiedLine[] } = { dates: [] };
  for (let index = bodyEnd; index < Math.min(lines.length, bodyEnd + 6); index += 1) {
    const line = lines[index]!;
    if (line.kind === 'end') break;
    if (line.kind === 'date' && /^(?:published|posted|first published|updated|last updated)/i.test(line.text)) trailer.dates.push(line);
    const name = line.kind === 'byline' && /^by\b/i.test(line.text) ? bylineName(line.text) : undefined;
    if (name) trailer.byline ??= name;
  }
  return trailer;
}

/** The first date that is not labelled as a revision; a revision date only when nothing else is stated. */
function publicationDate(dates: ClassifiedLine[]): string | undefined {
  return (dates.find((line) => !line.revised) ?? dates[0])?.date;
}

function fallbackTitle(firstParagraph: string): string {
  const sentence = /^.{20,160}?[.!?](?=\s|$)/.exec(firstParagraph)?.[0] ?? firstParagraph;
  return sentence.length > 160 ? `${sentence.slice(0, 157).replace(/\s+\S*$/, '')}…` : sentence;
}

function dedupeLinks(links: AlsoReadLink[]): AlsoReadLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = link.title.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
