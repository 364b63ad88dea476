import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/brief/sentences/split-sentences.ts';
import { summarizeOverview } from '../../src/brief/summarize/overview.ts';
import type { Article } from '../../src/model/article.ts';

type Source = Pick<Article, 'title' | 'paragraphs' | 'topics'>;

/** Three reports of one earthquake (two opening with the same wire sentence) and one unrelated business story. */
const [quake, wireCopy, railway, bank] = JSON.parse(readFileSync(new URL('../fixtures/brief/summaries/quake-reports.json', import.meta.url), 'utf8')) as [Source, Source, Source, Source];
const quakeReports = [quake, wireCopy, railway];

/** Where each overview sentence comes from: which article, and where in it. */
function origins(overview: string, articles: Source[]): Array<{ article: number; offset: number }> {
  return splitSentences(overview).map((sentence) => {
    const article = articles.findIndex((candidate) => candidate.paragraphs.join('\n').includes(sentence));
    return { article, offset: article < 0 ? -1 : articles[article]!.paragraphs.join('\n').indexOf(sentence) };
  });
}

describe('GIVEN three reports of one earthquake', () => {
  const overview = summarizeOverview(quakeReports, { query: 'Japan earthquake' });

  it('gives two to four sentences, at most 700 characters', () => {
    const count = splitSentences(overview).length;
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(4);
    expect(overview.length).toBeLessThanOrEqual(700);
  });

  it('draws on more than one of the reports', () => {
    expect(new Set(origins(overview, quakeReports).map((origin) => origin.article)).size).toBeGreaterThan(1);
  });

  it('quotes only the body text of the articles', () => {
    expect(origins(overview, quakeReports).every((origin) => origin.article >= 0)).toBe(true);
  });

  it('tells the wire sentence two reports share only once', () => {
    expect(overview.match(/A magnitude 6\.1 earthquake struck off the coast/g)).toHaveLength(1);
  });

  it('keeps the articles in the order given and each article in its own order', () => {
    const found = origins(overview, quakeReports);
    const sorted = [...found].sort((a, b) => a.article - b.article || a.offset - b.offset);
    expect(found).toEqual(sorted);
  });

  it('keeps to a smaller budget of characters and sentences', () => {
    const short = summarizeOverview(quakeReports, { maxChars: 300, maxSentences: 2 });
    expect(short.length).toBeLessThanOrEqual(300);
    expect(splitSentences(short).length).toBeLessThanOrEqual(2);
  });
});

describe('GIVEN the earthquake reports beside an unrelated story', () => {
  const all = [quake, wireCopy, railway, bank];

  it('leaves the unrelated story out of an overview of the earthquake', () => {
    expect(summarizeOverview(all, { query: 'earthquake' })).not.toContain('Bank of Japan');
  });

  it('brings it in when the query names it', () => {
    expect(summarizeOverview(all, { query: 'Bank of Japan' })).toContain('The Bank of Japan kept its key interest rate unchanged');
  });
});

describe('summarizeOverview: few sources', () => {
  it('takes at least two sentences from a single article', () => {
    expect(splitSentences(summarizeOverview([quake])).length).toBeGreaterThanOrEqual(2);
  });

  it('returns an empty overview when no article has text', () => {
    expect(summarizeOverview([{ title: 'Nothing here', topics: [], paragraphs: [] }])).toBe('');
  });
});
