import { describe, expect, it } from 'vitest';
import { eventNumbers, figuresDisagree } from '../../src/brief/cluster/event-numbers.ts';

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

describe('figuresDisagree', () => {
  it('says two reports disagree when each gives several figures and none of them match', () => {
    expect(figuresDisagree(eventNumbers('Leave won 51.9% to 48.1% on a 72.2% turnout'), eventNumbers('Scotland voted 62% to 38%; 32 councils backed Remain'), 3)).toBe(true);
  });

  it('lets one figure in common make them agree', () => {
    expect(figuresDisagree(eventNumbers('Leave won 51.9% to 48.1% on a 72.2% turnout'), eventNumbers('62% in Scotland, 38% against, 72.2% turnout'), 3)).toBe(false);
  });

  it('takes a figure and its rounding, or its trailing zero, for one figure', () => {
    expect(figuresDisagree(eventNumbers('51.9% to 48.1%, turnout 72.2%'), eventNumbers('52% to 48%, 17 million votes'), 3)).toBe(false);
    expect(figuresDisagree(eventNumbers('shares at 38.70 riyals, up 11%, 1.88 trillion'), eventNumbers('38.7 riyals, 2.06 trillion, 14 minutes'), 3)).toBe(false);
  });

  it('says nothing when either report gives fewer figures than asked', () => {
    expect(figuresDisagree(eventNumbers('51.9% to 48.1% on a 72.2% turnout'), eventNumbers('62% to 38%'), 3)).toBe(false);
  });
});
