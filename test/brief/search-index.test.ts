import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createSearchIndex, type SearchIndex, type SearchIndexOptions } from '../../src/brief/search/search-index.ts';
import { ENOUGH_CANDIDATES } from '../../src/brief/search/search-windows.ts';
import type { Article } from '../../src/model/article.ts';

const ARTICLES = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];
const NOW = new Date('2024-09-20T12:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function fixture(id: string, overrides: Partial<Article> = {}): Article {
  const found = ARTICLES.find((article) => article.id === id);
  if (!found) throw new Error(`no fixture article ${id}`);
  return { ...found, ...overrides };
}

function indexOf(articles: Article[] = ARTICLES, options: SearchIndexOptions = {}): SearchIndex {
  const index = createSearchIndex(options);
  for (const article of articles) index.add(article);
  return index;
}

function ids(index: SearchIndex, query: string, options: Partial<Parameters<SearchIndex['search']>[1]> = {}): string[] {
  return index.search(query, { now: NOW, ...options }).map((hit) => hit.id);
}

describe('search index', () => {
  it('ranks an article with the topic in its headline above a newer one that names it only in the body', () => {
    const inBody = fixture('alps-heatwave');
    const inTitle = fixture('alps-heatwave', {
      id: 'glaciologists-meet',
      title: 'Glaciologists gather in Zürich to count the summer melt',
      publishedAt: '2024-09-19T07:30:00.000Z',
      paragraphs: inBody.paragraphs.map((paragraph) => paragraph.replace(' in Zürich', '')),
    });
    expect(ids(indexOf([inBody, inTitle]), 'Zürich')).toEqual(['glaciologists-meet', 'alps-heatwave']);
  });

  it('ranks the newer of two equally relevant articles first', () => {
    const older = fixture('korea-missile', { id: 'wire-copy-older', publishedAt: '2024-09-18T22:10:00.000Z' });
    const newer = fixture('korea-missile', { id: 'wire-copy-newer' });
    expect(ids(indexOf([older, newer]), 'cruise missile')).toEqual(['wire-copy-newer', 'wire-copy-older']);
  });

  it('dates an article by when it was fetched when it states no publication date', () => {
    const { publishedAt: _, ...undated } = fixture('korea-missile', { id: 'undated', fetchedAt: '2024-09-20T11:00:00.000Z' });
    const dated = fixture('korea-missile', { id: 'dated' });
    expect(ids(indexOf([dated, undated]), 'cruise missile')).toEqual(['undated', 'dated']);
  });

  it('still ranks an old article about the topic above a new one that mentions it in passing', () => {
    const old = fixture('zurich-limmat', { publishedAt: '2024-09-06T07:30:00.000Z', fetchedAt: '2024-09-06T08:00:00.000Z' });
    expect(ids(indexOf([old, fixture('alps-heatwave')]), 'Zürich')).toEqual(['zurich-limmat', 'alps-heatwave']);
  });

  describe('the newest window that holds enough matches to rank', () => {
    const oldOnTopic = fixture('zurich-limmat', { publishedAt: '2024-09-17T07:30:00.000Z', fetchedAt: '2024-09-17T08:00:00.000Z' });
    const passingMentions = (count: number): Article[] =>
      Array.from({ length: count }, (_, index) => {
        const at = new Date(NOW.getTime() - (index + 1) * 60_000).toISOString();
        return fixture('alps-heatwave', { id: `today-${index}`, publishedAt: at, fetchedAt: at });
      });

    it('GIVEN enough matches from the last day WHEN searched THEN older articles are not ranked, even one squarely on the topic', () => {
      const found = ids(indexOf([oldOnTopic, ...passingMentions(ENOUGH_CANDIDATES)]), 'Zürich', { limit: 1_000 });
      expect(found).toHaveLength(ENOUGH_CANDIDATES);
      expect(found).not.toContain('zurich-limmat');
    });

    it('GIVEN one match fewer than enough from the last day WHEN searched THEN the week is searched, and the older article squarely on the topic ranks first', () => {
      expect(ids(indexOf([oldOnTopic, ...passingMentions(ENOUGH_CANDIDATES - 1)]), 'Zürich', { limit: 1 })).toEqual(['zurich-limmat']);
    });

    /** `perDay` articles fetched each day for `days` days up to NOW, oldest first, as a store fills. Ids name the day ("day-6-0": six days ago). */
    const dailyArticles = (days: number, perDay = 1): Article[] =>
      Array.from({ length: days * perDay }, (_, index) => {
        const day = days - 1 - Math.floor(index / perDay);
        const at = new Date(NOW.getTime() - day * DAY - (index % perDay) * 60_000).toISOString();
        return fixture('korea-missile', { id: `day-${day}-${index % perDay}`, publishedAt: at, fetchedAt: at });
      });

    it('GIVEN a store spanning three weeks with enough matches in the last one WHEN searched THEN the articles of six days ago are found and those of eight days ago are not', () => {
      const perDay = Math.ceil(ENOUGH_CANDIDATES / 7);
      const found = ids(indexOf(dailyArticles(21, perDay), { retentionMs: 30 * DAY }), 'cruise missile', { limit: 1_000 });
      expect(found).toContain(`day-6-${perDay - 1}`);
      expect(found.filter((id) => id.startsWith('day-8-'))).toEqual([]);
    });

    it('GIVEN a store spanning three weeks WHEN too few of its matches are from the last week THEN the older ones are found too', () => {
      const onTopic = fixture('zurich-limmat', { publishedAt: new Date(NOW.getTime() - 20 * DAY).toISOString(), fetchedAt: new Date(NOW.getTime() - 20 * DAY).toISOString() });
      const passing = fixture('alps-heatwave', { id: 'yesterday', publishedAt: new Date(NOW.getTime() - DAY).toISOString(), fetchedAt: new Date(NOW.getTime() - DAY).toISOString() });
      expect(ids(indexOf([onTopic, ...dailyArticles(21), passing], { retentionMs: 30 * DAY }), 'Zürich')).toEqual(['zurich-limmat', 'yesterday']);
    });

    it("GIVEN a report dated long ago and read after the last week's articles WHEN its topic is searched THEN it is found", () => {
      const late = fixture('zurich-limmat', { publishedAt: new Date(NOW.getTime() - 20 * DAY).toISOString(), fetchedAt: NOW.toISOString() });
      expect(ids(indexOf([...dailyArticles(21), late], { retentionMs: 30 * DAY }), 'Limmat')).toEqual(['zurich-limmat']);
    });

    it('GIVEN a store spanning three weeks WHEN searched with a clock a week behind its newest article, from two days before THEN the articles of those two days are found', () => {
      const weekBefore = new Date(NOW.getTime() - 7 * DAY);
      const found = ids(indexOf(dailyArticles(21), { retentionMs: 30 * DAY }), 'cruise missile', { now: weekBefore, since: new Date(weekBefore.getTime() - 2 * DAY), limit: 1_000 });
      expect(found.filter((id) => id === 'day-9-0')).toEqual(['day-9-0']);
    });
  });

  it('finds an accented name when the query leaves the accent out', () => {
    expect(ids(indexOf(), 'Zurich')).toContain('zurich-limmat');
  });

  it('finds an unaccented spelling when the query has the accent', () => {
    const plain = fixture('chad-refugees', { paragraphs: ['Camps near Adre are far beyond capacity.'], topics: [] });
    expect(ids(indexOf([plain]), 'Adré')).toEqual(['chad-refugees']);
  });

  it("finds a possessive such as \"Sudan's\" when asked for \"Sudan\"", () => {
    const possessiveOnly = fixture('darfur-famine', { topics: [] });
    expect(possessiveOnly.paragraphs.join(' ')).not.toMatch(/Sudan\b(?!')/);
    expect(ids(indexOf([possessiveOnly]), 'Sudan')).toEqual(['darfur-famine']);
  });

  it('treats a hyphen in a name as a space, whichever way the query writes it', () => {
    const index = indexOf([fixture('korea-missile'), fixture('korea-japan-talks')]);
    expect(ids(index, 'Kim Jong Un').sort()).toEqual(['korea-japan-talks', 'korea-missile']);
    expect(ids(index, 'Kim Jong-un').sort()).toEqual(['korea-japan-talks', 'korea-missile']);
  });

  it('scores a plural query word as an exact match for its singular', () => {
    const index = indexOf([fixture('zurich-limmat')]);
    const [singular] = index.search('warning', { now: NOW });
    const [plural] = index.search('warnings', { now: NOW });
    expect(plural?.score).toBeCloseTo(singular!.score);
  });

  it('finds a longer word from its beginning', () => {
    expect(ids(indexOf(), 'Korea')).toContain('korea-japan-talks');
  });

  it('forgives one wrong letter in a longer word', () => {
    expect(ids(indexOf(), 'Khartum')).toEqual(['sudan-ceasefire-collapses']);
  });

  it('returns only articles with every word of the query when enough of them have all the words', () => {
    expect(ids(indexOf(), 'Sudan ceasefire').sort()).toEqual(['darfur-famine', 'sudan-ceasefire-collapses', 'sudan-talks-resume']);
  });

  it('falls back to articles with some of the words when too few have them all', () => {
    expect(ids(indexOf(), 'Khartoum famine').sort()).toEqual(['darfur-famine', 'sudan-ceasefire-collapses']);
  });

  it('ranks every article with any of the words when asked for any word, even when enough have them all', () => {
    const found = ids(indexOf(), 'Sudan ceasefire', { anyWord: true });
    expect(found).toEqual(expect.arrayContaining(['darfur-famine', 'sudan-ceasefire-collapses', 'sudan-talks-resume']));
    expect(found.length).toBeGreaterThan(3);
  });

  it('puts the articles with every word before those with some when it falls back', () => {
    const passingMention = fixture('chad-refugees', {
      publishedAt: '2024-09-10T10:00:00.000Z',
      fetchedAt: '2024-09-10T10:20:00.000Z',
      paragraphs: ['Officials in Jeddah were told that the camps faced famine within weeks.', 'Water is rationed to a few litres a person a day.'],
    });
    const found = ids(indexOf([...ARTICLES.filter((article) => article.id !== 'chad-refugees'), passingMention]), 'Jeddah famine');
    expect(found[0]).toBe('chad-refugees');
    expect(found).toContain('sudan-talks-resume');
  });

  it('leaves out articles dated before the since option', () => {
    expect(ids(indexOf(), 'Sudan', { since: new Date('2024-09-19T00:00:00Z') }).sort()).toEqual(['chad-refugees', 'sudan-ceasefire-collapses']);
  });

  it('keeps to the sources the query names', () => {
    expect(ids(indexOf(), 'Sudan', { sourceLocations: ['https://www.africa-desk.example/rss'] }).sort()).toEqual(['darfur-famine', 'sudan-ceasefire-collapses']);
  });

  it('returns no more than the limit, best first', () => {
    const index = indexOf();
    expect(ids(index, 'Sudan', { limit: 2 })).toEqual(ids(index, 'Sudan').slice(0, 2));
  });

  it('forgets a removed article', () => {
    const index = indexOf();
    index.remove('korea-missile');
    expect(index.has('korea-missile')).toBe(false);
    expect(ids(index, 'missile')).toEqual(['korea-japan-talks']);
  });

  it('finds an article again once it is added back after removal', () => {
    const index = indexOf();
    index.remove('korea-missile');
    index.add(fixture('korea-missile'));
    expect(ids(index, 'cruise')).toEqual(['korea-missile']);
  });

  it('replaces the earlier version of an article added again under the same id', () => {
    const index = indexOf();
    index.add(fixture('korea-missile', { title: 'North Korea fires hypersonic missile into the sea', dek: '', paragraphs: ['The launch was the first of its kind this year.'] }));
    expect(index.size).toBe(ARTICLES.length);
    expect(ids(index, 'hypersonic')).toEqual(['korea-missile']);
    expect(ids(index, 'cruise')).toEqual([]);
  });

  it('does not return an article fetched longer ago than the retention', () => {
    const index = indexOf(ARTICLES, { retentionMs: 7 * DAY });
    expect(ids(index, 'Darfur', { now: new Date('2024-09-24T09:00:00Z') })).not.toContain('darfur-famine');
  });

  it('prunes the articles fetched longer ago than the retention and keeps the rest', () => {
    const index = indexOf(ARTICLES, { retentionMs: 7 * DAY });
    expect(index.prune(new Date('2024-09-24T09:00:00Z'))).toBe(1);
    expect(index.has('darfur-famine')).toBe(false);
    expect(index.has('sudan-talks-resume')).toBe(true);
    expect(index.size).toBe(ARTICLES.length - 1);
  });

  it('GIVEN expired articles whose postings are being cleared WHEN more are added meanwhile THEN it goes on finding them, and none of the expired', async () => {
    // Thousands of made-up words, more than are cleared in one turn of the event loop, many sharing their first
    // letters, so that words dropped from the tree of words and words added to it meet in the same branches.
    let seed = 1;
    const letter = (): string => 'abcdefghijklmnop'[Math.floor(((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647) * 16)]!;
    const word = (): string => Array.from({ length: 4 + (seed % 5) }, letter).join('');
    const dated = (at: Date, id: string, words: string): Article => fixture('korea-missile', { id, title: words, publishedAt: at.toISOString(), fetchedAt: at.toISOString() });
    const index = createSearchIndex({ retentionMs: DAY });
    for (let n = 0; n < 3_000; n += 1) index.add(dated(new Date(NOW.getTime() - 2 * DAY), `old-${n}`, `${word()} ${word()} ${word()} korea`));
    expect(index.prune(NOW)).toBe(3_000);
    for (let n = 0; n < 300; n += 1) index.add(dated(NOW, `new-${n}`, `fresh ${word()} ${word()}`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let n = 300; n < 600; n += 1) index.add(dated(NOW, `new-${n}`, `fresh ${word()} ${word()}`));
    expect(ids(index, 'fresh', { limit: 1_000 })).toHaveLength(600);
    expect(ids(index, 'korea', { limit: 5_000 }).filter((id) => id.startsWith('old-'))).toEqual([]);
  });

  it('GIVEN most of an index expired and its postings cleared WHEN new articles are added in their places THEN each is found by its own words, dates and source alone', async () => {
    const index = indexOf(ARTICLES, { retentionMs: 30 * DAY });
    const longAgo = new Date(NOW.getTime() - 40 * DAY).toISOString();
    for (let n = 0; n < 1_500; n += 1) index.add(fixture('darfur-famine', { id: `expired-${n}`, publishedAt: longAgo, fetchedAt: longAgo }));
    expect(index.prune(NOW)).toBe(1_500);
    for (let turn = 0; turn < 50; turn += 1) await setImmediate();
    const lately = new Date(NOW.getTime() - DAY).toISOString();
    for (let n = 0; n < 1_500; n += 1) {
      index.add(fixture('korea-missile', { id: `later-${n}`, publishedAt: lately, fetchedAt: lately, source: { kind: 'feed', location: 'https://later.example/rss' } }));
    }
    expect(ids(index, 'Darfur famine', { limit: 5_000 }).filter((id) => id.startsWith('expired-') || id.startsWith('later-'))).toEqual([]);
    expect(ids(index, 'Korea', { limit: 5_000, sourceLocations: ['https://later.example/rss'] })).toHaveLength(1_500);
    expect(ids(index, 'Sudan', { since: new Date('2024-09-19T00:00:00Z') }).sort()).toEqual(['chad-refugees', 'sudan-ceasefire-collapses']);
    expect(ids(index, 'Sudan', { sourceLocations: ['https://www.africa-desk.example/rss'] }).sort()).toEqual(['darfur-famine', 'sudan-ceasefire-collapses']);
  });

  it('finds nothing for a query made only of common words', () => {
    expect(ids(indexOf(), 'the of and')).toEqual([]);
  });
});
