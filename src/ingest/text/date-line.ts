import { parseDate } from '../dates/parse-date.ts';

/** "Published" and "Updated" in Spanish, Portuguese, French, German and Italian, languages that write the day first; the longer form first, as an alternation takes the first that matches. */
const DAY_FIRST_PUBLISHED = 'publicado|publicada|publiée|publié|veröffentlicht|pubblicato|pubblicata';
const DAY_FIRST_UPDATED = 'mis à jour|actualizado|atualizado|aktualisiert|aggiornato';

const DATE_PREFIX = new RegExp(
  `^(?:published|posted|updated|last updated|first published|modified|last modified|date|news release|press release|release date|${DAY_FIRST_PUBLISHED}|${DAY_FIRST_UPDATED})(?:\\s+(?:on|at|el|le|em|am))?\\s*[:：]?\\s*`,
  'i',
);
const CREDIT_OPENING = /^(?:posted |published |written )?by\s/i;
// A label ends where its letters do: `\b` without the u flag takes "é" for a non-word character and so never ends "Publié" before a space.
const PUBLICATION_LABEL = new RegExp(`^(?:published|posted|first published|news release|press release|release date|${DAY_FIRST_PUBLISHED})(?!\\p{L})`, 'iu');
const REVISION_LABEL = new RegExp(`^(?:updated|last updated|modified|last modified|${DAY_FIRST_UPDATED})(?!\\p{L})`, 'iu');

/**
 * A line that is a date, perhaps with a label or a byline: "Published 3 March 2024", "By Jane Roe | March 3, 2024 10:30 am ET",
 * "Sunday, November 24, 2024", "04.03.2024, 14.32 Uhr". A sentence that merely mentions a date is not a date line.
 */
export function readDateLine(text: string, words: number): string | undefined {
  if (words > 16 || !/\d/.test(text)) return undefined;
  const parts = text.split(/\s*[|•·–—;]\s*|\s+-\s+|,?\s+(?=(?:last )?(?:modified|updated)\b)/i);
  // "Posted by Jane Roe on November 19, 2019": after a credit, "on" opens the date.
  if (CREDIT_OPENING.test(text)) parts.push(...text.split(/\s+on\s+/i).slice(1));
  const dayFirst = DAY_FIRST_LABEL.test(text);
  for (const candidate of [text, ...parts]) {
    const unlabelled = candidate.replace(DATE_PREFIX, '');
    const date = parseDate(dayFirstDotted(dayFirst ? dayFirstSlashed(unlabelled) : unlabelled));
    if (date && unlabelled.split(/\s+/).length <= 9) return date;
  }
  return undefined;
}

/** A date that says it is the publication date ("Published …", "News release …") even where the page puts it above the headline. */
export function isPublicationLabel(text: string): boolean {
  return PUBLICATION_LABEL.test(text);
}

/**
 * A labelled time the date reader cannot take apart ("Updated Nov 19, 6:55 AM;Posted Nov 18, 8:19 PM" has no year,
 * "Published Tue, Nov 19 20197:05 AM EST" ran two fields together): still a dateline, wherever it is classed.
 */
export function isLabelledTime(text: string): boolean {
  return (PUBLICATION_LABEL.test(text) || REVISION_LABEL.test(text)) && DATE_OR_TIME.test(text) && text.split(/\s+/).length <= 16;
}

/** Something of a date or a time: "6:55 AM", a year, "Nov 19" (and not "Posted in Open thread | 10 Comments"). */
const DATE_OR_TIME = /\d{1,2}:\d{2}|\b(?:19|20)\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s+\d/iu;

/** True for "Updated …" and its translations: a revision date, not the publication date. */
export function isRevisionLabel(text: string): boolean {
  return REVISION_LABEL.test(text);
}

/** A dateline labelled in Spanish, Portuguese, French, Italian or German, whose slashed dates put the day first. */
const DAY_FIRST_LABEL = new RegExp(`(?<!\\p{L})(?:${DAY_FIRST_PUBLISHED}|${DAY_FIRST_UPDATED})(?!\\p{L})`, 'iu');

/**
 * "05/10/2018 - Publicado por: …" is the 5th of October: the shared parser reads slashes the US way round, or, when
 * the day could be a month, not at all; a label in a language that puts the day first decides.
 */
function dayFirstSlashed(text: string): string {
  return text.replace(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, '$1.$2.$3');
}

/**
 * Dates written with dots put the day first wherever they are used ("04.03.2024" in German, "05.mar.2024"
 * in Brazilian papers, "5-MAR-2024" on press-release wires), but the shared date parser cannot tell 04.03 from the US 04/03 and gives up; here
 * the dots are enough to decide. "14.32 Uhr" and "19h40" are times the parser already reads.
 */
function dayFirstDotted(text: string): string {
  return text
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, (_, day: string, month: string, year: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`)
    .replace(/\b(\d{1,2})[.-](\p{L}{3,9})[.-]?\s?(\d{4})\b/u, '$1 $2 $3');
}
