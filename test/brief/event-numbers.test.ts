import { describe, expect, it } from 'vitest';
import { eventNumbers } from '../../src/brief/cluster/event-numbers.ts';

describe('eventNumbers', () => {
  it('keeps the figures a report gives: shares, tolls, times', () => {
    expect(eventNumbers('Leave won 51.9% to 48.1%; Kipchoge ran 1:59:40 and 46 people died.')).toEqual(new Set(['51.9', '48.1', '1:59:40', '46']));
  });

  it('reads English and continental thousands, and a decimal comma, as one figure', () => {
    expect(eventNumbers('4,000 dead')).toEqual(eventNumbers('4.000 muertos'));
    expect(eventNumbers('magnitude 7,8')).toEqual(new Set(['7.8']));
  });

  it('leaves out years and single digits, which all news of a week shares', () => {
    expect(eventNumbers('In 2016, 3 people were hurt')).toEqual(new Set());
  });
});
