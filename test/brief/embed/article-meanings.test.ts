import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMeanings } from '../../../src/brief/embed/open-meanings.ts';
import { meaningCosine } from '../../../src/brief/embed/dense-vector.ts';
import { loadConfig } from '../../../src/config/load-config.ts';
import { buildArticle } from '../../../src/ingest/build-article.ts';
import type { Article } from '../../../src/model/article.ts';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../../support/fake-openai-server.ts';
import { describeEachEngine, engineOpener } from '../../support/store-engines.ts';
import type { StoreEngine } from '../../../src/store/store-engine.ts';

let server: FakeOpenAiServer;
beforeEach(async () => {
  server = await startFakeOpenAiServer();
});
afterEach(() => server.close());

function article(title: string, text: string): Article {
  return buildArticle(
    { title, paragraphs: [text], alsoRead: [], url: `https://example.test/${encodeURIComponent(title)}` },
    { source: { kind: 'site', location: 'https://example.test/' }, fetchedAt: new Date('2026-11-30T10:00:00Z') },
  );
}

const ARTICLES = [
  article('Dam inspection finds cracks', 'Engineers found cracks in the Valley dam spillway on Tuesday.'),
  article('Ferry crews end strike', 'Ferry crews accepted the pay deal and services resume on Monday.'),
  article('Council approves budget', 'The council approved a budget raising school spending by ten percent.'),
];

async function meaningsOver(engine: StoreEngine, env: NodeJS.ProcessEnv = {}, batchSize = 64, maxCallsPerHour = 600) {
  const full = { OPENAI_BASE_URL: server.baseURL, OPENAI_EMBEDDINGS_MODEL: 'nomic-embed-text', ...env };
  const config = await loadConfig(full);
  const logger = { warn: vi.fn() };
  const meanings = await openMeanings({ ...config, embeddings: { ...config.embeddings, batchSize, maxCallsPerHour } }, full, { store: engine.embeddings, now: () => Date.now(), logger: logger as never });
  return { meanings: meanings!, logger };
}

describe('openMeanings', () => {
  it('is off unless a model is named, so Herald compares words alone by default', async () => {
    expect(await openMeanings(await loadConfig({}), { OPENAI_BASE_URL: server.baseURL }, { store: { get: async () => new Map(), set: async () => {} }, now: Date.now })).toBeUndefined();
  });

  it('refuses a model with no server to ask, in one line', async () => {
    const env = { OPENAI_EMBEDDINGS_MODEL: 'nomic-embed-text' };
    await expect(openMeanings(await loadConfig(env), env, { store: { get: async () => new Map(), set: async () => {} }, now: Date.now })).rejects.toThrow('OPENAI_EMBEDDINGS_MODEL needs a server');
  });
});

describeEachEngine('article meanings', (engine) => {
  const opener = engineOpener(engine);
  afterAll(() => opener.closeAll());

  it('embeds each article once, in batches, and finds them in the store the next time, in any process', async () => {
    const store = await opener.fresh();
    const { meanings } = await meaningsOver(store, {}, 2);

    const first = await meanings.of(ARTICLES);
    expect(server.embeddingRequests.map((request) => request.input.length)).toEqual([2, 1]);
    expect(server.embeddingRequests[0]!.model).toBe('nomic-embed-text');

    const again = await (await meaningsOver(await opener.reopen(opener.lastLocation()))).meanings.of(ARTICLES);
    expect(server.embeddingRequests).toHaveLength(2);
    for (const each of ARTICLES) expect(meaningCosine(again.get(each.id)!, first.get(each.id)!)).toBeCloseTo(1, 5);
  });

  it('puts each embedding with its own article, whatever order the server lists them in', async () => {
    const { meanings } = await meaningsOver(await opener.fresh());
    const found = await meanings.of(ARTICLES);
    const ferry = found.get(ARTICLES[1]!.id)!;
    expect(meaningCosine(ferry, found.get(ARTICLES[1]!.id)!)).toBeCloseTo(1, 5);
    expect(meaningCosine(ferry, found.get(ARTICLES[0]!.id)!)).toBeLessThan(0.9);
  });

  it('embeds again for another model, since vectors of two models cannot be compared', async () => {
    const store = await opener.fresh();
    await (await meaningsOver(store)).meanings.of(ARTICLES);
    await (await meaningsOver(store, { OPENAI_EMBEDDINGS_MODEL: 'text-embedding-3-small' })).meanings.of(ARTICLES);
    expect(server.embeddingRequests.map((request) => request.model)).toEqual(['nomic-embed-text', 'text-embedding-3-small']);
  });

  it('leaves articles out when the server fails, logs it, and embeds them on a later call', async () => {
    const { meanings, logger } = await meaningsOver(await opener.fresh());
    server.failEmbeddings(500);

    expect((await meanings.of(ARTICLES)).size).toBe(0);
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), 'embeddings failed; comparing articles by their words');

    expect((await meanings.of(ARTICLES)).size).toBe(3);
  });

  it('stops at the hourly cap of requests and compares the rest by their words', async () => {
    const { meanings, logger } = await meaningsOver(await opener.fresh(), {}, 2, 1);

    expect((await meanings.of(ARTICLES)).size).toBe(2);
    expect(server.embeddingRequests).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith({ model: 'nomic-embed-text', left: 1 }, 'embedding cap reached for this hour; comparing the rest by their words');
  });
});
