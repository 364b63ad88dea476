import { describe, expect, it } from 'vitest';
import { baseLanguage, isForeignLanguage, languageName } from '../../src/model/language.ts';

describe('baseLanguage', () => {
  it('is a tag’s language without its region or script, whatever its case', () => {
    expect(baseLanguage('pt-BR')).toBe('pt');
    expect(baseLanguage('FR_ca')).toBe('fr');
  });

  it('is nothing for a missing tag or a word a feed gave instead of one', () => {
    expect(baseLanguage(undefined)).toBeUndefined();
    expect(baseLanguage('english')).toBeUndefined();
  });
});

describe('languageName', () => {
  it('names a language in English, whatever its region', () => {
    expect(languageName('fr-CA')).toBe('French');
  });
});

describe('isForeignLanguage', () => {
  it('holds for an article in another language than its readers’', () => {
    expect(isForeignLanguage('fr', 'en-US')).toBe(true);
  });

  it('does not hold across regions of one language, nor when either language is unknown', () => {
    expect(isForeignLanguage('en-GB', 'en-US')).toBe(false);
    expect(isForeignLanguage(undefined, 'en')).toBe(false);
    expect(isForeignLanguage('fr', undefined)).toBe(false);
  });
});
