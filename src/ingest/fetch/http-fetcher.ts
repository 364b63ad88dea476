import { promises as dns } from 'node:dns';
import { STATUS_CODES } from 'node:http';
import { performance } from 'node:perf_hooks';
import { InputError } from '../../input-error.ts';
import { createAddressGuard, RefusedAddressError, type ResolveAll } from './address-guard.ts';
import { ACCEPT_ENCODING } from './decompress-body.ts';
import { FetchError, FetchFailure } from './fetch-failure.ts';
import type { FetchedResource, Fetcher, FetchOptions, ValidatorStore } from './fetcher.ts';
import { freshForMs, retryAfterMs } from './freshness.ts';
import { createHostLimiter } from './host-limiter.ts';
import { networkFailureReason } from './network-failure-reason.ts';
import { IdleTimeout, openResponse } from './open-response.ts';

export interface HttpFetcherOptions {
  /** The whole fetch, redirects and body included, but not the time spent waiting for a free slot on a busy host. 15 s by default. */
  timeoutMs?: number;
  /** How long a connection may sit silent, while connecting or mid-body. The lesser of timeoutMs and 10 s by default. */
  idleTimeoutMs?: number;
  /** The largest body accepted, as sent and once decompressed. 10 MiB by default. */
  maxBytes?: number;
  /** Redirects followed before giving up. 5 by default. */
  maxRedirects?: number;
  /** Requests in flight to one hostname at a time; the rest wait their turn. 2 by default. */
  perHostConcurrency?: number;
  userAgent?: string;
  /** Hostnames or IP addresses the private-address guard lets through, such as "127.0.0.1" or "localhost" in tests. */
  allowHosts?: readonly string[];
  /** Where conditional GET keeps validators; without it, `conditional` sends nothing and nothing is stored. */
  validators?: ValidatorStore;
  /** Resolves hostnames; dns.promises.lookup with all: true by default. Tests make a name resolve where they want. */
  lookup?: ResolveAll;
  /** The clock an Expires is read against when the response has no Date header; Date.now by default. */
  now?: () => number;
}

export const DEFAULT_USER_AGENT = 'HeraldBot/0.1 (Discord news-briefing bot; reads public feeds and articles)';

const DEFAULT_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.9, */*;q=0.8';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type Validators = { etag?: string; lastModified?: string };

type Freshness = { freshForMs?: number };

type HopOutcome = { redirect: string } | ({ notModified: Validators } & Freshness) | ({ body: Buffer; contentType?: string; validators: Validators } & Freshness);

/**
 * How long a fetch given no idle limit lets its connection stay silent: a host silent for 10 s is not about to send
 * the rest of a feed, so a longer deadline is not spent waiting on it; a shorter deadline is the limit itself.
 */
export const defaultIdleTimeoutMs = (timeoutMs: number): number => Math.min(timeoutMs, 10_000);

/**
 * Fetches over node:http(s) rather than fetch(), because the private-address guard has to judge the
 * addresses a hostname resolves to at the moment the socket connects (an answer checked earlier can be
 * rebound), and http.request takes our own lookup function for that.
 *
 * Redirects from https to http are followed: Herald sends no cookies or credentials, so nothing secret
 * travels over the plain hop, and a page an attacker could alter there is no worse than any http feed,
 * which Herald reads anyway. Publishers that moved back to http would otherwise be unreadable.
 */
