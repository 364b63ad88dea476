import type { LookupAddress } from 'node:dns';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher, type HttpFetcherOptions } from '../../src/ingest/fetch/http-fetcher.ts';
import type { ValidatorStore } from '../../src/ingest/fetch/fetcher.ts';
import { InputError } from '../../src/input-error.ts';
import { respond, startTestServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

function fetcher(overrides: Partial<HttpFetcherOptions> = {}) {
  return createHttpFetcher({ timeoutMs: 2_000, maxBytes: 64 * 1024, maxRedirects: 5, perHostConcurrency: 2, allowHosts: ['127.0.0.1'], ...overrides });
}

function memoryValidators(): ValidatorStore {
  const map = new Map<string, { etag?: string; lastModified?: string }>();
  return { get: async (url) => map.get(url), set: async (url, value) => void map.set(url, value) };
}

const text = (body: Uint8Array): string => Buffer.from(body).toString('utf8');

/** A DNS that answers every name with one address, as a hostile or a test DNS server might. */
function resolvingTo(address: string): NonNullable<HttpFetcherOptions['lookup']> {
  const lookup = (_host: string, _options: unknown, callback: (error: null, addresses: LookupAddress[]) => void): void => callback(null, [{ address, family: 4 }]);
  return lookup as unknown as NonNullable<HttpFetcherOptions['lookup']>;
}

describe('a plain fetch', () => {
  it('returns the body, the content type and the final URL', async () => {
    server.route('/page', respond('<p>hello</p>', { 'content-type': 'text/html; charset=utf-8' }));
    const resource = await fetcher().fetch(server.url('/page'));
    expect(resource).toMatchObject({ status: 200, url: server.url('/page'), contentType: 'text/html; charset=utf-8' });
    expect(text(resource.body)).toBe('<p>hello</p>');
  });

  it('names the URL and the status of an error response', async () => {
    await expect(fetcher().fetch(server.url('/missing'))).rejects.toThrow(`${server.url('/missing')}: HTTP 404 Not Found`);
    server.route('/broken', respond('oops', {}, 500));
    await expect(fetcher().fetch(server.url('/broken'))).rejects.toThrow(`${server.url('/broken')}: HTTP 500 Internal Server Error`);
  });

  it('rejects every failure as a one-line InputError', async () => {
    const error = await fetcher().fetch(server.url('/missing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('redirects', () => {
  beforeAll(() => {
    for (let hop = 1; hop <= 7; hop += 1) server.route(`/hop/${hop}`, respond('', { location: `/hop/${hop + 1}` }, 302));
    server.route('/hop/8', respond('arrived'));
    server.route('/loop/a', respond('', { location: '/loop/b' }, 301));
    server.route('/loop/b', respond('', { location: '/loop/a' }, 301));
  });

  it('follows five redirects, relative Locations included, and reports where it ended', async () => {
    const resource = await fetcher().fetch(server.url('/hop/3'));
    expect(resource.url).toBe(server.url('/hop/8'));
    expect(text(resource.body)).toBe('arrived');
  });

  it('refuses a sixth redirect', async () => {
    await expect(fetcher().fetch(server.url('/hop/2'))).rejects.toThrow(`${server.url('/hop/2')}: too many redirects (more than 5)`);
  });

  it('detects a redirect loop', async () => {
    await expect(fetcher().fetch(server.url('/loop/a'))).rejects.toThrow(`${server.url('/loop/a')}: redirect loop at ${server.url('/loop/a')}`);
  });
});

describe('conditional GET', () => {
  it('sends the ETag back and accepts a 304 with no body', async () => {
    server.route('/etag', (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
    });
    const http = fetcher({ validators: memoryValidators() });
    expect((await http.fetch(server.url('/etag'), { conditional: true })).status).toBe(200);
    const second = await http.fetch(server.url('/etag'), { conditional: true });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const stamp = 'Wed, 21 Oct 2015 07:28:00 GMT';
    server.route('/modified', (request, response) => {
      if (request.headers['if-modified-since'] === stamp) response.writeHead(304).end();
      else response.writeHead(200, { 'last-modified': stamp }).end('<feed/>');
    });
    const http = fetcher({ validators: memoryValidators() });
    await http.fetch(server.url('/modified'), { conditional: true });
    expect((await http.fetch(server.url('/modified'), { conditional: true })).status).toBe(304);
  });

  it('asks unconditionally when not told to be conditional', async () => {
    server.route('/always', (request, response) => {
      response.writeHead(200, { etag: '"x"' }).end(request.headers['if-none-match'] ?? 'fresh');
    });
    const http = fetcher({ validators: memoryValidators() });
    await http.fetch(server.url('/always'));
    expect(text((await http.fetch(server.url('/always'))).body)).toBe('fresh');
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers', async () => {
    server.route('/silent', () => {});
    const started = Date.now();
    await expect(fetcher({ timeoutMs: 300 }).fetch(server.url('/silent'))).rejects.toThrow(/^http:\/\/127\.0\.0\.1:\d+\/silent: timed out/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a server that drips its body too slowly', async () => {
    server.route('/drip', (_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write('.'), 50);
      response.on('close', () => clearInterval(timer));
    });
    await expect(fetcher({ timeoutMs: 400 }).fetch(server.url('/drip'))).rejects.toThrow(/\/drip: timed out after 0\.4 s/);
  });
});

describe('size limits', () => {
  it('refuses a body whose Content-Length is over the limit before reading it', async () => {
    server.route('/declared', respond(Buffer.alloc(100 * 1024, 'a')));
    await expect(fetcher().fetch(server.url('/declared'))).rejects.toThrow(`${server.url('/declared')}: response larger than 64 KiB`);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    server.route('/chunked', (_request, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let index = 0; index < 100; index += 1) response.write(Buffer.alloc(1024, 'b'));
      response.end();
    });
    await expect(fetcher().fetch(server.url('/chunked'))).rejects.toThrow('response larger than 64 KiB');
  });

  it('refuses a small gzip body that inflates past the limit', async () => {
    server.route('/bomb', respond(gzipSync(Buffer.alloc(10 * 1024 * 1024, 0)), { 'content-encoding': 'gzip' }));
    await expect(fetcher().fetch(server.url('/bomb'))).rejects.toThrow('response larger than 64 KiB once decompressed');
  });
});

describe('compression', () => {
  it('inflates gzip and brotli bodies', async () => {
    server.route('/gzip', respond(gzipSync('<p>gzipped</p>'), { 'content-encoding': 'gzip' }));
    server.route('/br', respond(brotliCompressSync('<p>brotli</p>'), { 'content-encoding': 'br' }));
    expect(text((await fetcher().fetch(server.url('/gzip'))).body)).toBe('<p>gzipped</p>');
    expect(text((await fetcher().fetch(server.url('/br'))).body)).toBe('<p>brotli</p>');
  });

  it('reports a damaged compressed body', async () => {
    server.route('/bad-gzip', respond(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }));
    await expect(fetcher().fetch(server.url('/bad-gzip'))).rejects.toThrow(`${server.url('/bad-gzip')}: damaged gzip body`);
  });
});

describe('the private-address guard', () => {
  it('refuses loopback when it is not explicitly allowed', async () => {
    server.route('/secret', respond('secret'));
    await expect(fetcher({ allowHosts: [] }).fetch(server.url('/secret'))).rejects.toThrow(`${server.url('/secret')}: refused: a loopback address (127.0.0.1)`);
    expect(server.requests).not.toContain('GET /secret');
  });

  it.each([
    ['http://10.1.2.3/', 'a private address (10.1.2.3)'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local or cloud metadata address (169.254.169.254)'],
    ['http://[::1]/', 'a loopback address (::1)'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address (::ffff:7f00:1)'],
    ['http://192.168.0.1:8080/admin', 'a private address (192.168.0.1)'],
    ['http://0x7f.1/', 'a loopback address (127.0.0.1)'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'a cloud metadata host'],
  ])('refuses %s', async (url, reason) => {
    await expect(fetcher({ allowHosts: [] }).fetch(url)).rejects.toThrow(`refused: ${reason}`);
  });

  it('refuses a public-looking hostname that resolves to a private address', async () => {
    await expect(fetcher({ allowHosts: [], lookup: resolvingTo('10.0.0.5') }).fetch('http://news.example/feed')).rejects.toThrow('http://news.example/feed: refused: resolves to a private address (10.0.0.5)');
  });

  it('refuses a redirect from an allowed host to the metadata address', async () => {
    server.route('/to-metadata', respond('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302));
    await expect(fetcher().fetch(server.url('/to-metadata'))).rejects.toThrow('http://169.254.169.254/latest/meta-data/: refused: a link-local or cloud metadata address (169.254.169.254)');
  });

  it('lets a hostname through when the address it resolves to is allowed', async () => {
    server.route('/via-name', respond('named'));
    const port = new URL(server.origin).port;
    expect(text((await fetcher({ lookup: resolvingTo('127.0.0.1') }).fetch(`http://feeds.test:${port}/via-name`)).body)).toBe('named');
  });
});

describe('per-host concurrency', () => {
  it('makes a third request to one host wait while a request to another host goes ahead', async () => {
    let inFlight = 0;
    let most = 0;
    const release: Array<() => void> = [];
    server.route('/slow', (_request, response) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      release.push(() => {
        inFlight -= 1;
        response.end('done');
      });
    });
    server.route('/quick', respond('quick'));
    // Two hostnames for the one loopback server, so that they count as different hosts.
    const port = new URL(server.origin).port;
    const http = fetcher({ perHostConcurrency: 2, lookup: resolvingTo('127.0.0.1'), timeoutMs: 5_000 });
    const slow = [1, 2, 3].map(() => http.fetch(`http://busy.test:${port}/slow`));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(inFlight).toBe(2);
    expect(text((await http.fetch(`http://idle.test:${port}/quick`)).body)).toBe('quick');
    while (release.length || inFlight) {
      release.shift()?.();
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await Promise.all(slow);
    expect(most).toBe(2);
  });
});

describe('bad requests', () => {
  it('refuses an unparsable URL before connecting', async () => {
    await expect(fetcher().fetch('http//missing-colon')).rejects.toThrow('http//missing-colon: not a valid URL');
  });

  it('refuses schemes other than http and https', async () => {
    await expect(fetcher().fetch('ftp://example.com/feed.xml')).rejects.toThrow('ftp://example.com/feed.xml: only http and https URLs can be fetched');
    await expect(fetcher().fetch('file:///etc/passwd')).rejects.toThrow('only http and https URLs can be fetched');
  });

  it('reports a refused connection', async () => {
    const closed = await startTestServer();
    const url = closed.url('/gone');
    await closed.close();
    await expect(fetcher().fetch(url)).rejects.toThrow(`${url}: connection refused`);
  });

  it('stops when the caller aborts', async () => {
    server.route('/wait', () => {});
    const controller = new AbortController();
    const pending = fetcher().fetch(server.url('/wait'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(`${server.url('/wait')}: aborted`);
  });
});
