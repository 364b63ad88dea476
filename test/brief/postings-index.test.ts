import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { createPostingsIndex, type PostedArticle, type PostingsIndex, type PostingsSearch } from '../../src/brief/search/postings-index.ts';
import { searchTerm, tokenize } from '../../src/brief/search/search-terms.ts';
import type { Article } from '../../src/model/article.ts';

const ARTICLES = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];
const FIELDS = ['title', 'dek', 'topics', 'body'] as const;
const BOOST = { title: 3, dek: 1.5, topics: 2.5, body: 1 };
const EVERYTHING: PostingsSearch = { combineWith: 'OR', datedFrom: -Infinity, fetchedFrom: -Infinity };

const textOf = (article: Article) => ({
  id: article.id,
  title: article.title,
  dek: article.dek ?? '',
  topics: article.topics.join(' | '),
  body: article.paragraphs.join('\n'),
});

function posted(article: Article): PostedArticle {
  const text = textOf(article);
  return { id: article.id, fields: FIELDS.map((field) => text[field]), datedAt: 0, fetchedAt: 0, source: article.source.location };
}

function postingsOf(articles: Article[], compactBatch?: number): PostingsIndex {
  const index = createPostingsIndex({
    ...(compactBatch ? { compactBatch } : {}),
    boosts: FIELDS.map((field) => BOOST[field]),
    tokenize,
    term: searchTerm,
    prefix: (term) => term.length >= 4,
    typos: (term) => (term.length >= 6 ? 1 : 0),
  });
  for (const article of articles) index.add(posted(article));
  return index;
}

/** The fixtures again under other ids, each with a word of its own, `count` of them. */
const copies = (count: number, prefix: string): Article[] =>
  Array.from({ length: count }, (_, n) => {
    const article = ARTICLES[n % ARTICLES.length]!;
    return { ...article, id: `${prefix}-${n}`, title: `${article.title} ${prefix}${n % 50}` };
  });

/** Turns of the event loop enough to clear a few thousand articles' postings, a few hundred words a turn. */
async function cleared(): Promise<void> {
  for (let turn = 0; turn < 200; turn += 1) await setImmediate();
}

const scores = (index: PostingsIndex, query: string, options: PostingsSearch = EVERYTHING): Record<string, number> =>
  Object.fromEntries(index.search(query, options).map((match) => [match.id, match.score]));

/** The index finds the articles MiniSearch finds, configured as search-index.ts was for it, with the same scores. */
function expectMiniSearchScores(articles: Article[], query: string, combineWith: 'AND' | 'OR'): void {
  const miniSearch = new MiniSearch({
    fields: [...FIELDS],
    tokenize,
    processTerm: searchTerm,
    searchOptions: { boost: BOOST, prefix: (term: string) => term.length >= 4, fuzzy: (term: string) => (term.length >= 6 ? 1 : false) },
  });
  miniSearch.addAll(articles.map(textOf));
  const expected = Object.fromEntries<number>(miniSearch.search(query, { combineWith }).map((result) => [result.id, result.score]));
  const actual = scores(postingsOf(articles), query, { ...EVERYTHING, combineWith });
  expect(Object.keys(expected).length).toBeGreaterThan(0);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [id, score] of Object.entries(expected)) expect(actual[id]).toBeCloseTo(score, 10);
}

