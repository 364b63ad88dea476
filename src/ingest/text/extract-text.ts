import type { ArticleDraft } from '../../model/article.ts';
import { InputError } from '../../input-error.ts';
import { definedFields } from '../../model/defined-fields.ts';
import { separateAlsoRead } from './also-read.ts';
import { bodyParagraphs, startWithLeadInList, withoutAuthorBio } from './body-paragraphs.ts';
import { bylineName, classifyLines, creditName, type ClassifiedLine } from './classify-line.ts';
import { findBody } from './find-body.ts';
import { readHeader } from './read-header.ts';
import { toLines } from './text-lines.ts';

/** A page dump with less prose than this is a menu, an error page or a teaser, not an article. */
const MIN_BODY_CHARS = 120;

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
  body.start = startWithLeadInList(classified, skipHeadlineInBody(classified, body.start, body.end));
  const header = readHeader(classified, body.start);
  const trailer = readTrailer(classified, body.end);
  const byline = header.byline ?? bylineInBody(classified, body.start, body.end) ?? trailer.byline;
  const paragraphs = withoutAuthorBio(bodyParagraphs(classified, body.start, body.end), byline);
  if (paragraphs.join(' ').length < MIN_BODY_CHARS) throw new InputError('text: no article found (too little prose)');

  return definedFields<ArticleDraft>({
    title: header.title ?? fallbackTitle(paragraphs[0]!),
    dek: header.dek,
    byline,
    publishedAt: publicationDate([...header.dates, ...trailer.dates]),
    paragraphs,
    alsoRead,
  });
}

/** Wire copy often credits the writer on the first line of the body: "By Jane Roe, Reuters". */
function bylineInBody(lines: ClassifiedLine[], start: number, end: number): string | undefined {
  for (let index = start; index < Math.min(end, start + 3); index += 1) {
    if (lines[index]!.kind === 'byline') return creditName(lines[index]!);
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
