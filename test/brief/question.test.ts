import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatherEvidence } from '../../src/brief/answer/evidence.ts';
import { questionTerms, readQuestion, searchQuery } from '../../src/brief/answer/question.ts';
import { rankPassages } from '../../src/brief/answer/rank-passages.ts';
import type { Article } from '../../src/model/article.ts';

const STORE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];

describe('reading a question', () => {
  it('searches for what it is about, not for the words that make it a question', () => {
    expect(searchQuery(readQuestion('What’s the latest news on the floods in Zürich? What happened?'))).toBe('floods zurich');
  });

  it('reads its words in the reader’s language', () => {
    expect(searchQuery(readQuestion('Qu’a décidé le conseil municipal sur les écoles ?', 'fr'))).toBe('decide conseil municipal ecoles');
  });

  it('stems its words as the article’s language does, so that a plural meets a singular', () => {
    expect(questionTerms(readQuestion('Which schools will the budget pay for?'), 'en')).toEqual(questionTerms(readQuestion('school budget pays'), 'en'));
    expect(questionTerms(readQuestion('écoles financées', 'fr'), 'fr')).toEqual(questionTerms(readQuestion('école financée', 'fr'), 'fr'));
  });

  it('reads an article of unknown language in the reader’s language', () => {
    const question = readQuestion('écoles financées', 'fr');
    expect(questionTerms(question, undefined)).toEqual(questionTerms(question, 'fr'));
  });
});

describe('gathering the evidence a model answers from', () => {
  const evidence = gatherEvidence(rankPassages(readQuestion('Sudan ceasefire'), STORE), { articles: 2, perArticle: 3 });

  it('numbers the best articles from 1, at most as many as asked', () => {
    expect(evidence.map((item) => item.number)).toEqual([1, 2]);
    expect(evidence[0]?.article.id).toBe('sudan-ceasefire-collapses');
  });

  it('gives each article’s sentences in the order the article tells them', () => {
    for (const item of evidence) expect(item.sentences).toEqual(item.article.paragraphs.filter((paragraph) => item.sentences.includes(paragraph)));
  });
});