describe('postings index', () => {
  it.each([
    ['Korea missile', 'AND'],
    ['Korea missile', 'OR'],
    ['Sudan ceasefire talks', 'OR'],
    ['Zurich floods', 'OR'],
    ['glacers', 'OR'],
    ['Kim Jong-un', 'AND'],
  ] as const)('scores "%s" (%s) as MiniSearch does, with the prefix and one-typo variants at its weights', (query, combineWith) => {
    expectMiniSearchScores(ARTICLES, query, combineWith);
  });

  it.each([
    ['Korea missile', 'AND'],
    ['glaci', 'OR'],
    ['Sudan fighting', 'OR'],
  ] as const)('scores "%s" (%s) as MiniSearch does over more articles than its first arrays hold', (query, combineWith) => {
    expectMiniSearchScores(copies(1_500, 'copy'), query, combineWith);
  });

  it('refuses an index of no field or of more than four, and an article with another number of fields', () => {
    const options = { tokenize, term: searchTerm, prefix: () => false, typos: () => 0 };
    expect(() => createPostingsIndex({ ...options, boosts: [] })).toThrow('postings index: 1 to 4 fields, not 0');
    expect(() => createPostingsIndex({ ...options, boosts: [1, 1, 1, 1, 1] })).toThrow('postings index: 1 to 4 fields, not 5');
    expect(() => createPostingsIndex({ ...options, boosts: [1] })).not.toThrow();
    const index = createPostingsIndex({ ...options, boosts: [1, 1] });
    expect(() => index.add({ id: 'a', fields: ['one'], datedAt: 0, fetchedAt: 0, source: 's' })).toThrow('postings index: 2 fields, not 1');
  });

  describe('clearing forgotten postings', () => {
    it('GIVEN a thousand articles forgotten, a tenth of the index, WHEN the loop turns THEN their postings are cleared, a batch of words a turn', async () => {
      const index = postingsOf(copies(10_000, 'kept'), 10);
      for (let n = 0; n < 1_000; n += 1) index.discard(`kept-${n}`);
      expect(index.forgotten).toBe(1_000);
      await setImmediate();
      expect(index.forgotten).toBe(1_000);
      await cleared();
      expect(index.forgotten).toBe(0);
    });

    it.each([
      ['fewer than a thousand', 999, 1_000],
      ['just under a tenth of the index', 1_150, 11_600],
    ])('GIVEN %s forgotten WHEN the loop turns THEN their postings stay for later', async (_, forgotten, indexed) => {
      const index = postingsOf(copies(indexed, 'kept'));
      for (let n = 0; n < forgotten; n += 1) index.discard(`kept-${n}`);
      await cleared();
      expect(index.forgotten).toBe(forgotten);
    });

    it('GIVEN a clearing done that dropped words no article has any longer WHEN as many again are forgotten THEN those are cleared too', async () => {
      const gone = copies(1_000, 'gone');
      const index = postingsOf([...gone, ...copies(5_000, 'kept')]);
      for (const article of gone) index.discard(article.id);
      await cleared();
      expect(index.forgotten).toBe(0);
      for (let n = 1_000; n < 2_000; n += 1) index.discard(`kept-${n}`);
      await cleared();
      expect(index.forgotten).toBe(0);
    });

    it('GIVEN forgotten articles listed before the kept ones WHEN their postings are cleared THEN the kept score as in an index that never had them', async () => {
      const forgotten = copies(1_000, 'gone');
      const kept = copies(1_100, 'kept');
      const index = postingsOf([...forgotten, ...kept]);
      for (const article of forgotten) index.discard(article.id);
      await cleared();
      expect(index.forgotten).toBe(0);
      const fresh = postingsOf(kept);
      for (const query of ['Korea missile', 'Sudan', 'glaciers']) {
        const expected = scores(fresh, query);
        const actual = scores(index, query);
        expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
        for (const [id, score] of Object.entries(expected)) expect(actual[id]).toBeCloseTo(score, 10);
      }
    });
  });

  it('GIVEN an article forgotten WHEN searched THEN it counts neither in its words weight nor in the average length of a field', () => {
    const kept = ARTICLES.filter((article) => article.id !== 'korea-japan-talks');
    const forgetting = postingsOf(ARTICLES);
    forgetting.discard('korea-japan-talks');
    expect(scores(forgetting, 'Korea missile')).toEqual(scores(postingsOf(kept), 'Korea missile'));
  });

  it('GIVEN a word written more than 127 times in a headline WHEN searched THEN it counts 127 times there and never in the next field', () => {
    const article = ARTICLES.find((each) => each.id === 'zurich-limmat')!;
    const repeated = (times: number): Article => ({ ...article, id: `limmat-${times}`, title: Array(times).fill('Limmat').join(' '), dek: '' });
    const index = postingsOf([repeated(127), repeated(300)]);
    const found = scores(index, 'Limmat');
    expect(found['limmat-300']).toBeCloseTo(found['limmat-127']!, 10);
    expect(scores(index, 'Limmat', { ...EVERYTHING, combineWith: 'AND' })).toEqual(found);
  });

  it('keeps to the dates, fetch times and sources a search names', () => {
    const index = postingsOf([]);
    const at = (id: string, datedAt: number, fetchedAt: number, source: string): PostedArticle => ({ id, fields: ['Sudan talks', '', '', ''], datedAt, fetchedAt, source });
    index.add(at('old', 10, 10, 'a'));
    index.add(at('fetched-long-ago', 50, 5, 'a'));
    index.add(at('new', 50, 50, 'a'));
    index.add(at('elsewhere', 50, 50, 'b'));
    index.add(at('on-the-edge', 20, 8, 'a'));
    const found = index.search('Sudan', { combineWith: 'AND', datedFrom: 20, fetchedFrom: 8, sources: new Set(['a']) });
    expect(found.map((match) => match.id).sort()).toEqual(['new', 'on-the-edge']);
    expect(index.search('Sudan', { ...EVERYTHING, sources: new Set(['nowhere']) })).toEqual([]);
    expect(index.fetchedBefore(10).sort()).toEqual(['fetched-long-ago', 'on-the-edge']);
  });
});
