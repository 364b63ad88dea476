import { describe, expect, it } from 'vitest';
import { headlineCover, headlineTerms, sameHeadline } from '../../src/brief/cluster/headline-cover.ts';

const words = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);

describe('headlineCover', () => {
  it('is the share of one headline the other report opens with, the way round that shares more', () => {
    const cameron = headlineTerms(words('Cameron quits as Britain chooses Brexit'), words('David Cameron said he would step down after Britain voted for Brexit'));
    const tabloid = headlineTerms(words('WE ARE OUT'), words('Britain voted to leave and Cameron quits'));
    expect(headlineCover(cameron, tabloid)).toBeCloseTo(3 / 6);
    expect(headlineCover(tabloid, cameron)).toBeCloseTo(3 / 6);
  });

  it('is nothing for an article whose opening says nothing of the other headline', () => {
    const a = headlineTerms(words('Halep routs Williams'), words('Simona Halep beat Serena Williams'));
    const b = headlineTerms(words('Djokovic edges Federer'), words('Novak Djokovic beat Roger Federer'));
    expect(headlineCover(a, b)).toBe(0);
  });
});

describe('sameHeadline', () => {
  const headline = (text: string) => headlineTerms(words(text), []);

  it('holds for the same words under a label more', () => {
    expect(sameHeadline(headline('Morning briefing what you need to know'), headline('Update morning briefing what you need to know'))).toBe(true);
  });

  it('does not hold for a headline that says more than a label beside the other', () => {
    expect(sameHeadline(headline('Biden wins'), headline('Biden wins Pennsylvania clinches presidency'))).toBe(false);
  });

  it('does not hold for headlines of the same length that differ by a word', () => {
    expect(sameHeadline(headline('Halep routs Williams'), headline('Halep routs Serena'))).toBe(false);
  });
});
