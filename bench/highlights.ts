import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LabelledReport } from './labelled-events.ts';

/** Reference highlights for reports of the labelled events (test/fixtures/summaries/README.md says who wrote them and how). */
export const HIGHLIGHTS_FILE = path.resolve(import.meta.dirname, '../test/fixtures/summaries/highlights.json');

const highlightsSchema = z.record(z.string().url(), z.array(z.string().min(1)).min(2).max(4));

/**
 * The longest run of words a highlight may share with its report: one word more is copying, which would
 * reward a summariser for the writer's laziness rather than for choosing well.
 */
const LONGEST_SHARED_RUN = 6;

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** The highlights by report URL; throws when one is malformed or copies a run of its report's words. */
export function loadHighlights(reports: Map<string, LabelledReport>, file = HIGHLIGHTS_FILE): Map<string, string[]> {
  const parsed = highlightsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  const highlights = new Map(Object.entries(parsed));
  for (const [url, sentences] of highlights) {
    const report = reports.get(url);
    if (!report) throw new Error(`highlights: no labelled report at ${url}`);
    const copied = sentences.find((sentence) => sharesRun(sentence, [report.title, report.standfirst ?? '', ...report.paragraphs].join('\n')));
    if (copied) throw new Error(`highlights: "${copied}" copies more than ${LONGEST_SHARED_RUN} words in a row from ${url}`);
  }
  return highlights;
}

function sharesRun(sentence: string, source: string): boolean {
  const length = LONGEST_SHARED_RUN + 1;
  const sourceWords = words(source);
  const runs = new Set(sourceWords.slice(0, sourceWords.length - length + 1).map((_, index) => sourceWords.slice(index, index + length).join(' ')));
  const own = words(sentence);
  return own.slice(0, own.length - length + 1).some((_, index) => runs.has(own.slice(index, index + length).join(' ')));
}
