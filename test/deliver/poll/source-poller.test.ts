import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSourcePoller, type PollReport, type SourcePoller, type SourcePollerDependencies, type SourcePollerOptions } from '../../../src/deliver/poll/source-poller.ts';
import { createHttpFetcher } from '../../../src/ingest/fetch/http-fetcher.ts';
import type { Article } from '../../../src/model/article.ts';
import type { StoreEngine } from '../../../src/store/store-engine.ts';
import { respond, startTestServer, type Handler, type TestServer } from '../../support/http-server.ts';
import { describeEachEngine, engineOpener, type EngineUnderTest } from '../../support/store-engines.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SEED_ARTICLE = path.resolve(import.meta.dirname, '../../fixtures/text/seed-article.txt');

let server: TestServer;
let pathCounter = 0;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

/** A feed at a path of its own, answering 304 to its own ETag; `items` can grow between polls. */
function serveFeed(items: string[], headers: Record<string, string> = {}): { url: string; items: string[]; requests: () => string[] } {
  const feedPath = `/feed-${++pathCounter}.xml`;
  server.route(feedPath, (request, response) => {
    const etag = `"${items.length}"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag, ...headers }).end();
      return;
    }
    const entries = items.map((title, index) => `<item><title>${title}</title><link>${server.url(`${feedPath}/story-${index}`)}</link><guid>${feedPath}-${index}</guid><description>${title}: what happened, told in a sentence or two.</description></item>`);
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag, ...headers }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${pathCounter}</title>${entries.join('')}</channel></rss>`);
  });
  return { url: server.url(feedPath), items, requests: () => server.requests.filter((request) => request === `GET ${feedPath}`) };
}

/** A path whose answer the test can change between polls. */
function serveSwitchable(initial: Handler): { url: string; answer(handler: Handler): void; requests: () => string[] } {
  const switchPath = `/switch-${++pathCounter}`;
  let current = initial;
  server.route(switchPath, (request, response) => current(request, response));
  return { url: server.url(switchPath), answer: (handler) => void (current = handler), requests: () => server.requests.filter((request) => request === `GET ${switchPath}`) };
}

interface Harness {
  poller: SourcePoller;
  /** What the poller was built from, to build another over the same store, server and clock. */
  deps: SourcePollerDependencies;
  store: StoreEngine;
  /** Where the store is, to open it again as a restarted process would. */
  location: string;
  told: Article[];
  clock: { now: number; advance(ms: number): void; to(iso: string): void };
}

let stores: ReturnType<typeof engineOpener>;

async function harness(sources: SourcePollerDependencies['sources'], options: Partial<SourcePollerOptions> = {}, location?: string): Promise<Harness> {
  const clock = {
    now: Date.parse('2024-09-12T09:00:00Z'),
    advance(ms: number) {
      clock.now += ms;
    },
    to(iso: string) {
      clock.now = Date.parse(iso);
    },
  };
  const store = location ? await stores.reopen(location, { now: () => new Date(clock.now) }) : await stores.fresh({ now: () => new Date(clock.now) });
  const told: Article[] = [];
  const deps: SourcePollerDependencies = {
    health: store.sourceHealth,
    leases: store.leases,
    fetcher: createHttpFetcher({ timeoutMs: 2_000, allowHosts: ['127.0.0.1'], validators: store.validators }),
    repository: store.articles,
    onNew: (article) => told.push(article),
    now: () => new Date(clock.now),
    random: () => 0.5,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    sources,
    options: { completeSnippets: false, concurrency: 4, ...options },
  };
  return { poller: createSourcePoller(deps), deps, store, location: location ?? stores.lastLocation(), told, clock };
}

const only = (location: string): SourcePollerDependencies['sources'] => async () => [{ location }];

/** Moves the clock to the source's next poll and polls. */
async function pollWhenDue(h: Harness, location: string): Promise<PollReport> {
  const health = await h.poller.health(location);
  if (health) h.clock.to(health.nextPollAt);
  return h.poller.pollDue();
}

