import { execFile } from 'node:child_process';
import type { LookupAddress } from 'node:dns';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ResolveAll } from '../../src/ingest/fetch/address-guard.ts';
import { createHttpFetcher, DEFAULT_USER_AGENT, defaultIdleTimeoutMs, type HttpFetcherOptions } from '../../src/ingest/fetch/http-fetcher.ts';
import { createMemoryValidatorStore } from '../../src/ingest/fetch/memory-validator-store.ts';
import { InputError } from '../../src/input-error.ts';
import { redirect, respond, startTestServer, type TestServer } from '../support/http-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

function fetcher(overrides: HttpFetcherOptions = {}) {
  return createHttpFetcher({ timeoutMs: 2_000, maxBytes: 64 * 1024, allowHosts: ['127.0.0.1'], ...overrides });
}

const text = (body: Uint8Array): string => Buffer.from(body).toString('utf8');

const failureOf = (pending: Promise<unknown>): Promise<unknown> => pending.then(() => undefined, (error: unknown) => error);

/** A DNS that answers every name with the given addresses, as a hostile or a test DNS server might; it records each name asked. */
function resolvingTo(...addresses: string[]): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  const answers: LookupAddress[] = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  return Object.assign(async (hostname: string) => {
    asked.push(hostname);
    return answers;
  }, { asked });
}

/**
 * A DNS that rebinds: the first lookup of a name gets `first`, every later one gets `then`. A guard that judges one
 * answer and connects with another (the DNS rebinding hole) reaches `then`.
 */
function rebinding(first: string, then: string): ResolveAll & { asked: string[] } {
  const asked: string[] = [];
  return Object.assign(async (hostname: string): Promise<LookupAddress[]> => {
    asked.push(hostname);
    const address = asked.length === 1 ? first : then;
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  }, { asked });
}

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/fetch/${name}`, import.meta.url));

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check` comes true, looked at every 10 ms; the limit is generous, since only a failing test waits it out. */
async function eventually(check: () => boolean, withinMs = 10_000): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < withinMs; await delay(10)) if (check()) return true;
  return check();
}

describe('a plain fetch', () => {
  it('returns the body, the content type, and the URL asked for and fetched', async () => {
    server.route('/page', respond('<p>hello</p>', { 'content-type': 'text/html; charset=utf-8' }));
    const resource = await fetcher().fetch(server.url('/page'));
    expect(resource).toMatchObject({ status: 200, requestedUrl: server.url('/page'), url: server.url('/page'), contentType: 'text/html; charset=utf-8' });
    expect(text(resource.body)).toBe('<p>hello</p>');
  });

  it('introduces itself as Herald and asks for compressed bodies', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    server.route('/headers', (request, response) => {
      seen = request.headers;
      response.end('ok');
    });
    await fetcher().fetch(server.url('/headers'), { accept: 'application/rss+xml' });
    expect(seen).toMatchObject({ 'user-agent': DEFAULT_USER_AGENT, 'accept-encoding': 'gzip, deflate, br', accept: 'application/rss+xml' });
  });

  it('names the URL and the status of a 404', async () => {
    await expect(fetcher().fetch(server.url('/missing'))).rejects.toThrow(`${server.url('/missing')}: HTTP 404 Not Found`);
  });

  it('names the URL and the status of a 500', async () => {
    server.route('/broken', respond('oops', {}, 500));
    await expect(fetcher().fetch(server.url('/broken'))).rejects.toThrow(`${server.url('/broken')}: HTTP 500 Internal Server Error`);
  });

  it('rejects with a one-line InputError', async () => {
    const error = await failureOf(fetcher().fetch(server.url('/missing')));
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).not.toContain('\n');
  });

  it('takes every 2xx answer as the page, 299 included', async () => {
    server.route('/odd-success', respond('odd but fine', {}, 299));
    expect(text((await fetcher().fetch(server.url('/odd-success'))).body)).toBe('odd but fine');
  });

  it('names a status Node does not know by the reason phrase the server gave', async () => {
    server.route('/odd-failure', (_request, response) => void response.writeHead(599, 'Network Connect Timeout Error').end());
    const error = await failureOf(fetcher().fetch(server.url('/odd-failure')));
    expect((error as Error).message).toBe(`${server.url('/odd-failure')}: HTTP 599 Network Connect Timeout Error`);
  });

  it('names a status by its number alone when neither Node nor the server has words for it', async () => {
    server.route('/mute-failure', (_request, response) => void response.writeHead(599, '').end());
    const error = await failureOf(fetcher().fetch(server.url('/mute-failure')));
    expect((error as Error).message).toBe(`${server.url('/mute-failure')}: HTTP 599`);
  });
});

