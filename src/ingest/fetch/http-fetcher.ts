import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { InputError } from '../../input-error.ts';
import { blockedReason, isMetadataHost } from './address-guard.ts';
import type { FetchedResource, Fetcher, FetchOptions, ValidatorStore } from './fetcher.ts';
import { createHostLimiter } from './host-limiter.ts';

export interface HttpFetcherOptions {
  /** Each request, from connecting to the end of its body (each redirect hop has its own). */
  timeoutMs: number;
  /** How long a connection may sit silent, connecting or mid-body. Defaults to the lesser of timeoutMs and 10 s. */
  idleTimeoutMs?: number;
  /** The largest body accepted, after decompression. */
  maxBytes: number;
  maxRedirects: number;
  perHostConcurrency: number;
  /** Hostnames or addresses the private-address guard lets through ("127.0.0.1" in tests). */
  allowHosts: string[];
  userAgent?: string;
  validators?: ValidatorStore;
  /** dns.lookup by default; tests make a hostname resolve where they want. */
  lookup?: typeof dnsLookup;
}

const DEFAULT_USER_AGENT = 'HeraldBot/0.1 (news briefing bot; +https://github.com/herald-news/herald)';

/** Dedicated agents without keep-alive: a polling bot gains little from pooled sockets and must never be kept alive by one. */
const agents = { 'http:': new http.Agent({ keepAlive: false }), 'https:': new https.Agent({ keepAlive: false }) };

/**
 * Fetches over node:http(s) rather than fetch(), because the private-address guard has to see the
 * addresses a hostname resolves to at the moment of connecting (a lookup checked earlier can be
 * rebound by DNS), and http.request takes our own lookup function for that.
 */
