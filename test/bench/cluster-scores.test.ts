import { describe, expect, it } from 'vitest';
import { clusterScores } from '../../bench/cluster-scores.ts';

const groupOf = new Map([
  ['a1', 'A'],
  ['a2', 'A'],
  ['a3', 'A'],
  ['b1', 'B'],
  ['b2', 'B'],
  ['c1', 'C'],
]);

describe('clusterScores', () => {
  it('scores the known groups themselves as perfect', () => {
    expect(clusterScores([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']], groupOf)).toEqual({ pairPrecision: 1, pairRecall: 1, bcubedPrecision: 1, bcubedRecall: 1, bcubedF1: 1 });
  });

  it('counts pairs put together wrongly against precision, and pairs kept apart against recall', () => {
    // Together: a1-a2 (right), a1-b1, a2-b1 (wrong); apart: a3 from a1 and a2, b2 from b1.
    const scores = clusterScores([['a1', 'a2', 'b1'], ['a3'], ['b2'], ['c1']], groupOf);
    expect(scores.pairPrecision).toBeCloseTo(1 / 3);
    expect(scores.pairRecall).toBeCloseTo(1 / 4);
  });

  it('averages B-cubed over items, so one big wrong cluster does not hide the rest', () => {
    const everything = clusterScores([['a1', 'a2', 'a3', 'b1', 'b2', 'c1']], groupOf);
    expect(everything.bcubedRecall).toBe(1);
    // a: 3 items at 3/6, b: 2 at 2/6, c: 1 at 1/6.
    expect(everything.bcubedPrecision).toBeCloseTo((3 * 0.5 + 2 * (2 / 6) + 1 / 6) / 6);
    const singletons = clusterScores([...groupOf.keys()].map((id) => [id]), groupOf);
    expect(singletons.bcubedPrecision).toBe(1);
    expect(singletons.bcubedRecall).toBeCloseTo((3 * (1 / 3) + 2 * 0.5 + 1) / 6);
    expect(singletons.pairPrecision).toBe(1);
    expect(singletons.pairRecall).toBe(0);
  });

  it('leaves out items it has no group for', () => {
    expect(clusterScores([['a1', 'x'], ['a2', 'a3', 'y']], groupOf).pairRecall).toBeCloseTo(1 / 3);
  });
});
