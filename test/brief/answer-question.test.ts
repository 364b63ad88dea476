import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/brief/answer/answer.ts';
import { answerQuestion, type AnswerWriter } from '../../src/brief/answer/answer-question.ts';
import type { Evidence } from '../../src/brief/answer/evidence.ts';
import { readQuestion } from '../../src/brief/answer/question.ts';
import { RELEVANCE_FLOOR, rankPassages } from '../../src/brief/answer/rank-passages.ts';
import { buildArticle } from '../../src/ingest/build-article.ts';
import type { Article, ArticleDraft } from '../../src/model/article.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/brief');
const STORE = JSON.parse(readFileSync(path.join(fixtures, 'search/articles.json'), 'utf8')) as Article[];

function article(id: string): Article {
  const found = STORE.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fixture article ${id}`);
  return found;
}

function draftArticle(file: string): Article {
  const draft = JSON.parse(readFileSync(path.join(fixtures, file), 'utf8')) as ArticleDraft;
  return buildArticle(draft, { source: { kind: 'feed', location: 'https://nouvelles.example/feed.xml' }, fetchedAt: new Date('2024-03-05T08:00:00Z') });
}

async function answer(question: string, articles: Article[] = STORE, options: { language?: string; writer?: AnswerWriter } = {}): Promise<Answer> {
  return answerQuestion(readQuestion(question, options.language), articles, options.writer);
}

function found(result: Answer): Extract<Answer, { found: true }> {
  if (!result.found) throw new Error(`nothing found for "${result.question}"`);
  return result;
}

describe('answering a question from stored articles, without a model', () => {
  it('quotes the sentence that answers it, citing the article by number with its publisher, date and link', async () => {
    const result = found(await answer('Why were thousands evacuated in the Netherlands?'));
    expect(result.method).toBe('extractive');
    expect(result.sentences[0]).toEqual({
      text: 'Thousands of people were evacuated from towns in the southern Netherlands after days of heavy rain caused the Meuse and its tributaries to burst their banks.',
      citations: [1],
    });
    expect(result.sources[0]).toEqual({
      number: 1,
      title: 'Thousands evacuated as the Meuse bursts its banks',
      publisher: 'Example News',
      url: 'https://www.example-news.com/europe/netherlands-meuse-flood',
      publishedAt: '2024-09-20T06:00:00.000Z',
    });
  });

  it('draws on several articles before quoting a second sentence of any, numbering sources in the order they are cited', async () => {
    const result = found(await answer('What is happening with the Sudan ceasefire?'));
    const cited = result.sentences.map((sentence) => sentence.citations[0]);
    expect(new Set(cited).size).toBeGreaterThan(1);
    expect(result.sources.map((source) => source.number)).toEqual(result.sources.map((_, index) => index + 1));
    expect(result.sentences[0]?.text).toMatch(/ceasefire/i);
  });

  it('quotes at most four sentences', async () => {
    expect(found(await answer('Sudan')).sentences.length).toBeLessThanOrEqual(4);
  });

  it('cites both sites once for a sentence two of them carry, instead of quoting it twice', async () => {
    const copy = { ...article('netherlands-flood'), id: 'wire-copy', url: 'https://wire.example/meuse', source: { kind: 'feed' as const, location: 'https://wire.example/rss', name: 'Wire' } };
    const result = found(await answer('Why were thousands evacuated in the Netherlands?', [article('netherlands-flood'), copy]));
    expect(result.sentences.filter((sentence) => sentence.text.startsWith('Thousands of people were evacuated'))).toEqual([
      expect.objectContaining({ citations: [1, 2] }),
    ]);
  });

  it('compares words in the article’s language, so "financerait" answers "finance" and "écoles" answers "école"', async () => {
    const result = found(await answer('Que finance la hausse pour chaque école ?', [draftArticle('llm/conseil-budget-fr.json')], { language: 'fr' }));
    expect(result.sentences[0]?.text).toContain('quarante nouveaux enseignants');
  });
});

describe('the relevance floor', () => {
  it.each([
    ['a subject the store never mentions', 'Who won the Olympic swimming final?'],
    ['a question that shares one of its two words with the store', 'Was there an earthquake in Seoul?'],
    ['a place the store names only in a headline', 'What is the weather forecast for Tokyo?'],
  ])('finds nothing for %s, though the store holds other news', async (_case, question) => {
    expect(await answer(question)).toEqual({ question, found: false });
  });

  it('answers a question whose words the store holds together', async () => {
    const result = found(await answer('What did South Korea and Japan agree about missile warnings?'));
    expect(result.sentences[0]?.text).toContain('exchange missile warning data in real time');
  });

  it('keeps only sentences holding at least half the weight of the question', () => {
    const passages = rankPassages(readQuestion('Was there an earthquake in Seoul?'), STORE);
    expect(passages).toEqual([]);
    const partial = rankPassages(readQuestion('Seoul missile'), STORE);
    expect(partial.length).toBeGreaterThan(0);
    for (const passage of partial) expect(passage.relevance).toBeGreaterThanOrEqual(RELEVANCE_FLOOR);
  });
});

describe('answering a question with a model', () => {
  const writer = (reply: (evidence: Evidence[]) => Array<{ text: string; citations: number[] }> | undefined): AnswerWriter & { asked: number } => {
    const spy = {
      model: 'fake-model',
      asked: 0,
      async write(_question: unknown, evidence: Evidence[]) {
        spy.asked += 1;
        return reply(evidence);
      },
    };
    return spy;
  };

  it('returns the written sentences with the articles they cite, numbered as cited', async () => {
    const result = found(
      await answer('What is happening with the Sudan ceasefire?', STORE, {
        writer: writer((evidence) => [
          { text: evidence[1]!.sentences[0]!, citations: [2] },
          { text: evidence[0]!.sentences[0]!, citations: [1, 2] },
        ]),
      }),
    );
    expect(result).toMatchObject({ method: 'llm', model: 'fake-model' });
    expect(result.sentences.map((sentence) => sentence.citations)).toEqual([[1], [2, 1]]);
    expect(result.sources).toHaveLength(2);
  });

  it('drops a written sentence whose names or figures the article it cites does not hold', async () => {
    const result = found(
      await answer('What is happening with the Sudan ceasefire?', STORE, {
        writer: writer((evidence) => [
          { text: evidence[0]!.sentences[0]!, citations: [1] },
          { text: 'Peacekeepers will arrive in Tokyo on Friday.', citations: [1] },
          { text: 'More than 9,000 people were killed.', citations: [1] },
        ]),
      }),
    );
    expect(result.sentences).toHaveLength(1);
  });

  it('quotes the passages instead when the model gives nothing usable', async () => {
    const result = found(await answer('Why were thousands evacuated in the Netherlands?', STORE, { writer: writer(() => undefined) }));
    expect(result.method).toBe('extractive');
    expect(result.sentences[0]?.text).toContain('Meuse');
  });

  it('never asks the model when nothing stored is relevant', async () => {
    const silent = writer(() => [{ text: 'Someone won.', citations: [1] }]);
    expect(await answer('Who won the Olympic swimming final?', STORE, { writer: silent })).toMatchObject({ found: false });
    expect(silent.asked).toBe(0);
  });
});