export function createHttpFetcher(options: HttpFetcherOptions): Fetcher {
  const limiter = createHostLimiter(options.perHostConcurrency);
  const allowed = new Set(options.allowHosts.map((host) => host.toLowerCase().replace(/^\[|\]$/g, '')));
  const idleTimeoutMs = options.idleTimeoutMs ?? Math.min(options.timeoutMs, 10_000);
  const maxBytesLabel = formatBytes(options.maxBytes);

  const fetchResource = async (requestedUrl: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> => {
    const fail = (url: string, reason: string): InputError => new InputError(`${url}: ${reason}`);
    const validators = fetchOptions.conditional ? await options.validators?.get(requestedUrl) : undefined;

    let url = checkUrl(requestedUrl);
    const visited = new Set<string>([url.href]);
    for (let redirects = 0; ; redirects += 1) {
      const hostname = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      checkHost(hostname, url.href);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
        accept: fetchOptions.accept ?? 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8',
        'accept-encoding': 'gzip, deflate, br',
      };
      if (redirects === 0 && validators?.etag) headers['if-none-match'] = validators.etag;
      if (redirects === 0 && validators?.lastModified) headers['if-modified-since'] = validators.lastModified;

      // The whole exchange, body included, counts against the host's limit.
      const outcome = await limiter.run(hostname, async (): Promise<FetchedResource | { redirect: string }> => {
        // The clock starts when the request does, not while it waits its turn behind others to the same host.
        const deadline = AbortSignal.timeout(options.timeoutMs);
        const signal = fetchOptions.signal ? AbortSignal.any([deadline, fetchOptions.signal]) : deadline;
        const response = await request(url, headers, hostname, signal).catch((error: unknown) => {
          throw fail(url.href, describeError(error, signal, options.timeoutMs));
        });
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400 && status !== 304) {
          response.resume();
          const location = response.headers.location;
          if (!location) throw fail(url.href, `HTTP ${status} redirect without a Location`);
          return { redirect: location };
        }
        if (status === 304 && validators) {
          response.resume();
          return { requestedUrl, url: url.href, status: 304, body: new Uint8Array(0), ...validatorFields(validators) };
        }
        if (status < 200 || status >= 300) {
          response.resume();
          throw fail(url.href, `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`);
        }
        const body = await readBody(response, url.href, signal);
        const contentType = header(response, 'content-type');
        const fresh = validatorFields({ etag: header(response, 'etag'), lastModified: header(response, 'last-modified') });
        return { requestedUrl, url: url.href, status: 200, body, ...(contentType ? { contentType } : {}), ...fresh };
      });

      if ('redirect' in outcome) {
        if (redirects >= options.maxRedirects) throw fail(requestedUrl, `too many redirects (more than ${options.maxRedirects})`);
        const next = checkUrl(new URL(outcome.redirect, url).href);
        if (visited.has(next.href)) throw fail(requestedUrl, `redirect loop at ${next.href}`);
        visited.add(next.href);
        url = next;
        continue;
      }
      if (outcome.status === 200 && options.validators && (outcome.etag || outcome.lastModified)) {
        await options.validators.set(requestedUrl, validatorFields(outcome));
      }
      return outcome;
    }
  };

  function checkUrl(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new InputError(`${raw}: not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${raw}: only http and https URLs can be fetched`);
    return url;
  }

  function checkHost(hostname: string, href: string): void {
    if (allowed.has(hostname)) return;
    if (isMetadataHost(hostname)) throw new InputError(`${href}: refused: a cloud metadata host`);
    if (isIP(hostname)) {
      const reason = blockedReason(hostname);
      if (reason) throw new InputError(`${href}: refused: ${reason} (${hostname})`);
    }
  }

  /** Resolves through the configured lookup and refuses the connection if any answer is not public. */
  function guardedLookup(hostname: string): LookupFunction {
    const resolve = options.lookup ?? dnsLookup;
    return (host, lookupOptions, callback) => {
      resolve(host, { ...lookupOptions, all: true }, (error, addresses) => {
        if (error) return callback(error, '', 0);
        const list = addresses as unknown as LookupAddress[];
        if (!allowed.has(hostname)) {
          for (const { address } of list) {
            const reason = allowed.has(address) ? undefined : blockedReason(address);
            if (reason) return callback(new GuardError(`resolves to ${reason} (${address})`), '', 0);
          }
        }
        if (lookupOptions.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, list);
        const first = list[0];
        return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error('no addresses'), { code: 'ENOTFOUND' }), '', 0);
      });
    };
  }

  function request(url: URL, headers: Record<string, string>, hostname: string, signal: AbortSignal): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      const outgoing = transport.request(url, { method: 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'], lookup: guardedLookup(hostname), signal }, resolve);
      outgoing.setTimeout(idleTimeoutMs, () => outgoing.destroy(new IdleError(idleTimeoutMs)));
      outgoing.on('error', reject);
      outgoing.end();
    });
  }

  async function readBody(response: IncomingMessage, href: string, signal: AbortSignal): Promise<Uint8Array> {
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      throw new InputError(`${href}: response larger than ${maxBytesLabel}`);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    try {
      for await (const chunk of response as AsyncIterable<Buffer>) {
        received += chunk.length;
        if (received > options.maxBytes) {
          response.destroy();
          throw new InputError(`${href}: response larger than ${maxBytesLabel}`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(`${href}: ${describeError(error, signal, options.timeoutMs)}`);
    }
    return decompress(Buffer.concat(chunks), header(response, 'content-encoding'), href);
  }

  /** Decompresses with the size cap applied to the output, so a small gzip bomb is refused like a large body. */
  function decompress(body: Buffer, encoding: string | undefined, href: string): Uint8Array {
    const limit = { maxOutputLength: options.maxBytes };
    try {
      switch (encoding?.toLowerCase().trim()) {
        case 'gzip':
        case 'x-gzip':
          return gunzipSync(body, limit);
        case 'br':
          return brotliDecompressSync(body, limit);
        case 'deflate':
          // Servers disagree on whether "deflate" has a zlib header; the first byte says which.
          return (body[0] ?? 0) % 16 === 8 ? inflateSync(body, limit) : inflateRawSync(body, limit);
        default:
          return body;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new InputError(`${href}: response larger than ${maxBytesLabel} once decompressed`);
      }
      throw new InputError(`${href}: damaged ${encoding} body`);
    }
  }

  return { fetch: fetchResource };
}

class GuardError extends Error {}

class IdleError extends Error {
  constructor(readonly ms: number) {
    super('idle');
  }
}

function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function validatorFields(validators: { etag?: string | undefined; lastModified?: string | undefined }): { etag?: string; lastModified?: string } {
  return { ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}) };
}

function describeError(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (error instanceof GuardError) return `refused: ${error.message}`;
  if (error instanceof IdleError) return `timed out (no response for ${seconds(error.ms)})`;
  if (signal.aborted) return signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError' ? `timed out after ${seconds(timeoutMs)}` : 'aborted';
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'connection reset by the server';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_FAIL') return `DNS lookup failed (${code})`;
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code === 'ETIMEDOUT') return 'connection timed out';
  if (code === 'HPE_INVALID_CONSTANT' || code.startsWith('HPE_')) return 'malformed HTTP response';
  if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED)/.test(code)) return `TLS error (${code})`;
  return (error as Error).message?.split('\n')[0] || 'request failed';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
