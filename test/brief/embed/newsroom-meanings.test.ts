import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openMeanings } from '../../../src/brief/embed/open-meanings.ts';
import { Newsroom } from '../../../src/brief/newsroom.ts';
import { createExtractiveSummarizer } from '../../../src/brief/summarize/extractive-summarizer.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { buildArticle } from '../../../src/ingest/build-article.ts';
import type { Article, ArticleDraft, ArticleSource } from '../../../src/model/article.ts';
import type { StoreEngine } from '../../../src/store/store-engine.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { describeEachEngine, engineOpener } from '../../support/store-engines.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/brief/meanings');
const NOW = new Date('2026-11-30T12:00:00Z');

function fixture(name: string): Article {
  const { draft, source, fetchedAt } = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as { draft: ArticleDraft; source: ArticleSource; fetchedAt: string };
  return buildArticle(draft, { source, fetchedAt: new Date(fetchedAt) });
}

/** A model that reads the flood in either report's words, and the library and its reading rooms as one subject. */
function floodModel(text: string): number[] {
  if (/surge|seawater|flood/i.test(text)) return [1, 0.1, 0];
  if (/library|reading room|books/i.test(text)) return [0, 1, 0.1];
  return [0.1, 0, 1];
}

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
  server.embedWith(floodModel);
});
afterEach(() => server.close());

describeEachEngine('a newsroom with embeddings', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  async function newsroomWith(articles: string[], env: NodeJS.ProcessEnv = { OPENAI_BASE_URL: server.baseURL, OPENAI_EMBEDDINGS_MODEL: 'nomic-embed-text' }): Promise<{ newsroom: Newsroom; store: StoreEngine }> {
    const store = await stores.fresh({ now: () => NOW });
    for (const name of articles) await store.articles.add(fixture(name));
    const meanings = await openMeanings(await loadConfig(env), env, { store: store.embeddings, now: () => NOW.getTime() });
    return { newsroom: new Newsroom({ catalog: store.catalog, summarizer: createExtractiveSummarizer(), now: () => NOW, ...(meanings ? { meanings } : {}) }), store };
  }

  it('tells two differently worded reports of one event as one story in a digest', async () => {
    const { newsroom } = await newsroomWith(['coastline-surge', 'harbour-evacuation']);
    const digest = await newsroom.digest({ limit: 5 });
    expect(digest.items.map((item) => item.articleIds.length)).toEqual([2]);
  });

  it('tells them apart, as on words alone, when the embeddings server fails', async () => {
    server.failEmbeddings(503);
    const { newsroom } = await newsroomWith(['coastline-surge', 'harbour-evacuation']);
    expect((await newsroom.digest({ limit: 5 })).items).toHaveLength(2);
  });

  it('tells them apart without an embeddings model, the default', async () => {
    const { newsroom } = await newsroomWith(['coastline-surge', 'harbour-evacuation'], { OPENAI_BASE_URL: server.baseURL });
    expect((await newsroom.digest({ limit: 5 })).items).toHaveLength(2);
    expect(server.embeddingRequests).toEqual([]);
  });

  it('ranks the search hit whose meaning is closest to the question first', async () => {
    const { newsroom } = await newsroomWith(['coastline-surge', 'harbourton-library']);
    const lexical = await (await newsroomWith(['coastline-surge', 'harbourton-library'], {})).newsroom.search('Ana Ruiz orders books', { limit: 5 });
    const ranked = await newsroom.search('Ana Ruiz orders books', { limit: 5 });
    expect(lexical.map((hit) => hit.url)).toEqual(['https://coastline.example/tide', 'https://coastline.example/library']);
    expect(ranked[0]!.url).toBe('https://coastline.example/library');
  });
});