describeEachEngine('source poller', (engine: EngineUnderTest) => {
stores = engineOpener(engine);
afterEach(() => stores.closeAll());

describe('conditional GET', () => {
  it('asks again with the ETag, and a 304 stores nothing', async () => {
    const feed = serveFeed(['Harbour reopens', 'Bridge closes']);
    const h = await harness(only(feed.url));
    const first = await h.poller.pollDue();
    const second = await pollWhenDue(h, feed.url);
    expect(first).toMatchObject({ new: 2, notModified: 0 });
    expect(second).toMatchObject({ new: 0, duplicate: 0, notModified: 1 });
    expect(h.told).toHaveLength(2);
    expect(await h.poller.health(feed.url)).toMatchObject({ lastStatus: 304, lastNotModifiedAt: '2024-09-12T09:10:00.000Z' });
  });
});

describe('scheduling', () => {
  it('does not read a source again before its next poll is due', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url));
    await h.poller.pollDue();
    h.clock.advance(9 * MINUTE);
    await h.poller.pollDue();
    expect(feed.requests()).toHaveLength(1);
  });

  it('reads a source again after its own interval', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(async () => [{ location: feed.url, intervalMs: 30 * MINUTE }]);
    await h.poller.pollDue();
    expect((await h.poller.health(feed.url))?.nextPollAt).toBe('2024-09-12T09:30:00.000Z');
  });

  it('reads a source listed by two servers and by the defaults once per poll, at the shortest interval asked', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(async () => [{ location: feed.url }, { location: feed.url, intervalMs: 5 * MINUTE }, { location: feed.url, intervalMs: 60 * MINUTE }]);
    const report = await h.poller.pollDue();
    expect(report.sources).toHaveLength(1);
    expect(feed.requests()).toHaveLength(1);
    expect((await h.poller.health(feed.url))?.nextPollAt).toBe('2024-09-12T09:05:00.000Z');
  });

  it('waits while the server says its feed is fresh', async () => {
    const feed = serveFeed(['Harbour reopens'], { 'cache-control': 'max-age=7200' });
    const h = await harness(only(feed.url));
    await h.poller.pollDue();
    expect((await h.poller.health(feed.url))?.nextPollAt).toBe('2024-09-12T11:00:00.000Z');
  });

  it('spreads polls by the jitter ratio', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url), { jitterRatio: 0.2 });
    const early = createSourcePoller({ ...h.deps, random: () => 0 });
    await early.pollDue();
    expect((await early.health(feed.url))?.nextPollAt).toBe('2024-09-12T09:08:00.000Z');
  });
});

describe('back-off', () => {
  it('doubles the wait with each consecutive failure, and resets on success', async () => {
    const source = serveSwitchable(respond('unavailable', {}, 503));
    const h = await harness(only(source.url));
    const waits: number[] = [];
    for (let poll = 0; poll < 3; poll += 1) {
      await pollWhenDue(h, source.url);
      waits.push(Date.parse((await h.poller.health(source.url))!.nextPollAt) - h.clock.now);
    }
    source.answer(respond(await readSeedPage()));
    await pollWhenDue(h, source.url);
    const recovered = await h.poller.health(source.url);
    expect(waits).toEqual([20 * MINUTE, 40 * MINUTE, 80 * MINUTE]);
    expect(recovered).toMatchObject({ consecutiveFailures: 0, lastError: `${source.url}: HTTP 503 Service Unavailable`, lastStatus: 200 });
    expect(Date.parse(recovered!.nextPollAt) - h.clock.now).toBe(10 * MINUTE);
  });

  it('waits as long as a Retry-After asks, but never longer than maxBackoffMs', async () => {
    const busy = serveSwitchable(respond('busy', { 'retry-after': String(3 * 3600) }, 503));
    const away = serveSwitchable(respond('come back next year', { 'retry-after': String(365 * 24 * 3600) }, 429));
    const h = await harness(async () => [{ location: busy.url }, { location: away.url }], { maxBackoffMs: 6 * HOUR });
    await h.poller.pollDue();
    const waitOf = async (url: string): Promise<number> => Date.parse((await h.poller.health(url))!.nextPollAt) - h.clock.now;
    expect(await waitOf(busy.url)).toBe(3 * HOUR);
    expect(await waitOf(away.url)).toBe(6 * HOUR);
  });

  it('never waits longer than maxBackoffMs', async () => {
    const source = serveSwitchable(respond('unavailable', {}, 503));
    const h = await harness(only(source.url), { maxBackoffMs: 2 * HOUR });
    for (let poll = 0; poll < 6; poll += 1) await pollWhenDue(h, source.url);
    const health = await h.poller.health(source.url);
    expect(health?.consecutiveFailures).toBe(6);
    expect(Date.parse(health!.nextPollAt) - h.clock.now).toBe(2 * HOUR);
  });
});

