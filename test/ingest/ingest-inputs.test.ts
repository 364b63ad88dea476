import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHttpFetcher } from '../../src/ingest/fetch/http-fetcher.ts';
import { ingestInputs } from '../../src/ingest/ingest-inputs.ts';
import type { Article } from '../../src/model/article.ts';
import { createKeyvArticleRepository } from '../../src/store/article-repository.ts';
import { openStore } from '../../src/store/open-store.ts';

const SEED = path.resolve(import.meta.dirname, '../fixtures/text/seed-article.txt');

describe('ingestInputs', () => {
  it('tells its caller of each new article, and not of duplicates', async () => {
    const store = await openStore('memory:');
    const repository = createKeyvArticleRepository(store, { retentionMs: 86_400_000 });
    const told: Article[] = [];
    const deps = { fetcher: createHttpFetcher(), repository, now: () => new Date('2024-09-12T09:00:00Z'), completeSnippets: false, concurrency: 1, onNew: (article: Article) => told.push(article) };
    await ingestInputs([SEED, SEED], deps);
    await ingestInputs([SEED], deps);
    await store.close();
    expect(told.map((article) => article.title)).toEqual(['Kim Jong Un to Meet Putin, North Korean Leader’s Armored Train Heads to Russia: Reports']);
  });
});
