import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickPassages } from '../../src/brief/answer/pick-passages.ts';
import type { Passage } from '../../src/brief/answer/rank-passages.ts';
import { allWords } from '../../src/brief/cluster/tokenize.ts';
import type { Article } from '../../src/model/article.ts';

const STORE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];

/** The article's paragraph `position` (one sentence each in these fixtures), ranked with `score`. */
function passage(id: string, position: number, score: number, override: Partial<Article> = {}): Passage {
  const article = { ...STORE.find((candidate) => candidate.id === id)!, ...override };
  const text = article.paragraphs[position]!;
  return { article, articleRank: 0, text, position, terms: new Set(allWords(text)), relevance: score, score };
}

const ids = (passages: Passage[]): string[] => passages.map((picked) => `${picked.article.id}#${picked.position}`);

describe('picking the passages of an answer', () => {
  const ranked = [passage('sudan-ceasefire-collapses', 0, 0.9), passage('sudan-ceasefire-collapses', 1, 0.8), passage('sudan-talks-resume', 1, 0.6), passage('darfur-famine', 1, 0.55)];

  it('takes one sentence from each article before a second from any', () => {
    expect(ids(pickPassages(ranked, { limit: 3, perArticle: 2 }))).toEqual(['sudan-ceasefire-collapses#0', 'sudan-talks-resume#1', 'darfur-famine#1']);
  });

  it('takes a second sentence of an article once every article has given one, best first', () => {
    expect(ids(pickPassages(ranked, { limit: 4, perArticle: 2 }))).toEqual(['sudan-ceasefire-collapses#0', 'sudan-ceasefire-collapses#1', 'sudan-talks-resume#1', 'darfur-famine#1']);
  });

  it('never takes more than the limit per article', () => {
    expect(ids(pickPassages(ranked, { limit: 10, perArticle: 1 }))).toEqual(['sudan-ceasefire-collapses#0', 'sudan-talks-resume#1', 'darfur-famine#1']);
  });

  it('cites another site for the sentence it repeats rather than quoting it again', () => {
    const copy = passage('sudan-ceasefire-collapses', 0, 0.85, { id: 'wire-copy' });
    const [first, ...rest] = pickPassages([ranked[0]!, copy, ranked[2]!], { limit: 4, perArticle: 2 });
    expect(first?.sources.map((source) => source.id)).toEqual(['sudan-ceasefire-collapses', 'wire-copy']);
    expect(ids(rest)).toEqual(['sudan-talks-resume#1']);
  });
});
