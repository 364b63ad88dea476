import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/ingest/fetch/fetch-failure.ts';
import { createHttpFetcher } from '../../src/ingest/fetch/http-fetcher.ts';
import { createMemoryValidatorStore } from '../../src/ingest/fetch/memory-validator-store.ts';
import { InputError } from '../../src/input-error.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const fetcher = (): ReturnType<typeof createHttpFetcher> => createHttpFetcher({ timeoutMs: 2_000, allowHosts: ['127.0.0.1'], validators: createMemoryValidatorStore() });

const failureOf = (pending: Promise<unknown>): Promise<unknown> => pending.then(() => undefined, (error: unknown) => error);

describe('the status of a failed fetch', () => {
  it('is carried by the error, whose message stays as it was', async () => {
    server.route('/gone', respond('gone', {}, 410));
    const error = await failureOf(fetcher().fetch(server.url('/gone')));
    expect(error).toBeInstanceOf(InputError);
    expect(error).toBeInstanceOf(FetchError);
    expect(error).toMatchObject({ status: 410, message: `${server.url('/gone')}: HTTP 410 Gone` });
  });

  it('comes with how long the server asked to be left alone', async () => {
    server.route('/busy', respond('busy', { 'retry-after': '3600' }, 503));
    const error = await failureOf(fetcher().fetch(server.url('/busy')));
    expect(error).toMatchObject({ status: 503, retryAfterMs: 3_600_000, message: `${server.url('/busy')}: HTTP 503 Service Unavailable` });
  });

  it('reads a Retry-After given as a date against the server’s own Date', async () => {
    // The server's clock is a day behind: read against this machine's, the date would already be past.
    server.route('/busy-until', respond('busy', { date: 'Wed, 11 Sep 2024 08:00:00 GMT', 'retry-after': 'Wed, 11 Sep 2024 08:02:00 GMT' }, 503));
    expect(await failureOf(fetcher().fetch(server.url('/busy-until')))).toMatchObject({ status: 503, retryAfterMs: 120_000 });
  });

  it('is absent when the server never answered', async () => {
    const closed = createHttpFetcher({ timeoutMs: 2_000, allowHosts: ['127.0.0.1'] });
    const error = await failureOf(closed.fetch('http://127.0.0.1:1/feed'));
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).status).toBeUndefined();
  });
});

describe('how long a response stays fresh', () => {
  it('comes from Cache-Control max-age on a 200', async () => {
    server.route('/fresh', respond('<p>x</p>', { 'cache-control': 'max-age=1200' }));
    expect((await fetcher().fetch(server.url('/fresh'))).freshForMs).toBe(1_200_000);
  });

  it('comes from the 304 too, when it says so again', async () => {
    server.route('/feed', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304, { etag: '"v1"', 'cache-control': 'max-age=300' }).end();
      else response.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
    });
    const conditional = fetcher();
    await conditional.fetch(server.url('/feed'), { conditional: true });
    const again = await conditional.fetch(server.url('/feed'), { conditional: true });
    expect(again).toMatchObject({ status: 304, freshForMs: 300_000 });
  });

  it('comes from Expires, read against the server’s own Date', async () => {
    server.route('/expiring', respond('<p>x</p>', { date: 'Wed, 11 Sep 2024 08:00:00 GMT', expires: 'Wed, 11 Sep 2024 08:10:00 GMT' }));
    expect((await fetcher().fetch(server.url('/expiring'))).freshForMs).toBe(600_000);
  });

  it('comes from Expires read against this machine’s clock when the server sends no Date', async () => {
    server.route('/undated', (_request, response) => {
      response.sendDate = false;
      response.writeHead(200, { expires: 'Wed, 11 Sep 2024 08:10:00 GMT' }).end('<p>x</p>');
    });
    const clock = createHttpFetcher({ timeoutMs: 2_000, allowHosts: ['127.0.0.1'], now: () => Date.parse('2024-09-11T08:05:00Z') });
    expect((await clock.fetch(server.url('/undated'))).freshForMs).toBe(300_000);
  });

  it('is shortened by the Age a cache on the way has held it', async () => {
    server.route('/aged', respond('<p>x</p>', { 'cache-control': 'max-age=600', age: '100' }));
    expect((await fetcher().fetch(server.url('/aged'))).freshForMs).toBe(500_000);
  });

  it('is absent when the server forbids reuse', async () => {
    server.route('/private', respond('<p>x</p>', { 'cache-control': 'no-store' }));
    expect(await fetcher().fetch(server.url('/private'))).not.toHaveProperty('freshForMs');
  });
});
