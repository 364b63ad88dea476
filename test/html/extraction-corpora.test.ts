import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { loadAebPages, loadReadabilityCases } from '../../bench/corpora.ts';
import { extractionScores, shingleMatch, tokenF1 } from '../../bench/extraction-score.ts';
import { extractFromHtml } from '../../src/ingest/html/extract-html.ts';

function bodyText(html: string, url?: string): string {
  try {
    return extractFromHtml(html, url).paragraphs.join('\n\n');
  } catch {
    return '';
  }
}

describe('HTML extraction on the aeb and Readability corpora', () => {
  it('scores at least 0.975 F1 on the human-marked article-extraction benchmark (measured 0.981; Readability.js 0.941 here)', () => {
    const pages = loadAebPages();
    const scores = extractionScores(pages.map((page) => shingleMatch(page.articleBody, bodyText(page.html, page.url))));
    expect(pages.length).toBe(127);
    expect(scores.f1).toBeGreaterThanOrEqual(0.975);
  });

  it("agrees with Readability's own output on its test pages at least 0.93 token F1 on average (measured 0.936)", () => {
    const cases = loadReadabilityCases();
    const f1s = cases.map((testCase) => {
      const expected = parseHTML(`<html><body>${testCase.expectedHtml}</body></html>`).document.body.textContent ?? '';
      return tokenF1(expected, bodyText(testCase.html, 'http://fakehost/test/page.html')).f1;
    });
    expect(f1s.reduce((sum, f1) => sum + f1, 0) / f1s.length).toBeGreaterThanOrEqual(0.93);
  });
});
