import type { AlsoReadLink } from '../../model/article.ts';
import { ALSO_READ_LINE, RELATED_HEADING } from './chrome-cues.ts';
import { endsWithSentence, lowerCaseShare } from './classify-line.ts';

const URL_IN_TEXT = /\(?\b(https?:\/\/[^\s)<>"]+)\)?/i;

/** A related-link line turned into a link: the URL, when the dump kept one, is taken out of the title. */
export function toAlsoRead(title: string): AlsoReadLink | undefined {
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
export function isHeadlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (words < 3 || words > 25) return false;
  return !endsWithSentence(line.replace(/[?!]$/, '')) || (/[?!]$/.test(line) && lowerCaseShare(line) < 0.8);
}
