import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { createBrotliCompress, constants as zlib, gzipSync } from 'node:zlib';
import { redirect, startTestServer, type Handler, type TestServer } from './http-server.ts';

/** An RSS feed whose items link under `base`, so that feeds on different hosts never share an article. */
export function rssFeed(base: string, title: string, items: string[]): string {
  const entries = items.map(
    (item, index) =>
      `<item><title>${item}</title><link>${base}/story-${index}</link><guid>${base}/story-${index}</guid><description>${item}: what happened, told in a sentence or two for the briefing.</description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link>${entries.join('')}</channel></rss>`;
}

/** The origin a request was sent to, by its Host header: each of many hostnames on one loopback server gets feeds of its own. */
export function requestOrigin(request: IncomingMessage): string {
  return `http://${request.headers.host ?? 'unknown'}`;
}

const GIB = 1024 ** 3;

/**
 * A gzip body of about 1 MiB that inflates to `inflatedBytes` of spaces: one member compressed once and repeated,
 * since gunzip reads concatenated members as one stream (RFC 1952). Cheap to build, however large it claims to be.
 */
function gzipBomb(inflatedBytes: number): Buffer {
  const memberBytes = 16 * 1024 * 1024;
  const member = gzipSync(Buffer.alloc(memberBytes, ' '), { level: 9 });
  return Buffer.concat(new Array<Buffer>(Math.ceil(inflatedBytes / memberBytes)).fill(member));
}

/** A brotli body of about 200 KiB that inflates to `inflatedBytes` of spaces, compressed as a stream so it is never all in memory. */
async function brotliBomb(inflatedBytes: number): Promise<Buffer> {
  const compressor = createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 1, [zlib.BROTLI_PARAM_SIZE_HINT]: inflatedBytes } });
  const compressed: Buffer[] = [];
  compressor.on('data', (chunk: Buffer) => compressed.push(chunk));
  const ended = once(compressor, 'end');
  const chunk = Buffer.alloc(16 * 1024 * 1024, ' ');
  for (let written = 0; written < inflatedBytes; written += chunk.length) if (!compressor.write(chunk)) await once(compressor, 'drain');
  compressor.end();
  await ended;
  return Buffer.concat(compressed);
}

/** Writes `total` bytes of a feed that never closes its channel, as fast as the client reads, stopping when it hangs up. */
function stream(response: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, ' ');
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
  pump();
}

export interface HostileOptions {
  /** Between the bytes the slowloris route drips. 1 s by default. */
  dripEveryMs?: number;
}

/** Where the server's misbehaviours are, each a path on it. */
export const HOSTILE_PATHS = {
  slowloris: '/slowloris.xml',
  neverEnds: '/never-ends.xml',
  fiveGigabytes: '/five-gigabytes.xml',
  fiveGigabytesDeclared: '/five-gigabytes-declared.xml',
  gzipBomb: '/gzip-bomb.xml',
  brotliBomb: '/brotli-bomb.xml',
  redirectLoop: '/redirect-loop.xml',
  redirectToPrivate: '/redirect-to-private.xml',
  redirectToMetadata: '/redirect-to-metadata.xml',
  lengthLongerThanBody: '/length-longer-than-body.xml',
  lengthShorterThanBody: '/length-shorter-than-body.xml',
  wrongContentType: '/wrong-content-type.xml',
  binaryAsFeed: '/binary-as-feed.xml',
  invalidUtf8: '/invalid-utf8.xml',
  htmlErrorPage: '/html-error-page.xml',
  retryAfterAYear: '/retry-after-a-year.xml',
  rateLimitedForAYear: '/rate-limited-for-a-year.xml',
  freshForAYear: '/fresh-for-a-year.xml',
} as const;

export type HostileBehaviour = keyof typeof HOSTILE_PATHS;

/**
 * A feed host that misbehaves in every way one can, one path per misbehaviour (HOSTILE_PATHS), on loopback.
 * `/feed.xml` is a well-behaved feed, distinct for each Host it is asked as, answering 304 to its own ETag.
 * Every route keys its links by the Host header, so many hostnames can share the one server.
 */
