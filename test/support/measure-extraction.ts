import { buildArticle } from '../../src/ingest/build-article.ts';
import { extractDocument } from '../../src/ingest/extract-document.ts';
import { InputError } from '../../src/input-error.ts';
import { collectGarbage } from './live-memory.ts';

export interface Measurement {
  milliseconds: number;
  /** Heap in use just after the extraction, its answer still held, less the heap in use just before it. */
  heapGrowth: number;
  outcome: string;
}

/** Reads a document as `herald extract` does (sniffing, decoding, extracting, building articles) and times it. */
export function measureExtraction(bytes: Uint8Array): Measurement {
  collectGarbage();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  let outcome: string;
  let answer: unknown;
  try {
    const extraction = extractDocument({ location: 'input', bytes });
    const drafts = extraction.format === 'feed' ? extraction.drafts : [extraction.draft];
    answer = drafts.map((draft) => buildArticle(draft, { source: { kind: 'file', location: 'input' }, fetchedAt: new Date(0) }));
    outcome = `${extraction.format}, ${drafts.length} article${drafts.length === 1 ? '' : 's'}`;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    outcome = `refused: ${error.message.replace(/^input: /, '')}`;
  }
  const milliseconds = performance.now() - started;
  const heapGrowth = process.memoryUsage().heapUsed - before;
  void answer;
  return { milliseconds, heapGrowth, outcome };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