export function createHttpFetcher(options: HttpFetcherOptions = {}): Fetcher {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs(timeoutMs);
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxBytesLabel = formatBytes(maxBytes);
  const maxRedirects = options.maxRedirects ?? 5;
  const limiter = createHostLimiter(options.perHostConcurrency ?? 2);
  const guard = createAddressGuard({ allowHosts: options.allowHosts ?? [], resolve: options.lookup ?? ((hostname, lookupOptions) => dns.lookup(hostname, lookupOptions)) });
  const store = options.validators;
  const now = options.now ?? Date.now;

  async function fetchResource(requestedUrl: string, fetchOptions: FetchOptions = {}): Promise<FetchedResource> {
    const label = printable(requestedUrl);
    const caller = fetchOptions.signal;
    const first = parseFetchableUrl(requestedUrl, label);
    if (caller?.aborted) throw new InputError(`${label}: aborted`);
    const stored = fetchOptions.conditional ? await store?.get(requestedUrl) : undefined;
    const budget = { remainingMs: timeoutMs };
    const visited = new Set([first.href]);

    let url = first;
    for (let redirects = 0; ; redirects += 1) {
      // Validators go to every hop: they came from the final response, and a feed that moved (http to https, say)
      // is only ever asked conditionally at its new address. A redirecting hop ignores them.
      const outcome = await fetchOnce(url, fetchOptions, stored, budget).catch((error: unknown) => {
        const where = url === first ? '' : `redirected to ${printable(url.href)}: `;
        const { status, retryAfterMs: retryAfter } = error instanceof FetchFailure ? error : { status: undefined, retryAfterMs: undefined };
        throw new FetchError(`${label}: ${where}${failureReason(error, caller, timeoutMs)}`, { cause: error, status, retryAfterMs: retryAfter });
      });
      const resource = { requestedUrl, url: url.href };

      if ('redirect' in outcome) {
        if (redirects >= maxRedirects) throw new InputError(`${label}: too many redirects (more than ${maxRedirects})`);
        url = parseRedirect(outcome.redirect, url, label);
        if (visited.has(url.href)) throw new InputError(`${label}: redirect loop at ${printable(url.href)}`);
        visited.add(url.href);
        continue;
      }
      if ('notModified' in outcome) {
        const current = { ...stored, ...outcome.notModified };
        if (store && !sameValidators(current, stored)) await store.set(requestedUrl, current);
        return { ...resource, status: 304, body: new Uint8Array(0), ...current, ...freshnessOf(outcome) };
      }
      // Forget validators the resource no longer sends, so they are not sent back for ever.
      if (store && (hasValidators(outcome.validators) || hasValidators(stored))) await store.set(requestedUrl, outcome.validators);
      return { ...resource, status: 200, body: outcome.body, ...(outcome.contentType ? { contentType: outcome.contentType } : {}), ...outcome.validators, ...freshnessOf(outcome) };
    }
  }

  /** One request and response. The whole exchange, body included, holds one of the host's slots. */
  async function fetchOnce(url: URL, fetchOptions: FetchOptions, sent: Validators | undefined, budget: { remainingMs: number }): Promise<HopOutcome> {
    const hostname = bareHostname(url);
    const refused = guard.checkHost(hostname);
    if (refused) throw new FetchFailure(`refused: ${refused}`);
    const headers = requestHeaders(fetchOptions.accept, sent);
    const caller = fetchOptions.signal;

    return limiter.run(
      hostname,
      async () => {
        // The clock runs while a request is on the wire, not while it waits its turn behind others to the same host.
        if (budget.remainingMs <= 0) throw new FetchFailure(`timed out after ${seconds(timeoutMs)}`);
        const deadline = AbortSignal.timeout(Math.ceil(budget.remainingMs));
        const signal = caller ? AbortSignal.any([deadline, caller]) : deadline;
        const started = performance.now();
        try {
          const response = await openResponse(url, { headers, lookup: guard.lookupFor(hostname), signal, idleTimeoutMs, maxBytes, maxBytesLabel });
          const validators = definedValidators({ etag: response.header('etag'), lastModified: response.header('last-modified') });
          if (REDIRECT_STATUSES.has(response.status)) {
            response.discard();
            const location = response.header('location');
            if (!location) throw new FetchFailure(`HTTP ${response.status} redirect without a Location`, response.status);
            return { redirect: location };
          }
          const fresh = freshForMs(
            { cacheControl: response.header('cache-control'), expires: response.header('expires'), date: response.header('date'), age: response.header('age') },
            now(),
          );
          const freshness = fresh === undefined ? {} : { freshForMs: fresh };
          if (response.status === 304 && hasValidators(sent)) {
            response.discard();
            return { notModified: validators, ...freshness };
          }
          if (response.status < 200 || response.status > 299) {
            response.discard();
            const retryAfter = retryAfterMs({ retryAfter: response.header('retry-after'), date: response.header('date') }, now());
            throw new FetchFailure(`HTTP ${response.status} ${STATUS_CODES[response.status] ?? response.statusText}`.trim(), response.status, retryAfter);
          }
          const body = await response.readBody();
          const contentType = response.header('content-type');
          return { body, validators, ...(contentType ? { contentType } : {}), ...freshness };
        } finally {
          budget.remainingMs -= performance.now() - started;
        }
      },
      caller,
    );
  }

  function requestHeaders(accept: string | undefined, sent: Validators | undefined): Record<string, string> {
    return {
      'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
      accept: accept ?? DEFAULT_ACCEPT,
      'accept-encoding': ACCEPT_ENCODING,
      ...(sent?.etag ? { 'if-none-match': sent.etag } : {}),
      ...(sent?.lastModified ? { 'if-modified-since': sent.lastModified } : {}),
    };
  }

  return { fetch: fetchResource };
}

function parseFetchableUrl(raw: string, label: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`${label}: not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${label}: only http and https URLs can be fetched`);
  return url;
}

function parseRedirect(location: string, base: URL, label: string): URL {
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw new InputError(`${label}: redirected to an invalid URL (${printable(location)})`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`${label}: redirected to ${printable(url.href)}, but only http and https URLs can be fetched`);
  return url;
}

function failureReason(error: unknown, caller: AbortSignal | undefined, timeoutMs: number): string {
  if (error instanceof FetchFailure) return error.reason;
  if (error instanceof RefusedAddressError) return error.message;
  if (error instanceof IdleTimeout) return `timed out (no data for ${seconds(error.ms)})`;
  if (caller?.aborted && error === caller.reason) return 'aborted';
  if (error instanceof DOMException && error.name === 'TimeoutError') return `timed out after ${seconds(timeoutMs)}`;
  return networkFailureReason(error);
}

function bareHostname(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function definedValidators(validators: { etag?: string | undefined; lastModified?: string | undefined }): Validators {
  return { ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}) };
}

function freshnessOf(outcome: Freshness): Freshness {
  return outcome.freshForMs === undefined ? {} : { freshForMs: outcome.freshForMs };
}

function hasValidators(validators: Validators | undefined): boolean {
  return Boolean(validators?.etag || validators?.lastModified);
}

function sameValidators(a: Validators, b: Validators | undefined): boolean {
  return a.etag === b?.etag && a.lastModified === b?.lastModified;
}

/** A URL as it can appear in a one-line message: control characters flattened, and cut short if huge (a data-laden query string). */
function printable(raw: string): string {
  const oneLine = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine.length > 300 ? `${oneLine.slice(0, 299)}…` : oneLine;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / 1024 / 1024} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}
