import { execFile } from 'node:child_process';
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSourcePoller, type SourcePoller } from '../../src/deliver/poll/source-poller.ts';
import type { ResolveAll } from '../../src/ingest/fetch/address-guard.ts';
import { createHttpFetcher } from '../../src/ingest/fetch/http-fetcher.ts';
import { openEmbeddedEngine } from '../../src/store/embedded-engine.ts';
import type { Article } from '../../src/model/article.ts';
import type { StoreEngine } from '../../src/store/store-engine.ts';
import { HOSTILE_PATHS, startHostileFeedServer, type HostileBehaviour } from '../support/hostile-feed-server.ts';
import { redirect, respond, startTestServer, type TestServer } from '../support/http-server.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/**
 * Shorter than Herald's defaults, to keep the suite quick, but long enough that a well-behaved answer arrives
 * in time on a starved two-core machine; every bound below is asserted against these, as configured.
 */
const TIMEOUT_MS = 3_000;
const IDLE_TIMEOUT_MS = 2_500;
const MAX_BYTES = 2 * 1024 * 1024;
const MAX_BACKOFF_MS = DAY;
/** What a loaded two-core machine may add to a deadline between the timer firing and the poll being recorded. */
const SCHEDULING_MARGIN_MS = 1_000;

let server: TestServer;

/** Each misbehaviour on a hostname of its own, so that no source waits behind another for the per-host limit. */
const hostileHost = (behaviour: HostileBehaviour): string => `${behaviour.toLowerCase()}.hostile.test`;
const hostileUrl = (behaviour: HostileBehaviour): string => `http://${hostileHost(behaviour)}:${server.port}${HOSTILE_PATHS[behaviour]}`;
const healthyHosts = Array.from({ length: 5 }, (_, index) => `healthy-${index}.feeds.test`);
const healthyUrl = (host: string): string => `http://${host}:${server.port}/feed.xml`;

/** Names a hostile DNS answers with addresses Herald must never connect to. */
const REBOUND: Record<string, string> = {
  'private.rebind.test': '10.0.0.7',
  'loopback.rebind.test': '127.0.0.1',
  'link-local.rebind.test': '169.254.10.10',
  'mapped.rebind.test': '::ffff:127.0.0.1',
  'nat64.rebind.test': '64:ff9b::a9fe:a9fe',
  'metadata-v6.rebind.test': 'fd00:ec2::254',
};

/** The network's DNS, faked: test hostnames resolve to loopback or where REBOUND says, and any other name is unknown. */
const lookup: ResolveAll = async (hostname) => {
  const address = REBOUND[hostname] ?? (hostname.endsWith('.test') ? '127.0.0.1' : undefined);
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: address.includes(':') ? 6 : 4 } satisfies LookupAddress];
};

/** Loopback written the ways a URL parser accepts, and the metadata services by address and by name, each at the test server's port where it has one. */
const literal = (port: number): Record<string, string> => ({
  decimal: `http://2130706433:${port}/feed.xml`,
  octal: `http://0177.0.0.1:${port}/feed.xml`,
  hex: `http://0x7f.1:${port}/feed.xml`,
  mapped: `http://[::ffff:127.0.0.1]:${port}/feed.xml`,
  nat64: `http://[64:ff9b::7f00:1]:${port}/feed.xml`,
  metadata: 'http://169.254.169.254/latest/meta-data/',
  metadataV6: 'http://[fd00:ec2::254]/latest/meta-data/',
  metadataName: 'http://metadata.google.internal/computeMetadata/v1/',
});

