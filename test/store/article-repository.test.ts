import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { createKeyvArticleRepository, type ArticleRepository } from '../../src/store/article-repository.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { describeEachEngine, engineOpener } from '../support/store-engines.ts';

const DAY = 24 * 60 * 60 * 1000;

function article(overrides: Partial<Article> = {}): Article {
  return {
    id: 'a1',
    url: overrides.canonicalUrl ?? 'https://example.com/a?utm_source=x',
    canonicalUrl: 'https://example.com/a',
    title: 'A headline',
    fetchedAt: '2024-09-10T08:00:00.000Z',
    paragraphs: ['First paragraph.'],
    alsoRead: [],
    topics: [],
    source: { kind: 'feed', location: 'https://example.com/feed.xml' },
    contentHash: 'hash-a',
    ...overrides,
  };
}

const opened: Store[] = [];
const folders: string[] = [];

async function sqliteStore(folder?: string): Promise<{ store: Store; folder: string }> {
  const dir = folder ?? (await mkdtemp(path.join(tmpdir(), 'herald-store-')));
  if (!folder) folders.push(dir);
  const store = await openStore(`sqlite://${path.join(dir, 'nested', 'herald.sqlite')}`);
  opened.push(store);
  return { store, folder: dir };
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await Promise.all(folders.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describeEachEngine('article repository', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());
  const fresh = async (): Promise<ArticleRepository> => (await stores.fresh()).articles;

  it('stores a new article and reads it back', async () => {
    const repository = await fresh();
    expect(await repository.add(article())).toEqual({ status: 'new', id: 'a1' });
    expect(await repository.get('a1')).toMatchObject({ title: 'A headline', paragraphs: ['First paragraph.'] });
  });

  it('recognises the same canonical URL under another id as a duplicate', async () => {
    const repository = await fresh();
    await repository.add(article());
    expect(await repository.add(article({ id: 'a2', contentHash: 'other' }))).toEqual({ status: 'duplicate', id: 'a1' });
  });

  it('recognises the same feed guid as a duplicate even when the link changed', async () => {
    const repository = await fresh();
    await repository.add(article({ guid: 'post-17' }));
    const moved = article({ id: 'a2', guid: 'post-17', canonicalUrl: 'https://example.com/a-renamed', contentHash: 'edited' });
    expect(await repository.add(moved)).toEqual({ status: 'duplicate', id: 'a1' });
  });

  it('does not confuse equal guids from different feeds', async () => {
    const repository = await fresh();
    await repository.add(article({ guid: '1' }));
    const other = article({ id: 'b1', guid: '1', canonicalUrl: 'https://other.example/b', contentHash: 'hash-b', source: { kind: 'feed', location: 'https://other.example/rss' } });
    expect(await repository.add(other)).toEqual({ status: 'new', id: 'b1' });
  });

  it('recognises the same text under another URL by its content hash', async () => {
    const repository = await fresh();
    await repository.add(article());
    expect(await repository.add(article({ id: 'a2', canonicalUrl: 'https://mirror.example/a' }))).toEqual({ status: 'duplicate', id: 'a1' });
  });

  it('recognises an article by the address it was found at when the page named another canonical URL', async () => {
    const repository = await fresh();
    await repository.add(article({ url: 'https://feeds.example/click/123?utm_source=rss', canonicalUrl: 'https://example.com/a' }));
    expect(await repository.isKnown({ canonicalUrl: 'https://feeds.example/click/123', sourceLocation: 'x' })).toBe(true);
  });

  it('stores only one of two copies added at the same moment', async () => {
    const repository = await fresh();
    const results = await Promise.all([repository.add(article()), repository.add(article({ id: 'a2' }))]);
    expect(results.map((result) => result.status).sort()).toEqual(['duplicate', 'new']);
  });

  it('keeps articles across a restart of the process', async () => {
    const first = await stores.fresh();
    await first.articles.add(article());
    await first.close();
    const repository = (await stores.reopen(stores.lastLocation())).articles;
    expect(await repository.get('a1')).toMatchObject({ title: 'A headline' });
    expect(await repository.add(article({ id: 'a2' }))).toEqual({ status: 'duplicate', id: 'a1' });
  });

  it('lists every stored article', async () => {
    const repository = await fresh();
    for (let index = 0; index < 30; index += 1) {
      await repository.add(article({ id: `id-${index}`, canonicalUrl: `https://example.com/${index}`, contentHash: `h${index}` }));
    }
    const ids: string[] = [];
    for await (const stored of repository.list()) ids.push(stored.id);
    expect(ids.sort()).toEqual(Array.from({ length: 30 }, (_, index) => `id-${index}`).sort());
  });

  it('forgets an article once its retention has passed, so it can be stored again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-09-10T08:00:00Z'));
    const repository = await fresh();
    await repository.add(article());
    vi.setSystemTime(new Date('2024-10-11T08:00:00Z'));
    expect(await repository.get('a1')).toBeUndefined();
    expect(await repository.add(article({ id: 'a2' }))).toEqual({ status: 'new', id: 'a2' });
  });
});

