import { expect, it } from 'vitest';
import { heaviestTerms, type TermVector } from '../../src/brief/cluster/term-vectors.ts';

const vector = (pairs: Array<[number, number]>): TermVector => ({ terms: Int32Array.from(pairs.map(([term]) => term)), weights: Float32Array.from(pairs.map(([, weight]) => weight)) });

it('gives the heaviest terms first, as many as asked for', () => {
  expect(heaviestTerms(vector([[1, 0.1], [2, 0.5], [3, 0.3], [4, 0.7], [5, 0.2]]), 3)).toEqual([4, 2, 3]);
});

it('breaks a tie of weights by the smaller term id, wherever the tied terms stand', () => {
  expect(heaviestTerms(vector([[1, 0.2], [2, 0.4], [3, 0.4], [4, 0.2], [5, 0.4]]), 4)).toEqual([2, 3, 5, 1]);
});

it('gives every term when fewer are kept than asked for, and none when none are asked for', () => {
  expect(heaviestTerms(vector([[7, 0.2], [9, 0.6]]), 5)).toEqual([9, 7]);
  expect(heaviestTerms(vector([[7, 0.2], [9, 0.6]]), 0)).toEqual([]);
});