describe('redirects', () => {
  beforeAll(() => {
    for (let hop = 1; hop <= 7; hop += 1) server.route(`/hop/${hop}`, redirect(`/hop/${hop + 1}`));
    server.route('/hop/8', respond('arrived'));
    server.route('/loop/a', redirect('/loop/b', 301));
    server.route('/loop/b', redirect('/loop/a', 301));
  });

  it('follows five redirects with relative Locations and reports where it ended', async () => {
    const resource = await fetcher().fetch(server.url('/hop/3'));
    expect(resource).toMatchObject({ requestedUrl: server.url('/hop/3'), url: server.url('/hop/8') });
    expect(text(resource.body)).toBe('arrived');
  });

  it('refuses a sixth redirect', async () => {
    await expect(fetcher().fetch(server.url('/hop/2'))).rejects.toThrow(`${server.url('/hop/2')}: too many redirects (more than 5)`);
  });

  it('detects a redirect loop', async () => {
    await expect(fetcher().fetch(server.url('/loop/a'))).rejects.toThrow(`${server.url('/loop/a')}: redirect loop at ${server.url('/loop/a')}`);
  });

  it.each([301, 302, 303, 307, 308] as const)('follows a %i', async (status) => {
    server.route(`/moved-${status}`, redirect(server.url('/hop/8'), status));
    expect((await fetcher().fetch(server.url(`/moved-${status}`))).url).toBe(server.url('/hop/8'));
  });

  it('does not treat other 3xx answers as redirects', async () => {
    server.route('/choices', respond('', { location: '/hop/8' }, 300));
    await expect(fetcher().fetch(server.url('/choices'))).rejects.toThrow(`${server.url('/choices')}: HTTP 300 Multiple Choices`);
  });

  it('names both the URL asked for and the one redirected to when the second fails', async () => {
    server.route('/to-missing', redirect('/nowhere'));
    await expect(fetcher().fetch(server.url('/to-missing'))).rejects.toThrow(`${server.url('/to-missing')}: redirected to ${server.url('/nowhere')}: HTTP 404 Not Found`);
  });

  it('reports a Location that is not a URL', async () => {
    server.route('/bad-location', redirect('http://[not-an-address/'));
    await expect(fetcher().fetch(server.url('/bad-location'))).rejects.toThrow(`${server.url('/bad-location')}: redirected to an invalid URL (http://[not-an-address/)`);
  });

  it('refuses a redirect to a scheme other than http and https', async () => {
    server.route('/to-file', redirect('file:///etc/passwd'));
    await expect(fetcher().fetch(server.url('/to-file'))).rejects.toThrow(`${server.url('/to-file')}: redirected to file:///etc/passwd, but only http and https URLs can be fetched`);
  });

  it('follows a redirect from http to https, where the certificate is checked as for any https fetch', async () => {
    const secure = await startTestServer({ '/': respond('secret') }, { tls: { key: fixture('self-signed-localhost.key.pem'), cert: fixture('self-signed-localhost.cert.pem') } });
    try {
      server.route('/to-https', redirect(secure.url('/')));
      await expect(fetcher().fetch(server.url('/to-https'))).rejects.toThrow(
        `${server.url('/to-https')}: redirected to ${secure.url('/')}: TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)`,
      );
    } finally {
      await secure.close();
    }
  });

  it('names a redirect that says nowhere to go', async () => {
    server.route('/to-nowhere', (_request, response) => void response.writeHead(302).end());
    const error = await failureOf(fetcher().fetch(server.url('/to-nowhere')));
    expect(error).toMatchObject({ status: 302, message: `${server.url('/to-nowhere')}: HTTP 302 redirect without a Location` });
  });
});