describe('sources gone for good', () => {
  it('disables a source that answers 410 for longer than goneAfterMs, says why, and reads it no more', async () => {
    const source = serveSwitchable(respond('gone', {}, 410));
    const h = await harness(only(source.url), { goneAfterMs: 3 * DAY });
    const disabled: string[] = [];
    for (let poll = 0; poll < 30 && disabled.length === 0; poll += 1) disabled.push(...(await pollWhenDue(h, source.url)).disabled);
    const health = await h.poller.health(source.url);
    const reads = source.requests().length;
    h.clock.advance(30 * DAY);
    await h.poller.pollDue();
    expect(disabled).toEqual([source.url]);
    expect(health?.disabled?.reason).toBe(`gone since 2024-09-12T09:00:00.000Z: ${source.url}: HTTP 410 Gone`);
    expect(Date.parse(health!.disabled!.at) - Date.parse('2024-09-12T09:00:00Z')).toBeGreaterThanOrEqual(3 * DAY);
    expect(source.requests()).toHaveLength(reads);
  });

  it('treats a 200 that is no longer a feed or an article as gone', async () => {
    const source = serveSwitchable(respond('<!doctype html><title>Parked</title><p>This domain is for sale.</p>'));
    const h = await harness(only(source.url));
    await h.poller.pollDue();
    expect(await h.poller.health(source.url)).toMatchObject({ goneSince: '2024-09-12T09:00:00.000Z', lastStatus: 200, consecutiveFailures: 1 });
  });

  it('does not count a server error as gone', async () => {
    const source = serveSwitchable(respond('unavailable', {}, 503));
    const h = await harness(only(source.url));
    await h.poller.pollDue();
    const health = await h.poller.health(source.url);
    expect(health).toMatchObject({ lastStatus: 503, consecutiveFailures: 1 });
    expect(health).not.toHaveProperty('goneSince');
  });

  it('keeps a source that comes back before goneAfterMs, and starts its count afresh', async () => {
    const source = serveSwitchable(respond('missing', {}, 404));
    const h = await harness(only(source.url), { goneAfterMs: 3 * DAY });
    await pollWhenDue(h, source.url);
    h.clock.advance(2 * DAY);
    await h.poller.pollDue();
    source.answer(respond(await readSeedPage()));
    await pollWhenDue(h, source.url);
    source.answer(respond('missing', {}, 404));
    h.clock.advance(2 * DAY);
    await h.poller.pollDue();
    const health = await h.poller.health(source.url);
    expect(health).not.toHaveProperty('disabled');
    expect(health).toMatchObject({ consecutiveFailures: 1, goneSince: new Date(h.clock.now).toISOString() });
  });

  it('reads a disabled source again once an admin enables it, and seeds it anew', async () => {
    const source = serveSwitchable(respond('gone', {}, 410));
    const h = await harness(only(source.url), { goneAfterMs: 0 });
    await h.poller.pollDue();
    source.answer(respond(await readSeedPage()));
    h.clock.advance(HOUR);
    await h.poller.enable(source.url);
    const report = await h.poller.pollDue();
    expect(report).toMatchObject({ new: 1, failed: 0 });
    expect(await h.poller.health(source.url)).toMatchObject({ consecutiveFailures: 0, seededAt: '2024-09-12T10:00:00.000Z' });
    expect(await h.poller.health(source.url)).not.toHaveProperty('disabled');
  });
});

