import { readFileSync } from 'node:fs';
import path from 'node:path';
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

function postingsOf(articles: Article[]): PostingsIndex {
  const index = createPostingsIndex({
    boosts: FIELDS.map((field) => BOOST[field]),
    tokenize,
    term: searchTerm,
    prefix: (term) => term.length >= 4,
    typos: (term) => (term.length >= 6 ? 1 : 0),
  });
  for (const article of articles) index.add(posted(article));
  return index;
}

const scores = (index: PostingsIndex, query: string, options: PostingsSearch = EVERYTHING): Record<string, number> =>
  Object.fromEntries(index.search(query, options).map((match) => [match.id, match.score]));

describe('postings index', () => {
  it.each([
    ['Korea missile', 'AND'],
    ['Korea missile', 'OR'],
    ['Sudan ceasefire talks', 'OR'],
    ['Zurich floods', 'OR'],
    ['glacers', 'OR'],
    ['Kim Jong-un', 'AND'],
  ] as const)('scores "%s" (%s) as MiniSearch does, with the prefix and one-typo variants at its weights', (query, combineWith) => {
    const miniSearch = new MiniSearch({
      fields: [...FIELDS],
      tokenize,
      processTerm: searchTerm,
      searchOptions: { boost: BOOST, prefix: (term: string) => term.length >= 4, fuzzy: (term: string) => (term.length >= 6 ? 1 : false) },
    });
    miniSearch.addAll(ARTICLES.map(textOf));
    const expected = Object.fromEntries<number>(miniSearch.search(query, { combineWith }).map((result) => [result.id, result.score]));
    const actual = scores(postingsOf(ARTICLES), query, { ...EVERYTHING, combineWith });
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(Object.keys(expected).length).toBeGreaterThan(0);
    for (const [id, score] of Object.entries(expected)) expect(actual[id]).toBeCloseTo(score, 10);
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
    const found = index.search('Sudan', { combineWith: 'AND', datedFrom: 20, fetchedFrom: 8, sources: new Set(['a']) });
    expect(found.map((match) => match.id)).toEqual(['new']);
  });
});
