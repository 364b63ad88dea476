import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_POLL_DELAY_MS } from '../../src/deliver/poll/poll-timing.ts';
import { createSourcePoller } from '../../src/deliver/poll/source-poller.ts';
import { createHttpFetcher } from '../../src/ingest/fetch/http-fetcher.ts';
import { openEmbeddedEngine } from '../../src/store/embedded-engine.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { requestOrigin, rssFeed } from '../support/hostile-feed-server.ts';
import { startTestServer, type TestServer } from '../support/http-server.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const SOURCES = 2_000;
const HOSTS = 50;
/** One source in ten fails, in a way that changes from one request to the next; one in a hundred answers slowly. */
const FAILING_EVERY = 10;
const SLOW_EVERY = 100;
/**
 * Three hours between reads, not the default ten minutes: a day is then 8 reads of each healthy source, about
 * 16,000 polls over real loopback HTTP, which fits in a test run, and a failing source is still read three times
 * (waiting 6 h, then 12 h). The rules under test (interval, jitter, back-off, per-host limit) do not depend on
 * the interval's length.
 */
const INTERVAL_MS = 3 * HOUR;
const MAX_BACKOFF_MS = DAY;
const JITTER_RATIO = 0.1;
/**
 * How far the simulated clock moves between looks for due sources. The poller's own checks are 10 s apart; 10
 * minutes keeps a day to 144 looks, and each look waits in real time for its slowest read, as the poller's loop does.
 */
const STEP_MS = 10 * MINUTE;
const PER_HOST_LIMIT = 2;
/**
 * Short, because each read that times out holds up its look for due sources for this long in real time. A
 * machine that stalls for longer fails a healthy read too, which the tests allow for (see below).
 */
const FETCH_TIMEOUT_MS = 400;
const SLOW_ANSWER_MS = 50;

const FAILURES = ['HTTP 500', 'timeout', 'reset', 'HTML error page'] as const;

const hostName = (host: number): string => `publisher-${host}.scale.test`;
/** A host's sources are listed together, so that a look for due sources finds many of one host at once. */
const hostOf = (source: number): string => hostName(Math.floor(source / (SOURCES / HOSTS)));
const isFailing = (source: number): boolean => source % FAILING_EVERY === 3;
const isSlow = (source: number): boolean => source % SLOW_EVERY === 7;

interface Observed {
  /**
   * Each source's reads: when (simulated), and its consecutive failures after, as its health recorded them.
   * Taken from the poller's reports rather than the server, which misses a request a stalled machine timed out before sending.
   */
  reads: Map<number, Array<{ at: number; failures: number }>>;
  /** How many times the server has been asked for each source, which picks the way a failing one fails. */
  asked: Map<number, number>;
  /** The most requests any one host had open at once, as the server saw them. */
  maxOpenPerHost: number;
  requests: number;
  failuresServed: Record<(typeof FAILURES)[number], number>;
}

let server: TestServer;
let store: StoreEngine;
let observed: Observed;
const clock = { now: Date.parse('2026-03-02T00:00:00Z') };

/**
 * The loopback feed server for every host: /feed-N.xml is source N. It counts the requests open to each
 * Host from arrival until the response is finished or the connection closes.
 */
