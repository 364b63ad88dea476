import { describe, expect, it } from 'vitest';
import { languageTerms } from '../../src/brief/cluster/language-terms.ts';
import { allWords } from '../../src/brief/cluster/tokenize.ts';

const terms = (text: string, language?: string): string[] => languageTerms(allWords(text), language);

describe('languageTerms', () => {
  it('meets two forms of one word in English', () => {
    expect(terms('voters rejected', 'en')).toEqual(terms('voter rejects', 'en'));
  });

  it('leaves out the function words of each of the six languages', () => {
    expect(terms('el gobierno de los ciudadanos', 'es')).toEqual(terms('gobierno ciudadanos', 'es'));
    expect(terms('la chute du gouvernement', 'fr')).toEqual(terms('chute gouvernement', 'fr'));
    expect(terms('der Rücktritt des Chefs', 'de')).toEqual(terms('Rücktritt Chefs', 'de'));
    expect(terms('il crollo della diga', 'it')).toEqual(terms('crollo diga', 'it'));
    expect(terms('o rompimento da barragem', 'pt')).toEqual(terms('rompimento barragem', 'pt'));
  });

  it('stems a regional tag by its language', () => {
    expect(terms('rompimentos', 'pt-BR')).toEqual(terms('rompimento', 'pt'));
    expect(terms('rompimentos', 'pt-BR')).not.toEqual(['rompimentos']);
  });

  it('keeps whole words for a language it has no rules for', () => {
    expect(terms('rejected votes', 'nl')).toEqual(['rejected', 'votes']);
  });
});
