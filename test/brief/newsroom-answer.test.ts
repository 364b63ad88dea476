import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { Newsroom } from '../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../src/brief/summarize/extractive-summarizer.ts';
import type { Article } from '../../src/model/article.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

const STORE = JSON.parse(readFileSync(path.join(import.meta.dirname, '../fixtures/brief/search/articles.json'), 'utf8')) as Article[];
const NOW = new Date('2024-09-20T12:00:00Z');
const EUROPE = 'https://www.example-news.com/rss/europe.xml';

describeEachEngine('Newsroom answering a question', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  async function newsroom(): Promise<Newsroom> {
    const store = await stores.fresh({ now: () => NOW });
    for (const article of STORE) await store.articles.add({ ...article, fetchedAt: NOW.toISOString() });
    return new Newsroom({ catalog: store.catalog, summarizer: createExtractiveSummarizer(), now: () => NOW });
  }

  it('answers from the articles its search finds, citing them', async () => {
    const answer = await (await newsroom()).answer('Why were thousands evacuated in the Netherlands?', {});
    expect(answer).toMatchObject({ found: true, method: 'extractive', sources: [{ number: 1, publisher: 'Example News', title: 'Thousands evacuated as the Meuse bursts its banks' }] });
  });

  it('answers from the scope’s sources only', async () => {
    const room = await newsroom();
    const question = 'What did South Korea and Japan agree about missile warnings?';
    expect(await room.answer(question, { sourceLocations: ['https://www.asia-wire.example/feed'] })).toMatchObject({ found: true });
    expect(await room.answer(question, { sourceLocations: [EUROPE] })).toEqual({ question, found: false });
  });

  it('finds nothing for a question the store holds nothing about', async () => {
    expect(await (await newsroom()).answer('Who won the Olympic swimming final?', {})).toMatchObject({ found: false });
  });

  it('refuses a question with nothing to look for', async () => {
    await expect((await newsroom()).answer('What is happening?', {})).rejects.toThrow('Ask about something in the news');
  });
});
