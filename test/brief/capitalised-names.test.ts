import { describe, expect, it } from 'vitest';
import { capitalisedNames } from '../../src/brief/cluster/capitalised-names.ts';
import { stopWordsOf } from '../../src/brief/cluster/language-terms.ts';

describe('capitalisedNames', () => {
  it('finds the places and people an Italian report names inside its sentences', () => {
    const text = "Il sindaco di Amatrice, Sergio Pirozzi, ha detto che il paese non c'è più. La scossa ha colpito Accumoli.";
    expect(capitalisedNames(text, stopWordsOf('it'))).toEqual(new Set(['amatrice', 'sergio pirozzi', 'accumoli']));
  });

  it('keeps a name with a connecting word whole', () => {
    expect(capitalisedNames('Rates were raised by the Bank of England on Thursday.', stopWordsOf('en'))).toEqual(new Set(['bank of england']));
  });

  it('leaves out the word that opens a sentence or a line, and calendar words', () => {
    expect(capitalisedNames('Prices rose in March.\nSales fell. Shares slid on Monday.', stopWordsOf('en'))).toEqual(new Set());
  });

  it('reads a name after an elided article', () => {
    expect(capitalisedNames("Perché trema l'Appennino", stopWordsOf('it'))).toEqual(new Set(['appennino']));
  });
});