describe('conditional GET', () => {
  it('sends the ETag of the last 200 back and accepts a 304 with an empty body', async () => {
    const seen: Array<string | undefined> = [];
    server.route('/etag', (request, response) => {
      seen.push(request.headers['if-none-match']);
      if (request.headers['if-none-match'] === '"v1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end('<rss/>');
    });
    const http = fetcher({ validators: createMemoryValidatorStore() });
    expect(await http.fetch(server.url('/etag'), { conditional: true })).toMatchObject({ status: 200, etag: '"v1"' });
    const second = await http.fetch(server.url('/etag'), { conditional: true });
    expect(second).toMatchObject({ status: 304, etag: '"v1"' });
    expect(second.body.length).toBe(0);
    expect(seen).toEqual([undefined, '"v1"']);
  });

  it('sends Last-Modified back as If-Modified-Since', async () => {
    const stamp = 'Wed, 21 Oct 2015 07:28:00 GMT';
    server.route('/modified', (request, response) => {
      if (request.headers['if-modified-since'] === stamp) response.writeHead(304).end();
      else response.writeHead(200, { 'last-modified': stamp }).end('<feed/>');
    });
    const http = fetcher({ validators: createMemoryValidatorStore() });
    expect((await http.fetch(server.url('/modified'), { conditional: true })).status).toBe(200);
    expect(await http.fetch(server.url('/modified'), { conditional: true })).toMatchObject({ status: 304, lastModified: stamp });
  });

  it('keeps the new validators when the resource has changed', async () => {
    let version = 1;
    server.route('/changing', (request, response) => {
      if (request.headers['if-none-match'] === `"v${version}"`) response.writeHead(304).end();
      else response.writeHead(200, { etag: `"v${version}"` }).end(`version ${version}`);
    });
    const validators = createMemoryValidatorStore();
    const http = fetcher({ validators });
    await http.fetch(server.url('/changing'), { conditional: true });
    version = 2;
    expect(text((await http.fetch(server.url('/changing'), { conditional: true })).body)).toBe('version 2');
    expect(await validators.get(server.url('/changing'))).toEqual({ etag: '"v2"' });
    expect((await http.fetch(server.url('/changing'), { conditional: true })).status).toBe(304);
  });

  it('writes validators only when a response changes them', async () => {
    // The publisher's answers, in order: no validators, then an ETag and a date, then 304s.
    const answers: Array<[status: number, headers: Record<string, string>]> = [
      [200, {}],
      [200, { etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' }],
      [304, { etag: '"v1"', 'last-modified': 'Wed, 21 Oct 2015 07:28:00 GMT' }],
      [304, { etag: '"v1"', 'last-modified': 'Thu, 22 Oct 2015 07:28:00 GMT' }],
      [304, { etag: '"v2"', 'last-modified': 'Thu, 22 Oct 2015 07:28:00 GMT' }],
    ];
    server.route('/validated', (_request, response) => {
      const [status, headers] = answers.shift()!;
      response.writeHead(status, headers).end(status === 200 ? '<rss/>' : undefined);
    });
    const store = createMemoryValidatorStore();
    const written: Array<{ etag?: string; lastModified?: string }> = [];
    const http = fetcher({ validators: { get: (url) => store.get(url), set: async (url, value) => (written.push(value), store.set(url, value)) } });
    for (let fetches = 0; fetches < 5; fetches += 1) await http.fetch(server.url('/validated'), { conditional: true });
    expect(written).toEqual([
      { etag: '"v1"', lastModified: 'Wed, 21 Oct 2015 07:28:00 GMT' },
      { etag: '"v1"', lastModified: 'Thu, 22 Oct 2015 07:28:00 GMT' },
      { etag: '"v2"', lastModified: 'Thu, 22 Oct 2015 07:28:00 GMT' },
    ]);
  });

  it('takes a 304 it did not ask for as the failure it is', async () => {
    server.route('/unasked-304', (_request, response) => {
      response.writeHead(304, { etag: '"x"' }).end();
    });
    await expect(fetcher().fetch(server.url('/unasked-304'))).rejects.toThrow('HTTP 304 Not Modified');
  });

  it('asks conditionally at the address a feed has moved to', async () => {
    server.route('/moved-feed', redirect('/new-feed', 301));
    server.route('/new-feed', (request, response) => {
      if (request.headers['if-none-match'] === '"n1"') response.writeHead(304).end();
      else response.writeHead(200, { etag: '"n1"' }).end('<rss/>');
    });
    const http = fetcher({ validators: createMemoryValidatorStore() });
    expect((await http.fetch(server.url('/moved-feed'), { conditional: true })).status).toBe(200);
    expect(await http.fetch(server.url('/moved-feed'), { conditional: true })).toMatchObject({ status: 304, url: server.url('/new-feed') });
  });

  it('asks unconditionally when not told to be conditional', async () => {
    server.route('/always', (request, response) => {
      response.writeHead(200, { etag: '"x"' }).end(request.headers['if-none-match'] ?? 'fresh');
    });
    const http = fetcher({ validators: createMemoryValidatorStore() });
    await http.fetch(server.url('/always'));
    expect(text((await http.fetch(server.url('/always'))).body)).toBe('fresh');
  });

  it('asks unconditionally when told to be conditional but given nowhere to keep validators', async () => {
    server.route('/unkept', (request, response) => {
      response.writeHead(200, { etag: '"x"' }).end(request.headers['if-none-match'] ?? 'fresh');
    });
    const http = fetcher();
    await http.fetch(server.url('/unkept'), { conditional: true });
    expect(text((await http.fetch(server.url('/unkept'), { conditional: true })).body)).toBe('fresh');
  });
});

describe('timeouts', () => {
  it('gives up on a server that never answers', async () => {
    server.route('/silent', () => {});
    // The reason names which limit fired: the overall deadline, not the 5 s idle limit.
    await expect(fetcher({ timeoutMs: 300, idleTimeoutMs: 5_000 }).fetch(server.url('/silent'))).rejects.toThrow(`${server.url('/silent')}: timed out after 0.3 s`);
  });

  it('gives up on a server that drips its body too slowly to finish in time', async () => {
    server.route('/drip', (_request, response) => {
      response.writeHead(200);
      const timer = setInterval(() => response.write('.'), 50);
      response.on('close', () => clearInterval(timer));
    });
    await expect(fetcher({ timeoutMs: 400 }).fetch(server.url('/drip'))).rejects.toThrow(`${server.url('/drip')}: timed out after 0.4 s`);
  });

  it('gives up on a connection that goes silent mid-body long before the overall deadline', async () => {
    server.route('/stall', (_request, response) => {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('the first few bytes');
    });
    // The reason names which limit fired: the idle limit, not the 5 s deadline.
    await expect(fetcher({ timeoutMs: 5_000, idleTimeoutMs: 200 }).fetch(server.url('/stall'))).rejects.toThrow(`${server.url('/stall')}: timed out (no data for 0.2 s)`);
  });

  // Told apart from the deadline only after 10 s of real silence, which Node's socket timer does not let a fake clock skip.
  it('lets a connection stay silent for 10 s at most when no idle limit is given, and for the deadline when that is shorter', () => {
    expect(defaultIdleTimeoutMs(15_000)).toBe(10_000);
    expect(defaultIdleTimeoutMs(300)).toBe(300);
  });

  it('counts every redirect hop against one deadline', async () => {
    for (let hop = 1; hop <= 4; hop += 1) {
      server.route(`/slow-hop/${hop}`, async (_request, response) => {
        await delay(150);
        response.writeHead(302, { location: `/slow-hop/${hop + 1}` }).end();
      });
    }
    await expect(fetcher({ timeoutMs: 400 }).fetch(server.url('/slow-hop/1'))).rejects.toThrow(/timed out after 0\.4 s$/);
  });

  it('sends no further hop once the hops so far have used the time, though no timer fired (a stalled process)', async () => {
    // The process stalls while the first hop's answer is read: by the clock the hop took 10 s, past the whole
    // deadline, though its timer, as timers on a stalled machine do, had not fired yet.
    const realNow = performance.now.bind(performance);
    let stalledMs = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => realNow() + stalledMs);
    try {
      server.route('/stalled-hop', (_request, response) => {
        stalledMs = 10_000;
        response.writeHead(302, { location: '/after-stall' }).end();
      });
      server.route('/after-stall', respond('too late'));
      await expect(fetcher({ timeoutMs: 400 }).fetch(server.url('/stalled-hop'))).rejects.toThrow(`${server.url('/stalled-hop')}: redirected to ${server.url('/after-stall')}: timed out after 0.4 s`);
      expect(server.requests).not.toContain('GET /after-stall');
    } finally {
      clock.mockRestore();
    }
  });

  it('closes its connection when it gives up', async () => {
    server.route('/hold', () => {});
    await expect(fetcher({ timeoutMs: 200 }).fetch(server.url('/hold'))).rejects.toThrow('timed out');
    expect(await eventually(() => server.openConnections() === 0)).toBe(true);
  });

  it('stops when the caller aborts', async () => {
    server.route('/wait', () => {});
    const controller = new AbortController();
    const pending = fetcher().fetch(server.url('/wait'), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(`${server.url('/wait')}: aborted`);
  });

  it('does nothing for a caller that has already given up: no validators read, no request sent', async () => {
    server.route('/given-up', respond('too late'));
    const reads: string[] = [];
    const store = createMemoryValidatorStore();
    const http = fetcher({ validators: { get: async (url) => (reads.push(url), store.get(url)), set: (url, value) => store.set(url, value) } });
    await expect(http.fetch(server.url('/given-up'), { conditional: true, signal: AbortSignal.abort() })).rejects.toThrow(`${server.url('/given-up')}: aborted`);
    expect(reads).toEqual([]);
    expect(server.requests).not.toContain('GET /given-up');
  });

  it('leaves nothing behind that keeps the process running', async () => {
    server.route('/hang', () => {});
    server.route('/small', respond('small'));
    const script = fileURLToPath(new URL('../fixtures/fetch/fetch-then-exit.ts', import.meta.url));
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', script, server.url('/small'), server.url('/hang'), server.url('/missing')], { timeout: 10_000 }, (error, out) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout: out }),
      );
      child.stdin?.end();
    });
    expect(stdout.trim().split('\n')).toEqual(['200 5 bytes', `${server.url('/hang')}: timed out after 0.3 s`, `${server.url('/missing')}: HTTP 404 Not Found`]);
    expect(code).toBe(0);
  });
});

