import { describe, expect, it } from 'vitest';
import { loadAebPages } from '../../bench/corpora.ts';
import { extractionScores, shingleMatch } from '../../bench/extraction-score.ts';
import { agreesWithPage, pageTitles } from '../../bench/page-titles.ts';
import { textDump } from '../../bench/text-dumps.ts';
import { extractFromText } from '../../src/ingest/text/extract-text.ts';

/** 127 pages turned into text and read back, twice: seconds on a quiet machine, a minute or more on a busy one. */
const CORPUS_TIMEOUT_MS = 180_000;

describe('scraped-text extraction on 127 real sites', () => {
  it("finds the human-marked body in text dumps of the benchmark's pages with at least 0.925 F1", () => {
    const matches = loadAebPages().map((page) => {
      let body = '';
      try {
        body = extractFromText(textDump(page.html)).paragraphs.join('\n\n');
      } catch {
        body = '';
      }
      return shingleMatch(page.articleBody, body);
    });
    expect(extractionScores(matches).f1).toBeGreaterThanOrEqual(0.925);
  }, CORPUS_TIMEOUT_MS);

  it("takes a headline the page itself states (its og:title, <title> or h1) on at least 85% of the benchmark's pages", () => {
    const pages = loadAebPages();
    const agreeing = pages.filter((page) => {
      try {
        return agreesWithPage(extractFromText(textDump(page.html)).title, pageTitles(page.html, page.url));
      } catch {
        return false;
      }
    });
    expect(agreeing.length / pages.length).toBeGreaterThanOrEqual(0.85);
  }, CORPUS_TIMEOUT_MS);
});
