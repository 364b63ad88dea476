import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractDocument } from '../../src/ingest/extract-document.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article } from '../../src/model/article.ts';

/**
 * Where the reports of one event live: the Coastline Post's first report and its follow-up, the Harbour Times' with
 * new facts, the Bay Gazette's copy of the first; and a report of another event.
 */
export const DAM_REPORTS = path.resolve(import.meta.dirname, '../fixtures/updates');

export type DamReport = 'coastline-dam' | 'coastline-dam-latest' | 'harbour-dam' | 'gazette-dam' | 'library';

/** One fixture page as Herald reads it from a site, at the time given (the page's own publication time otherwise). */
export async function damReport(name: DamReport, fetchedAt = new Date('2026-12-06T12:00:00Z')): Promise<Article> {
  const location = path.join(DAM_REPORTS, `${name}.html`);
  const extraction = extractDocument({ location, bytes: await readFile(location) });
  if (extraction.format === 'feed') throw new Error(`${name} is a feed`);
  return buildArticle(extraction.draft, { source: { kind: 'site', location }, fetchedAt });
}