function feedHandler(record: Observed): (request: IncomingMessage, response: ServerResponse) => void {
  const open = new Map<string, number>();
  return (request, response) => {
    const source = Number(/^\/feed-(\d+)\.xml$/.exec(new URL(request.url ?? '/', 'http://x').pathname)?.[1] ?? Number.NaN);
    const host = request.headers.host ?? '';
    const asked = record.asked.get(source) ?? 0;
    record.asked.set(source, asked + 1);
    record.requests += 1;
    open.set(host, (open.get(host) ?? 0) + 1);
    record.maxOpenPerHost = Math.max(record.maxOpenPerHost, open.get(host)!);
    let closed = false;
    const close = (): void => {
      if (closed) return;
      closed = true;
      open.set(host, open.get(host)! - 1);
    };
    response.on('finish', close);
    response.on('close', close);

    if (isFailing(source)) {
      const failure = FAILURES[(source + asked) % FAILURES.length]!;
      record.failuresServed[failure] += 1;
      if (failure === 'HTTP 500') response.writeHead(500).end('internal error');
      else if (failure === 'reset') request.socket.destroy();
      else if (failure === 'HTML error page') response.writeHead(200, { 'content-type': 'text/html' }).end('<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>');
      // A timeout: nothing is ever answered.
      return;
    }
    const answer = (): void => {
      const etag = `"${source}"`;
      if (request.headers['if-none-match'] === etag) response.writeHead(304, { etag }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(rssFeed(`${requestOrigin(request)}/${source}`, `Feed ${source}`, [`Story ${source}`]));
    };
    if (isSlow(source)) setTimeout(answer, SLOW_ANSWER_MS);
    else answer();
  };
}

/** A seeded generator for the poller's jitter, so that one run can be repeated exactly. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

beforeAll(async () => {
  observed = { reads: new Map(), asked: new Map(), maxOpenPerHost: 0, requests: 0, failuresServed: { 'HTTP 500': 0, timeout: 0, reset: 0, 'HTML error page': 0 } };
  server = await startTestServer({}, { fallback: feedHandler(observed) });
  store = await openEmbeddedEngine('memory:', { retentionMs: 30 * DAY, now: () => new Date(clock.now) });
  const hosts = Array.from({ length: HOSTS }, (_, host) => hostName(host));
  const fetcher = createHttpFetcher({
    timeoutMs: FETCH_TIMEOUT_MS,
    perHostConcurrency: PER_HOST_LIMIT,
    allowHosts: hosts,
    // Every publisher is this one loopback server, by many names, so that the per-host limit has hosts to keep apart.
    lookup: async () => [{ address: '127.0.0.1', family: 4 }],
    validators: store.validators,
  });
  const sources = Array.from({ length: SOURCES }, (_, source) => ({ location: `http://${hostOf(source)}:${server.port}/feed-${source}.xml` }));
  const poller = createSourcePoller({
    health: store.sourceHealth,
    leases: store.leases,
    fetcher,
    repository: store.articles,
    now: () => new Date(clock.now),
    random: seededRandom(13),
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    sources: async () => sources,
    onPoll: (result) => {
      const source = Number(/feed-(\d+)\.xml$/.exec(result.location)![1]);
      observed.reads.set(source, [...(observed.reads.get(source) ?? []), { at: clock.now, failures: result.health.consecutiveFailures }]);
    },
    options: { completeSnippets: false, concurrency: 16, intervalMs: INTERVAL_MS, maxBackoffMs: MAX_BACKOFF_MS, jitterRatio: JITTER_RATIO },
  });
  for (const end = clock.now + DAY; clock.now < end; clock.now += STEP_MS) await poller.pollDue();
}, 600_000);

afterAll(async () => {
  await store?.close();
  await server?.close();
});

const healthy = Array.from({ length: SOURCES }, (_, source) => source).filter((source) => !isFailing(source));
const failing = Array.from({ length: SOURCES }, (_, source) => source).filter(isFailing);
const readsOf = (source: number): Array<{ at: number; failures: number }> => observed.reads.get(source) ?? [];
const readCount = (sources: number[]): number => sources.reduce((sum, source) => sum + readsOf(source).length, 0);
const failedReads = (sources: number[]): number => sources.reduce((sum, source) => sum + readsOf(source).filter((read) => read.failures > 0).length, 0);

/** The wait poll-timing allows after a read that left `failures` in a row, a source being read at the first look after it falls due. */
function allowedWait(failures: number): { min: number; max: number } {
  const backedOff = Math.min(INTERVAL_MS * 2 ** failures, MAX_BACKOFF_MS);
  return { min: Math.max(backedOff * (1 - JITTER_RATIO), MIN_POLL_DELAY_MS), max: Math.min(backedOff * (1 + JITTER_RATIO), MAX_BACKOFF_MS) + STEP_MS };
}

describe(`a poller with ${SOURCES} sources on ${HOSTS} hosts over one simulated day`, () => {
  it('reads every healthy source, slow ones included, about every interval', () => {
    for (const source of healthy) expect(readsOf(source).length, `source ${source}`).toBeGreaterThanOrEqual(Math.floor(DAY / allowedWait(0).max));
    // A loaded machine can stall a healthy read past the short test timeout; it is then backed off like any failure, and must stay rare.
    expect(failedReads(healthy)).toBeLessThan(readCount(healthy) / 100);
  });

  it('waits after every read of every source as poll-timing says for what came of it', () => {
    for (let source = 0; source < SOURCES; source += 1) {
      const reads = readsOf(source);
      reads.slice(1).forEach((read, index) => {
        const previous = reads[index]!;
        const { min, max } = allowedWait(previous.failures);
        expect(read.at - previous.at, `source ${source}, after read ${index + 1}`).toBeGreaterThanOrEqual(min);
        expect(read.at - previous.at, `source ${source}, after read ${index + 1}`).toBeLessThanOrEqual(max);
      });
    }
  });

  it('backs off each failing source, whichever way it fails, doubling up to the longest wait', () => {
    for (const source of failing) {
      const failures = readsOf(source).map((read) => read.failures);
      expect(failures.length, `source ${source}`).toBeGreaterThanOrEqual(3);
      expect(failures, `source ${source}`).toEqual(failures.map((_, read) => read + 1));
    }
    for (const failure of FAILURES) expect(observed.failuresServed[failure], failure).toBeGreaterThan(0);
  });

  it('asks the server once per read, never again on its own', () => {
    const all = Array.from({ length: SOURCES }, (_, source) => source);
    expect(observed.requests).toBeLessThanOrEqual(readCount(all));
    // A read a stalled machine timed out may never have reached the server.
    expect(observed.requests).toBeGreaterThanOrEqual(readCount(all) - failedReads(healthy));
  });

  it(`never has more than ${PER_HOST_LIMIT} requests open to one host`, () => {
    expect(observed.maxOpenPerHost).toBe(PER_HOST_LIMIT);
  });

  it('stores the articles of every healthy source, once', async () => {
    let stored = 0;
    for await (const _article of store.articles.list()) stored += 1;
    expect(stored).toBe(healthy.length);
  });
});