describe('the address in a failure', () => {
  it('shows control characters as spaces, and cuts a huge address short', async () => {
    await expect(fetcher().fetch('ftp://files.example/\u0000\u0001a\n')).rejects.toThrow('ftp://files.example/ a: only http and https URLs can be fetched');
    const huge = `ftp://files.example/${'a'.repeat(400)}`;
    await expect(fetcher().fetch(huge)).rejects.toThrow(`${huge.slice(0, 299)}…: only http and https URLs can be fetched`);
  });

  it('shows an address of exactly 300 characters whole', async () => {
    const longest = `ftp://files.example/${'a'.repeat(280)}`;
    expect(longest).toHaveLength(300);
    const error = await failureOf(fetcher().fetch(longest));
    expect((error as Error).message).toBe(`${longest}: only http and https URLs can be fetched`);
  });
});

describe('size limits', () => {
  it('refuses a body whose Content-Length is over the limit', async () => {
    server.route('/declared', respond(Buffer.alloc(100 * 1024, 'a')));
    await expect(fetcher().fetch(server.url('/declared'))).rejects.toThrow(`${server.url('/declared')}: response larger than 64 KiB`);
  });

  it.each([
    [undefined, '10 MiB'],
    [2 * 1024 * 1024, '2 MiB'],
    [1024 * 1024, '1 MiB'],
    [1536 * 1024, '1536 KiB'],
    [1024, '1 KiB'],
    [3000, '3000 bytes'],
  ])('names a limit of %s bytes as %s', async (maxBytes, label) => {
    const limit = maxBytes ?? 10 * 1024 * 1024;
    server.route('/over', respond(Buffer.alloc(limit + 1, 'a')));
    const options = maxBytes === undefined ? {} : { maxBytes };
    await expect(createHttpFetcher({ allowHosts: ['127.0.0.1'], ...options }).fetch(server.url('/over'))).rejects.toThrow(`${server.url('/over')}: response larger than ${label}`);
  });

  it('stops reading a body without Content-Length once it passes the limit', async () => {
    server.route('/chunked', (_request, response) => {
      response.writeHead(200, { 'transfer-encoding': 'chunked' });
      const timer = setInterval(() => response.write(Buffer.alloc(16 * 1024, 'b')), 5);
      response.on('close', () => clearInterval(timer));
    });
    await expect(fetcher().fetch(server.url('/chunked'))).rejects.toThrow(`${server.url('/chunked')}: response larger than 64 KiB`);
  });

  it('refuses a small gzip body that inflates past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0));
    expect(bomb.length).toBeLessThan(64 * 1024);
    server.route('/bomb', respond(bomb, { 'content-encoding': 'gzip' }));
    await expect(fetcher().fetch(server.url('/bomb'))).rejects.toThrow(`${server.url('/bomb')}: response larger than 64 KiB once decompressed`);
  });

  it('accepts a body of exactly the limit once decompressed', async () => {
    server.route('/exact', respond(gzipSync(Buffer.alloc(64 * 1024, 'c')), { 'content-encoding': 'gzip' }));
    expect((await fetcher().fetch(server.url('/exact'))).body.length).toBe(64 * 1024);
  });
});