/** What an admin reads in a hostile source's health after one poll, after the URL and ": ". */
const REFUSED_OR_BOUNDED: Array<[what: string, url: () => string, reason: (url: string) => string | RegExp]> = [
  ['a slowloris (one byte every 250 ms)', () => hostileUrl('slowloris'), () => `timed out after ${TIMEOUT_MS / 1000} s`],
  // Silent after half a feed: the idle timeout should end it, but on a busy loop the overall deadline may come first.
  ['a body that never ends', () => hostileUrl('neverEnds'), () => new RegExp(`^timed out (\\(no data for ${IDLE_TIMEOUT_MS / 1000} s\\)|after ${TIMEOUT_MS / 1000} s)$`)],
  ['5 GB without a Content-Length', () => hostileUrl('fiveGigabytes'), () => 'response larger than 2 MiB'],
  ['5 GB with its Content-Length', () => hostileUrl('fiveGigabytesDeclared'), () => 'response larger than 2 MiB'],
  ['a gzip bomb (1 GiB from 1 MiB)', () => hostileUrl('gzipBomb'), () => 'response larger than 2 MiB once decompressed'],
  ['a brotli bomb (1 GiB from 190 KiB)', () => hostileUrl('brotliBomb'), () => 'response larger than 2 MiB once decompressed'],
  ['a redirect loop', () => hostileUrl('redirectLoop'), (url) => `redirect loop at ${url}`],
  ['a redirect to a private address', () => hostileUrl('redirectToPrivate'), () => 'redirected to http://10.1.2.3/feed.xml: refused: a private address (10.1.2.3)'],
  [
    'a redirect to the metadata service',
    () => hostileUrl('redirectToMetadata'),
    () => 'redirected to http://169.254.169.254/latest/meta-data/iam/security-credentials/: refused: a link-local or cloud metadata address (169.254.169.254)',
  ],
  ['a Content-Length longer than the body', () => hostileUrl('lengthLongerThanBody'), () => /^connection closed before the body was complete \(\d+ of the \d+ bytes announced\)$/],
  ['binary noise declared as a UTF-8 feed', () => hostileUrl('binaryAsFeed'), () => 'binary data, not text, HTML or a feed'],
  ['a 200 with an HTML error page', () => hostileUrl('htmlErrorPage'), () => 'html: no article content found'],
  ['a 503 with a Retry-After of a year', () => hostileUrl('retryAfterAYear'), () => 'HTTP 503 Service Unavailable'],
  ['a 429 with a Retry-After date a year out', () => hostileUrl('rateLimitedForAYear'), () => 'HTTP 429 Too Many Requests'],
  ['a name that resolves to a private address', () => `http://private.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a private address (10.0.0.7)'],
  ['a name that resolves to loopback', () => `http://loopback.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a loopback address (127.0.0.1)'],
  ['a name that resolves to link-local', () => `http://link-local.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a link-local or cloud metadata address (169.254.10.10)'],
  ['a name that resolves to IPv4-mapped loopback', () => `http://mapped.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a loopback address (::ffff:127.0.0.1)'],
  ['a name that resolves to NAT64 of the metadata address', () => `http://nat64.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a link-local or cloud metadata address (64:ff9b::a9fe:a9fe)'],
  ['a name that resolves to the IPv6 metadata address', () => `http://metadata-v6.rebind.test:${server.port}/feed.xml`, () => 'refused: resolves to a private address (fd00:ec2::254)'],
  ['loopback as a decimal number', () => literal(server.port).decimal!, () => 'refused: a loopback address (127.0.0.1)'],
  ['loopback in octal', () => literal(server.port).octal!, () => 'refused: a loopback address (127.0.0.1)'],
  ['loopback in short hex', () => literal(server.port).hex!, () => 'refused: a loopback address (127.0.0.1)'],
  ['IPv4-mapped loopback', () => literal(server.port).mapped!, () => 'refused: a loopback address (::ffff:7f00:1)'],
  ['NAT64 loopback', () => literal(server.port).nat64!, () => 'refused: a loopback address (64:ff9b::7f00:1)'],
  ['the metadata address', () => literal(server.port).metadata!, () => 'refused: a link-local or cloud metadata address (169.254.169.254)'],
  ['the IPv6 metadata address', () => literal(server.port).metadataV6!, () => 'refused: a private address (fd00:ec2::254)'],
  ['the metadata host name', () => literal(server.port).metadataName!, () => 'refused: a cloud metadata host'],
];

/** Misbehaviours that still carry a feed, which Herald reads for what it is worth. */
const READ_ANYWAY: HostileBehaviour[] = ['wrongContentType', 'invalidUtf8', 'lengthShorterThanBody', 'freshForAYear'];

/** Exactly the sources below, once each. */
function everySource(): string[] {
  return [...healthyHosts.map(healthyUrl), ...REFUSED_OR_BOUNDED.map(([, url]) => url()), ...READ_ANYWAY.map(hostileUrl)];
}

/** What one round of polling every source left: when each finished, from the round's start. */
interface Round {
  finishedMs: Map<string, number>;
  requests: string[];
}

let store: StoreEngine;
let poller: SourcePoller;
const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
let first: Round;
/**
 * Each source's health and the clock just after the first round: what the tests of that round read, since the
 * heap test polls more rounds on later clocks and may run before them.
 */
const afterFirst = new Map<string, Awaited<ReturnType<SourcePoller['health']>>>();
let firstRoundAt: number;
const healthAfterFirst = (location: string) => afterFirst.get(location);

const finishedAt = new Map<string, number>();

async function pollRound(): Promise<Round> {
  const finishedMs = new Map<string, number>();
  const requestsBefore = server.requests.length;
  const started = performance.now();
  const report = await poller.pollDue();
  for (const result of report.sources) finishedMs.set(result.location, finishedAt.get(result.location)! - started);
  return { finishedMs, requests: server.requests.slice(requestsBefore) };
}

beforeAll(async () => {
  server = await startHostileFeedServer({ dripEveryMs: 250 });
  store = await openEmbeddedEngine('memory:', { retentionMs: 30 * DAY, now: () => new Date(clock.now) });
  const fetcher = createHttpFetcher({
    timeoutMs: TIMEOUT_MS,
    idleTimeoutMs: IDLE_TIMEOUT_MS,
    maxBytes: MAX_BYTES,
    allowHosts: [...healthyHosts, ...(Object.keys(HOSTILE_PATHS) as HostileBehaviour[]).map(hostileHost)],
    lookup,
    validators: store.validators,
  });
  poller = createSourcePoller({
    health: store.sourceHealth,
    leases: store.leases,
    fetcher,
    repository: store.articles,
    now: () => new Date(clock.now),
    random: () => 0.5,
    logger: { info: () => undefined, warn: () => undefined, error: () => undefined },
    sources: async () => everySource().map((location) => ({ location })),
    onPoll: (result) => finishedAt.set(result.location, performance.now()),
    // Not disabling the sources that look gone (the HTML error page, the binary noise) keeps every misbehaviour in every round.
    options: { completeSnippets: false, concurrency: 64, maxBackoffMs: MAX_BACKOFF_MS, goneAfterMs: 365 * DAY },
  });
  // The poller loads the extractors at its first read; loaded here, so that the round times only the reads.
  await import('../../src/ingest/ingest-inputs.ts');
  first = await pollRound();
  firstRoundAt = clock.now;
  for (const location of everySource()) afterFirst.set(location, await poller.health(location));
}, 60_000);

afterAll(async () => {
  await store?.close();
  await server?.close();
});

describe('a poller reading hostile feed hosts beside healthy ones', () => {
  it('reads every healthy source and stores its articles', async () => {
    for (const host of healthyHosts) {
      expect(healthAfterFirst(healthyUrl(host))).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
      expect(await articlesOf(healthyUrl(host))).toHaveLength(2);
    }
  });

  it.each(REFUSED_OR_BOUNDED)('gives %s a one-line reason in its health and backs off', async (_what, url, reason) => {
    const health = healthAfterFirst(url());
    const prefix = `${url()}: `;
    expect(health?.lastError?.startsWith(prefix)).toBe(true);
    expect(health?.lastError?.slice(prefix.length)).toMatch(reasonPattern(reason(url())));
    expect(health).toMatchObject({ consecutiveFailures: 1 });
    expect(Date.parse(health!.nextPollAt)).toBeGreaterThan(firstRoundAt);
  });

  it('finishes every source within the fetch timeout, whatever the host does', () => {
    const slowest = Math.max(...first.finishedMs.values());
    expect(first.finishedMs.size).toBe(everySource().length);
    expect(slowest).toBeLessThanOrEqual(TIMEOUT_MS + SCHEDULING_MARGIN_MS);
  });

  it('never connects to a refused address', () => {
    // Loopback in any spelling, and names rebound to it, would have reached this server's /feed.xml; only the healthy hosts did.
    expect(first.requests.filter((request) => request === 'GET /feed.xml')).toHaveLength(healthyHosts.length);
  });

  it('waits out a Retry-After of a year no longer than its own longest back-off', async () => {
    for (const behaviour of ['retryAfterAYear', 'rateLimitedForAYear'] as const) {
      expect(Date.parse(healthAfterFirst(hostileUrl(behaviour))!.nextPollAt) - firstRoundAt).toBe(MAX_BACKOFF_MS);
    }
  });

  it('reads a feed served with a wrong Content-Type, invalid UTF-8, or fresh for a year, for what it is', async () => {
    for (const behaviour of READ_ANYWAY) {
      const health = healthAfterFirst(hostileUrl(behaviour));
      expect(health, health?.lastError).toMatchObject({ consecutiveFailures: 0, lastStatus: 200 });
    }
    const titles = async (behaviour: HostileBehaviour) => (await articlesOf(hostileUrl(behaviour))).map((article) => article.title).sort();
    expect(await titles('wrongContentType')).toEqual(['Wrong content type: bridge closes', 'Wrong content type: harbour reopens']);
    expect(await titles('invalidUtf8')).toEqual(['Invalid UTF-8: bridge closes', 'Invalid UTF-8\uFFFD\uFFFD(\uFFFD\uFFFD: harbour reopens']);
    expect(Date.parse(healthAfterFirst(hostileUrl('freshForAYear'))!.nextPollAt) - firstRoundAt).toBe(MAX_BACKOFF_MS);
  });

  it('reads no further than a Content-Length shorter than the body', async () => {
    const stored = await articlesOf(hostileUrl('lengthShorterThanBody'));
    expect(stored.map((article) => article.title)).toEqual(['Length shorter than body: harbour reopens']);
  });

  it('keeps its heap flat and leaves no connection open over repeated rounds', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterRound = async (): Promise<number> => {
      clock.now += MAX_BACKOFF_MS + HOUR;
      const round = await pollRound();
      expect(round.finishedMs.size).toBe(everySource().length);
      await eventually(() => server.openConnections() === 0);
      gc();
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      // Bodies live in Buffers, outside the JavaScript heap: both are counted.
      const { heapUsed, arrayBuffers } = process.memoryUsage();
      return heapUsed + arrayBuffers;
    };
    const warm = await heapAfterRound();
    const later: number[] = [];
    for (let round = 0; round < 3; round += 1) later.push(await heapAfterRound());
    // A leak of one capped body a round would add 2 MiB each time; the heap grows by less than one in three rounds.
    expect(Math.max(...later) - warm).toBeLessThan(MAX_BYTES);
    expect(server.openConnections()).toBe(0);
  }, 60_000);
});

describe('a redirect from https to plain http', () => {
  it('is followed, since Herald sends no credentials a plain hop could leak', async () => {
    const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/fetch/${name}`, import.meta.url));
    const plain = await startTestServer();
    const secure = await startTestServer({}, { tls: { key: readFileSync(fixture('self-signed-localhost.key.pem')), cert: readFileSync(fixture('self-signed-localhost.cert.pem')) } });
    try {
      const feed = '<rss version="2.0"><channel><title>Moved back</title></channel></rss>';
      plain.route('/feed.xml', respond(feed, { 'content-type': 'application/rss+xml' }));
      secure.route('/feed.xml', redirect(plain.url('/feed.xml'), 301));
      // Only a child process can trust the throwaway certificate: Node reads NODE_EXTRA_CA_CERTS once, at start.
      const env = { ...process.env, NODE_EXTRA_CA_CERTS: fixture('self-signed-localhost.cert.pem'), FETCH_TIMEOUT_MS: String(TIMEOUT_MS) };
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile(process.execPath, ['--import', 'tsx', fixture('fetch-then-exit.ts'), secure.url('/feed.xml')], { timeout: 20_000, env }, (error, out) =>
          error ? reject(error) : resolve(out),
        );
      });
      expect(stdout.trim()).toBe(`200 ${feed.length} bytes`);
      expect(plain.requests).toEqual(['GET /feed.xml']);
    } finally {
      await Promise.all([plain.close(), secure.close()]);
    }
  });
});

/** A reason given as text must be the whole of it. */
function reasonPattern(reason: string | RegExp): RegExp {
  return typeof reason === 'string' ? new RegExp(`^${reason.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : reason;
}

async function articlesOf(location: string): Promise<Article[]> {
  const found: Article[] = [];
  for await (const article of store.articles.list()) if (article.source.location === location) found.push(article);
  return found;
}

async function eventually(check: () => boolean, withinMs = 2_000): Promise<void> {
  for (const started = Date.now(); !check() && Date.now() - started < withinMs; ) await new Promise((resolve) => setTimeout(resolve, 20));
}
