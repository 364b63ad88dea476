import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allWords } from '../../src/brief/cluster/tokenize.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const seedText = readFileSync(path.join(FIXTURES, 'text/seed-article.txt'), 'utf8');
const spanishReports = (JSON.parse(readFileSync(path.join(FIXTURES, 'events/04-mocion-censura-sanchez.json'), 'utf8')) as { reports: Array<{ paragraphs: string[] }> }).reports.map((report) => report.paragraphs.join('\n\n'));

describe('allWords', () => {
  it('folds accents and case, so that a name is one word however a site spells it', () => {
    expect(allWords('Valparaíso, VALPARAISO; Tohá and Toha')).toEqual(['valparaiso', 'valparaiso', 'toha', 'and', 'toha']);
  });

  it('gives the first words of a long text exactly as the whole text would, each word whole', () => {
    for (const text of [seedText, ...spanishReports]) {
      const whole = allWords(text);
      for (const limit of [1, 7, 60, 600]) expect(allWords(text, limit)).toEqual(whole.slice(0, limit));
    }
  });

  it('never cuts the last word wanted, however long the words', () => {
    const words = Array.from({ length: 40 }, (_, index) => `internacionalización${index}`);
    for (const limit of [1, 7, 20]) expect(allWords(words.join(' '), limit)).toEqual(words.slice(0, limit).map((word) => word.replace('ó', 'o')));
  });

  it('gives every word of a text shorter than the limit', () => {
    expect(allWords('Sánchez se convierte en presidente', 600)).toEqual(['sanchez', 'se', 'convierte', 'en', 'presidente']);
  });
});