describe('listing a large store', () => {
  const numbered = (index: number, overrides: Partial<Article> = {}): Article =>
    article({ id: `id-${String(index).padStart(5, '0')}`, canonicalUrl: `https://example.com/${index}`, contentHash: `h${index}`, ...overrides });

  async function listedIds(repository: ReturnType<typeof createKeyvArticleRepository>): Promise<string[]> {
    const ids: string[] = [];
    for await (const stored of repository.list()) ids.push(stored.id);
    return ids;
  }

  it('returns each of several thousand articles exactly once', async () => {
    const { store } = await sqliteStore();
    const repository = createKeyvArticleRepository(store, { retentionMs: 30 * DAY });
    const count = 2_345;
    await Promise.all(Array.from({ length: count }, (_, index) => repository.add(numbered(index))));
    const ids = await listedIds(repository);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
  });

  it('leaves out expired articles without skipping the live ones stored between them', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2024-09-10T08:00:00Z'));
    const { store } = await sqliteStore();
    const shortLived = createKeyvArticleRepository(store, { retentionMs: DAY });
    const kept = createKeyvArticleRepository(store, { retentionMs: 30 * DAY });
    const count = 2_000;
    await Promise.all(Array.from({ length: count }, (_, index) => (index % 2 ? kept : shortLived).add(numbered(index))));
    vi.setSystemTime(new Date('2024-09-12T08:00:00Z'));
    const expected = Array.from({ length: count / 2 }, (_, half) => numbered(2 * half + 1).id);
    expect((await listedIds(kept)).sort()).toEqual(expected);
  });

  it('lists the articles of an in-memory store', async () => {
    const store = await openStore('memory:');
    opened.push(store);
    const repository = createKeyvArticleRepository(store, { retentionMs: DAY });
    await Promise.all(Array.from({ length: 50 }, (_, index) => repository.add(numbered(index))));
    expect((await listedIds(repository)).sort()).toEqual(Array.from({ length: 50 }, (_, index) => numbered(index).id));
  });
});

describe('openStore', () => {
  it('refuses a backend it does not support with a one-line reason', async () => {
    await expect(openStore('redis://localhost:6379')).rejects.toThrow('store: "redis://" is not supported (use sqlite://path, postgres://host/database or memory:)');
  });

  it.each(['sqlite:/data/herald.db', 'sqlite:data/herald.db', 'postgres:localhost/herald', 'memory:x'])('refuses "%s", a scheme without its slashes, rather than make a folder named after it', async (location) => {
    await expect(openStore(location)).rejects.toThrow(`store: "${location}" names no store (use sqlite://path, postgres://host/database or memory:)`);
  });

  it('opens an in-memory store for tests and one-off runs', async () => {
    const store = await openStore('memory:');
    const repository = createKeyvArticleRepository(store, { retentionMs: DAY });
    expect(await repository.add(article())).toEqual({ status: 'new', id: 'a1' });
    await store.close();
  });
});

describeEachEngine('isKnown', (engine) => {
  const stores = engineOpener(engine);
  afterEach(() => stores.closeAll());

  it('recognises a stored article by canonical URL, or by guid within its source, before anything is fetched', async () => {
    const repository = (await stores.fresh()).articles;
    await repository.add(article({ guid: 'post-17' }));
    expect(await repository.isKnown({ canonicalUrl: 'https://example.com/a', sourceLocation: 'elsewhere' })).toBe(true);
    expect(await repository.isKnown({ guid: 'post-17', sourceLocation: 'https://example.com/feed.xml' })).toBe(true);
    expect(await repository.isKnown({ guid: 'post-17', sourceLocation: 'https://other.example/rss' })).toBe(false);
    expect(await repository.isKnown({ sourceLocation: 'https://example.com/feed.xml' })).toBe(false);
  });
});