describe('local files and folders', () => {
  it('polls a folder without HTTP, and disables it only once it has been missing for goneAfterMs', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'herald-poll-'));
    try {
      await copyFile(SEED_ARTICLE, path.join(folder, 'seed-article.txt'));
      const h = await harness(only(folder), { goneAfterMs: DAY });
      const first = await h.poller.pollDue();
      await rm(folder, { recursive: true });
      await pollWhenDue(h, folder);
      const missing = await h.poller.health(folder);
      h.clock.advance(DAY);
      const later = await h.poller.pollDue();
      expect(first).toMatchObject({ new: 1, failed: 0 });
      expect(missing).toMatchObject({ consecutiveFailures: 1, goneSince: '2024-09-12T09:10:00.000Z' });
      expect(missing).not.toHaveProperty('disabled');
      expect(later.disabled).toEqual([folder]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('health in the store', () => {
  it('carries over to a new poller on the same store', async () => {
    const source = serveSwitchable(respond('unavailable', {}, 503));
    const before = await harness(only(source.url));
    await before.poller.pollDue();
    await before.store.close();
    const after = await harness(only(source.url), {}, before.location);
    after.clock.advance(5 * MINUTE);
    await after.poller.pollDue();
    expect(await after.poller.health(source.url)).toMatchObject({ consecutiveFailures: 1, lastError: `${source.url}: HTTP 503 Service Unavailable`, nextPollAt: '2024-09-12T09:20:00.000Z' });
    expect(source.requests()).toHaveLength(1);
  });
});

describe('seeding', () => {
  it('counts what a source held when first read as backlog, and a later story as new', async () => {
    const feed = serveFeed(['Harbour reopens', 'Bridge closes']);
    const h = await harness(only(feed.url));
    await h.poller.start();
    await h.poller.stop();
    feed.items.push('Ferry returns');
    await pollWhenDue(h, feed.url);
    const isBacklog = await h.poller.backlogTest([feed.url]);
    expect(h.told.map((article) => [article.title, isBacklog(article)])).toEqual([
      ['Harbour reopens', true],
      ['Bridge closes', true],
      ['Ferry returns', false],
    ]);
  });

  it('counts the first read’s articles as backlog while that read is still under way', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url));
    const backlogWhenTold: Array<Promise<boolean>> = [];
    const poller = createSourcePoller({ ...h.deps, onNew: (article) => backlogWhenTold.push(poller.backlogTest([feed.url]).then((isBacklog) => isBacklog(article))) });
    await poller.pollDue();
    expect(await Promise.all(backlogWhenTold)).toEqual([true]);
  });

  it('counts nothing as backlog when seeding is turned off', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url), { seedFirstPoll: false });
    await h.poller.pollDue();
    const isBacklog = await h.poller.backlogTest([feed.url]);
    expect(h.told.map((article) => isBacklog(article))).toEqual([false]);
  });

  it('remembers the seeding across a new poller, once started', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url));
    await h.poller.pollDue();
    const restarted = createSourcePoller(h.deps);
    await restarted.start();
    await restarted.stop();
    expect((await restarted.backlogTest([feed.url]))(h.told[0]!)).toBe(true);
  });
});

describe('running in the background', () => {
  it('polls what is due at start, and checks again on its own', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url), { checkEveryMs: 20 });
    await h.poller.start();
    try {
      // The read is over once its health is recorded, which on a busy machine is well after the request arrives.
      await vi.waitFor(async () => expect((await h.poller.health(feed.url))?.lastSuccessAt).toBeDefined(), { timeout: 10_000 });
      expect(feed.requests()).toHaveLength(1);
      h.clock.advance(10 * MINUTE);
      await vi.waitFor(() => expect(feed.requests()).toHaveLength(2), { timeout: 10_000 });
    } finally {
      await h.poller.stop();
    }
  });

  it('checks no more once stopped', async () => {
    const feed = serveFeed(['Harbour reopens']);
    let listings = 0;
    const h = await harness(async () => {
      listings += 1;
      return [{ location: feed.url }];
    }, { checkEveryMs: 20 });
    await h.poller.start();
    await vi.waitFor(() => expect(feed.requests()).toHaveLength(1), { timeout: 10_000 });
    await h.poller.stop();
    const listedWhenStopped = listings;
    h.clock.advance(DAY);
    // A check lists the sources first. Another poller checking as often, started after the stop, checks twice: a
    // stopped poller still checking would have listed its sources again by then (rather than after a sleep).
    let otherListings = 0;
    const other = await harness(async () => {
      otherListings += 1;
      return [];
    }, { checkEveryMs: 20 });
    await other.poller.start();
    await vi.waitFor(() => expect(otherListings).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    await other.poller.stop();
    expect(listings).toBe(listedWhenStopped);
    expect(feed.requests()).toHaveLength(1);
  });
});

describe('pollNow', () => {
  it('reads a source whatever its schedule, and once when asked twice at once', async () => {
    const feed = serveFeed(['Harbour reopens']);
    const h = await harness(only(feed.url));
    await h.poller.pollDue();
    feed.items.push('Bridge closes');
    const [first, second] = await Promise.all([h.poller.pollNow({ location: feed.url }), h.poller.pollNow({ location: feed.url })]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ outcome: 'read', new: 1, duplicate: 1 });
    expect(feed.requests()).toHaveLength(2);
  });
});
});

function readSeedPage(): Promise<string> {
  return readFile(SEED_ARTICLE, 'utf8');
}
