import type { AlsoReadLink } from '../../model/article.ts';
import { ALSO_READ_LINE, RELATED_HEADING } from './chrome-cues.ts';
import { classifyLine, endsWithSentence, lowerCaseShare } from './classify-line.ts';

const URL_IN_TEXT = /\(?\b(https?:\/\/[^\s)<>"]+)\)?/i;

/** At most this many related links are kept from one page. */
const MAX_ALSO_READ = 10;

/** A related-link line turned into a link: the URL, when the dump kept one, is taken out of the title. */
function toAlsoRead(title: string): AlsoReadLink | undefined {
  const url = URL_IN_TEXT.exec(title)?.[1]?.replace(/[.,;]+$/, '');
  const clean = title.replace(URL_IN_TEXT, '').replace(/\s*[-–—|:]\s*$/, '').replace(/^["“'‘]|["”'’]$/g, '').trim();
  if (clean.split(/\s+/).length < 3) return undefined;
  return url ? { title: clean, url } : { title: clean };
}

/** "Also Read: Brazilian President Assures …" gives that title; any other line gives undefined. */
export function alsoReadFromLine(line: string): AlsoReadLink | undefined {
  const match = ALSO_READ_LINE.exec(line);
  return match ? toAlsoRead(match[1]!) : undefined;
}

export function isRelatedHeading(line: string): boolean {
  return RELATED_HEADING.test(line);
}

/** A headline in a list of links: a few words, no closing full stop, not a sentence of running text. */
function isHeadlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words < 3 || words > 25) return false;
  return !endsWithSentence(line.replace(/[?!]$/, '')) || (/[?!]$/.test(line) && lowerCaseShare(line) < 0.8);
}

/**
 * Takes related-link lines ("Also read: …") and blocks (a "Related articles" heading over a list of headlines)
 * out of the page before anything else looks at it, so that a box of links inside the article neither ends
 * the body nor lands in it.
 */
export function separateAlsoRead(lines: string[]): { lines: string[]; alsoRead: AlsoReadLink[] } {
  const kept: string[] = [];
  const alsoRead: AlsoReadLink[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    const single = alsoReadFromLine(line);
    if (single) {
      alsoRead.push(single);
      continue;
    }
    const block = isRelatedHeading(line) ? relatedBlock(lines, index + 1) : undefined;
    if (block && block.links.length > 0) {
      alsoRead.push(...block.links);
      index = block.end - 1;
      continue;
    }
    kept.push(line);
  }
  return { lines: kept, alsoRead: dedupeLinks(alsoRead).slice(0, MAX_ALSO_READ) };
}

/** What a list of related links shows around each headline: "Published", "3 days ago", "1 May", "Video", "5 min read", "list 2 of 4". */
const LINK_METADATA = /^(?:published|updated|video|audio|live|gallery|analysis|opinion|\d+ min(?:ute)?s? (?:read|watch|listen)|(?:\d+|an?) (?:minutes?|hours?|days?|weeks?) ago|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.? \d{1,2})$/iu;

/** The headlines listed one per line under a related-links heading, and the index of the first line after them. */
function relatedBlock(lines: string[], first: number): { links: AlsoReadLink[]; end: number } {
  const links: AlsoReadLink[] = [];
  let end = first;
  for (let next = first; next < lines.length && links.length < MAX_ALSO_READ && !isRelatedHeading(lines[next]!); next += 1) {
    const candidate = lines[next]!;
    const kind = LINK_METADATA.test(candidate) ? 'date' : classifyLine(candidate).kind;
    // Each headline may carry a date or a label ("list 2 of 4"); anything else (a heading, a paragraph) closes the list.
    if (kind === 'date' && links.length > 0) end = next + 1;
    if (kind === 'date' || kind === 'chrome') continue;
    if (!isHeadlineLike(candidate)) break;
    const link = toAlsoRead(candidate.replace(/^[-–—•*>\d.)\s]+/, ''));
    if (link) links.push(link);
    end = next + 1;
  }
  return { links, end };
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