describe('compression', () => {
  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
    ['deflate', deflateSync],
  ] as const)('inflates a %s body', async (encoding, compress) => {
    server.route(`/compressed-${encoding}`, respond(compress('<p>squeezed</p>'), { 'content-encoding': encoding }));
    expect(text((await fetcher().fetch(server.url(`/compressed-${encoding}`))).body)).toBe('<p>squeezed</p>');
  });

  it('inflates a "deflate" body sent without its zlib header, as some servers do', async () => {
    server.route('/raw-deflate', respond(deflateRawSync('<p>raw</p>'), { 'content-encoding': 'deflate' }));
    expect(text((await fetcher().fetch(server.url('/raw-deflate'))).body)).toBe('<p>raw</p>');
  });

  it('undoes stacked codings in reverse order', async () => {
    server.route('/stacked', respond(brotliCompressSync(gzipSync('<p>twice</p>')), { 'content-encoding': 'gzip, br' }));
    expect(text((await fetcher().fetch(server.url('/stacked'))).body)).toBe('<p>twice</p>');
  });

  it('reports a damaged compressed body', async () => {
    server.route('/bad-gzip', respond(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }));
    await expect(fetcher().fetch(server.url('/bad-gzip'))).rejects.toThrow(`${server.url('/bad-gzip')}: damaged gzip body (incorrect header check)`);
  });

  it('reports a coding it cannot undo instead of passing the bytes on', async () => {
    server.route('/zstd', respond(Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), { 'content-encoding': 'zstd' }));
    await expect(fetcher().fetch(server.url('/zstd'))).rejects.toThrow(`${server.url('/zstd')}: unsupported content encoding "zstd"`);
  });
});

