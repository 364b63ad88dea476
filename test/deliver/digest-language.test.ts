import { describe, expect, it } from 'vitest';
import { digestLanguage } from '../../src/deliver/digest-language.ts';

describe('digestLanguage', () => {
  it('is the language the schedule’s admin chose, whatever the server’s', () => {
    expect(digestLanguage({ locale: 'fr' }, { language: 'en' })).toBe('en');
  });

  it('is the server’s language, without its region, when the schedule names none', () => {
    expect(digestLanguage({ locale: 'pt-BR' }, {})).toBe('pt');
  });

  it('is none when neither says, so that nothing is translated or labelled', () => {
    expect(digestLanguage({}, {})).toBeUndefined();
  });
});
