import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSupported } from '../../src/brief/answer/check-support.ts';
import type { Evidence } from '../../src/brief/answer/evidence.ts';
import type { Article } from '../../src/model/article.ts';

const STORE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];
const byId = (id: string): Article => STORE.find((article) => article.id === id)!;
const EVIDENCE: Evidence[] = [byId('netherlands-flood'), byId('zurich-limmat')].map((article, index) => ({ number: index + 1, article, sentences: article.paragraphs }));

describe('whether the articles a sentence cites hold its names and figures', () => {
  it.each([
    ['a paraphrase of the article it cites', 'Heavy rain made the Meuse burst its banks, and people in Venlo and Roermond were evacuated.', [1]],
    ['figures the article gives', 'Water in Venlo rose to its highest level since 1995.', [1]],
    ['a name in the headline or the publisher’s name', 'Example News reports that thousands were evacuated.', [1]],
    ['names spread over the two articles it cites', 'Both the Meuse and the Limmat rose after days of rain.', [1, 2]],
  ])('accepts %s', (_case, text, citations) => {
    expect(isSupported({ text, citations }, EVIDENCE, 'en')).toBe(true);
  });

  it.each([
    ['a place the article never names', 'Thousands were evacuated from Rotterdam.', [1]],
    ['a figure the article never gives', 'Water levels reached their highest point since 1993.', [1]],
    ['a name only the article it does not cite holds', 'Thousands were evacuated as the Limmat rose.', [1]],
    ['a day the article never gives', 'The Meuse burst its banks on Monday.', [1]],
  ])('refuses %s', (_case, text, citations) => {
    expect(isSupported({ text, citations }, EVIDENCE, 'en')).toBe(false);
  });

  it('checks only figures in a language that capitalises every noun', () => {
    expect(isSupported({ text: 'Tausende Menschen wurden nach dem Hochwasser der Maas evakuiert.', citations: [1] }, EVIDENCE, 'de')).toBe(true);
    expect(isSupported({ text: 'Das Wasser stand so hoch wie seit 1993 nicht mehr.', citations: [1] }, EVIDENCE, 'de')).toBe(false);
  });
});