describe('the private-address guard', () => {
  it('refuses loopback when it is not explicitly allowed, without sending the request', async () => {
    server.route('/secret', respond('secret'));
    await expect(fetcher({ allowHosts: [] }).fetch(server.url('/secret'))).rejects.toThrow(`${server.url('/secret')}: refused: a loopback address (127.0.0.1)`);
    expect(server.requests).not.toContain('GET /secret');
  });

  it.each([
    ['http://10.1.2.3/', 'a private address (10.1.2.3)'],
    ['http://169.254.169.254/latest/meta-data/', 'a link-local or cloud metadata address (169.254.169.254)'],
    ['http://[::1]/', 'a loopback address (::1)'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address (::ffff:7f00:1)'],
    ['http://[::ffff:7f00:1]/', 'a loopback address (::ffff:7f00:1)'],
    ['http://[64:ff9b::a9fe:a9fe]/', 'a link-local or cloud metadata address (64:ff9b::a9fe:a9fe)'],
    ['https://192.168.0.1:8443/admin', 'a private address (192.168.0.1)'],
    ['http://0x7f.1/', 'a loopback address (127.0.0.1)'],
    ['http://2130706433/', 'a loopback address (127.0.0.1)'],
    ['http://0.0.0.0:8080/', 'an unspecified address (0.0.0.0)'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'a cloud metadata host'],
  ])('refuses %s', async (url, reason) => {
    await expect(fetcher({ allowHosts: [] }).fetch(url)).rejects.toThrow(`${url}: refused: ${reason}`);
  });

  it('refuses a metadata hostname without asking DNS', async () => {
    const dns = resolvingTo('93.184.215.14');
    await expect(fetcher({ allowHosts: [], lookup: dns }).fetch('http://metadata/computeMetadata/v1/')).rejects.toThrow('refused: a cloud metadata host');
    expect(dns.asked).toEqual([]);
  });

  it('refuses a public-looking hostname that resolves to a private address', async () => {
    await expect(fetcher({ allowHosts: [], lookup: resolvingTo('10.0.0.5') }).fetch('http://news.example/feed')).rejects.toThrow('http://news.example/feed: refused: resolves to a private address (10.0.0.5)');
  });

  it('refuses a hostname when any one of its addresses is private', async () => {
    await expect(fetcher({ allowHosts: [], lookup: resolvingTo('93.184.215.14', '::ffff:169.254.169.254') }).fetch('http://news.example/feed')).rejects.toThrow(
      'http://news.example/feed: refused: resolves to a link-local or cloud metadata address (::ffff:169.254.169.254)',
    );
  });

  it('refuses a redirect from an allowed host to the metadata address', async () => {
    server.route('/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'));
    await expect(fetcher().fetch(server.url('/to-metadata'))).rejects.toThrow(
      `${server.url('/to-metadata')}: redirected to http://169.254.169.254/latest/meta-data/: refused: a link-local or cloud metadata address (169.254.169.254)`,
    );
  });

  it('checks the addresses of a hostname reached by redirect', async () => {
    server.route('/to-intranet', redirect('http://intranet.example/'));
    await expect(fetcher({ lookup: resolvingTo('192.168.1.10') }).fetch(server.url('/to-intranet'))).rejects.toThrow(
      `${server.url('/to-intranet')}: redirected to http://intranet.example/: refused: resolves to a private address (192.168.1.10)`,
    );
  });

  it('lets a hostname through when the address it resolves to is allowed', async () => {
    server.route('/via-name', respond('named'));
    expect(text((await fetcher({ lookup: resolvingTo('127.0.0.1') }).fetch(`http://feeds.test:${server.port}/via-name`)).body)).toBe('named');
  });

  it('lets an allowed hostname through whatever it resolves to', async () => {
    server.route('/local', respond('local'));
    expect(text((await fetcher({ allowHosts: ['localhost'], lookup: resolvingTo('127.0.0.1') }).fetch(`http://localhost:${server.port}/local`)).body)).toBe('local');
  });

  it('connects to the very address it judged when the name rebinds to a private one between lookups', async () => {
    server.route('/feed', respond('public feed'));
    // An internal service on another loopback address and the same port: where a rebound connection would land.
    const internal = await startTestServer({ '/feed': respond('internal secret') }, { listen: { host: '127.0.0.2', port: server.port } });
    try {
      const dns = rebinding('127.0.0.1', '127.0.0.2');
      const http = fetcher({ allowHosts: ['127.0.0.1'], lookup: dns });
      expect(text((await http.fetch(`http://news.test:${server.port}/feed`)).body)).toBe('public feed');
      expect(internal.requests).toEqual([]);
      // The next fetch asks DNS again, and the rebound answer is judged, not a remembered one.
      await expect(http.fetch(`http://news.test:${server.port}/feed`)).rejects.toThrow('refused: resolves to a loopback address (127.0.0.2)');
      expect(internal.requests).toEqual([]);
      expect(dns.asked).toEqual(['news.test', 'news.test']);
    } finally {
      await internal.close();
    }
  });

  it('reports a name DNS does not know', async () => {
    const unknown: ResolveAll = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    };
    await expect(fetcher({ lookup: unknown }).fetch('http://nowhere.example/feed')).rejects.toThrow('http://nowhere.example/feed: DNS lookup failed (ENOTFOUND)');
  });

  it('asks the system’s DNS when given no lookup of its own, and judges its answer', async () => {
    // localhost is the one name every machine's resolver answers, with a loopback address (127.0.0.1 or ::1).
    const http = createHttpFetcher({ timeoutMs: 2_000 });
    await expect(http.fetch(`http://localhost:${server.port}/feed`)).rejects.toThrow(/^http:\/\/localhost:\d+\/feed: refused: resolves to a loopback address \((127\.0\.0\.1|::1)\)$/);
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
    const http = fetcher({ perHostConcurrency: 2, lookup: resolvingTo('127.0.0.1'), timeoutMs: 5_000 });
    const slow = [1, 2, 3].map(() => http.fetch(`http://busy.test:${server.port}/slow`));
    expect(await eventually(() => inFlight === 2)).toBe(true);
    expect(text((await http.fetch(`http://idle.test:${server.port}/quick`)).body)).toBe('quick');
    expect(inFlight).toBe(2);
    while (release.length || inFlight) {
      release.shift()?.();
      await delay(20);
    }
    await Promise.all(slow);
    expect(most).toBe(2);
  });

  it('lets a caller abort a request still waiting for its turn', async () => {
    const release: Array<() => void> = [];
    server.route('/held', (_request, response) => void release.push(() => response.end('held')));
    const http = fetcher({ perHostConcurrency: 1 });
    const holding = http.fetch(server.url('/held'));
    expect(await eventually(() => release.length === 1)).toBe(true);
    const controller = new AbortController();
    const queued = http.fetch(server.url('/held'), { signal: controller.signal });
    controller.abort();
    await expect(queued).rejects.toThrow(`${server.url('/held')}: aborted`);
    release.shift()?.();
    await holding;
    expect(server.requests.filter((request) => request === 'GET /held')).toHaveLength(1);
  });
});