export async function startHostileFeedServer(options: HostileOptions = {}): Promise<TestServer> {
  const dripEveryMs = options.dripEveryMs ?? 1_000;
  const gzipped = gzipBomb(GIB);
  const brotli = await brotliBomb(GIB);
  const feedOf = (request: IncomingMessage, title: string): string => rssFeed(requestOrigin(request), title, [`${title}: harbour reopens`, `${title}: bridge closes`]);
  const year = 365 * 24 * 60 * 60;

  const routes: Record<string, Handler> = {
    '/feed.xml': (request, response) => {
      const etag = '"v1"';
      if (request.headers['if-none-match'] === etag) response.writeHead(304, { etag }).end();
      else response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feedOf(request, `Feed of ${request.headers.host}`));
    },
    [HOSTILE_PATHS.slowloris]: (request, response) => {
      const body = feedOf(request, 'Slowloris');
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(body.length) });
      let at = 0;
      const drip = setInterval(() => {
        if (response.destroyed || at >= body.length) clearInterval(drip);
        else response.write(body[at++]!);
      }, dripEveryMs);
      response.on('close', () => clearInterval(drip));
    },
    [HOSTILE_PATHS.neverEnds]: (request, response) => {
      const body = feedOf(request, 'Never ends');
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.write(body.slice(0, body.length / 2));
    },
    [HOSTILE_PATHS.fiveGigabytes]: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      stream(response, 5 * GIB);
    },
    [HOSTILE_PATHS.fiveGigabytesDeclared]: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(5 * GIB) });
      stream(response, 5 * GIB);
    },
    [HOSTILE_PATHS.gzipBomb]: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip', 'content-length': String(gzipped.length) }).end(gzipped);
    },
    [HOSTILE_PATHS.brotliBomb]: (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'br', 'content-length': String(brotli.length) }).end(brotli);
    },
    [HOSTILE_PATHS.redirectLoop]: redirect('/redirect-loop-again.xml'),
    '/redirect-loop-again.xml': redirect(HOSTILE_PATHS.redirectLoop),
    [HOSTILE_PATHS.redirectToPrivate]: redirect('http://10.1.2.3/feed.xml', 301),
    [HOSTILE_PATHS.redirectToMetadata]: redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/'),
    [HOSTILE_PATHS.lengthLongerThanBody]: (request, response) => {
      const body = feedOf(request, 'Length longer than body');
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(body.length * 10) });
      response.write(body, () => response.socket?.end());
    },
    [HOSTILE_PATHS.lengthShorterThanBody]: (request, response) => {
      const body = feedOf(request, 'Length shorter than body');
      // Announces the feed up to the end of its first item; the second follows unannounced (Node sends it when not told to be strict).
      const announced = body.indexOf('</item>') + '</item>'.length;
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(announced) }).end(body);
    },
    [HOSTILE_PATHS.wrongContentType]: (request, response) => {
      response.writeHead(200, { 'content-type': 'image/png' }).end(feedOf(request, 'Wrong content type'));
    },
    [HOSTILE_PATHS.binaryAsFeed]: (_request, response) => {
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131 + 7) % 256));
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(noise);
    },
    [HOSTILE_PATHS.invalidUtf8]: (request, response) => {
      const feed = feedOf(request, 'Invalid UTF-8');
      const at = feed.indexOf(': harbour');
      // A lone continuation byte, a truncated sequence and an overlong "/" in the first title: none of them UTF-8.
      const body = Buffer.concat([Buffer.from(feed.slice(0, at)), Buffer.from([0x80, 0xc3, 0x28, 0xc0, 0xaf]), Buffer.from(feed.slice(at))]);
      response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    },
    [HOSTILE_PATHS.htmlErrorPage]: (_request, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html><head><title>503 Service Temporarily Unavailable</title></head><body><h1>Service Temporarily Unavailable</h1><hr><address>nginx</address></body></html>');
    },
    [HOSTILE_PATHS.retryAfterAYear]: (_request, response) => {
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': String(year) }).end('come back next year');
    },
    [HOSTILE_PATHS.rateLimitedForAYear]: (_request, response) => {
      response.writeHead(429, { 'content-type': 'text/plain', 'retry-after': new Date(Date.now() + year * 1000).toUTCString() }).end('slow down');
    },
    [HOSTILE_PATHS.freshForAYear]: (request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'cache-control': `max-age=${year}` }).end(feedOf(request, 'Fresh for a year'));
    },
  };
  return startTestServer(routes);
}
