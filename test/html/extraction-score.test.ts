import { describe, expect, it } from 'vitest';
import { extractionScores, shingleMatch } from '../../bench/extraction-score.ts';

// Expected values computed with the benchmark's own evaluate.py (scrapinghub/article-extraction-benchmark).
describe("the article-extraction benchmark's metric", () => {
  it('counts matching and unmatched 4-token shingles, normalised to sum to 1', () => {
    const match = shingleMatch('a b c d e', 'a b c d x');
    expect(match.tp).toBeCloseTo(1 / 3);
    expect(match.fp).toBeCloseTo(1 / 3);
    expect(match.fn).toBeCloseTo(1 / 3);
  });

  it("tokenizes as Python's \\w does, so a combining mark splits a word", () => {
    expect(shingleMatch('नमस्ते', 'नमस त')).toEqual({ tp: 1, fp: 0, fn: 0 });
  });

  it('leaves a page with no extracted text out of precision and counts it as recall 0', () => {
    const scores = extractionScores([shingleMatch('one two three four five', 'one two three four five'), shingleMatch('six seven eight nine ten', '')]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0.5);
    expect(scores.f1).toBeCloseTo(2 / 3);
  });
});