describe('bad requests and broken connections', () => {
  it('refuses an unparsable URL before connecting', async () => {
    await expect(fetcher().fetch('http//missing-colon')).rejects.toThrow('http//missing-colon: not a valid URL');
  });

  it.each(['ftp://example.com/feed.xml', 'file:///etc/passwd', 'javascript:alert(1)'])('refuses %s, which is neither http nor https', async (url) => {
    await expect(fetcher().fetch(url)).rejects.toThrow(`${url}: only http and https URLs can be fetched`);
  });

  it('keeps a URL with line breaks in it to one line', async () => {
    const error = await failureOf(fetcher().fetch('not a url\nsecond line'));
    expect((error as Error).message).toBe('not a url second line: not a valid URL');
  });

  it('reports a refused connection', async () => {
    const closed = await startTestServer();
    const url = closed.url('/gone');
    await closed.close();
    await expect(fetcher().fetch(url)).rejects.toThrow(`${url}: connection refused`);
  });

  it('reports a server that hangs up before the body is complete', async () => {
    server.route('/cut', (_request, response) => {
      response.writeHead(200, { 'content-length': '1000' });
      response.write('only part of it', () => response.socket?.destroy());
    });
    await expect(fetcher().fetch(server.url('/cut'))).rejects.toThrow(`${server.url('/cut')}: connection closed before the body was complete (15 of the 1000 bytes announced)`);
  });

  it('reports https spoken to a plain-http server as a TLS error', async () => {
    await expect(fetcher().fetch(server.url('/over-tls').replace('http:', 'https:'))).rejects.toThrow(/^https:\/\/127\.0\.0\.1:\d+\/over-tls: TLS error: wrong version number \(EPROTO\)$/);
  });

  it('reports a certificate it cannot trust', async () => {
    const secure = await startTestServer({ '/': respond('secret') }, { tls: { key: fixture('self-signed-localhost.key.pem'), cert: fixture('self-signed-localhost.cert.pem') } });
    try {
      await expect(fetcher().fetch(secure.url('/'))).rejects.toThrow(`${secure.url('/')}: TLS error: self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)`);
    } finally {
      await secure.close();
    }
  });
});
