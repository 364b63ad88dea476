import { describe, expect, it } from 'vitest';
import { loadAebPages } from '../../bench/corpora.ts';
import { extractionScores, shingleMatch } from '../../bench/extraction-score.ts';
import { textDump } from '../../bench/text-dumps.ts';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

describe('scraped-text extraction on 127 real sites', () => {
  it("finds the human-marked body in text dumps of the benchmark's pages with at least 0.89 F1", () => {
    const matches = loadAebPages().map((page) => {
      let body = '';
      try {
        body = extractFromText(textDump(page.html)).paragraphs.join('\n\n');
      } catch {
        body = '';
      }
      return shingleMatch(page.articleBody, body);
    });
    expect(extractionScores(matches).f1).toBeGreaterThanOrEqual(0.89);
  });
});
