/** The response headers that say how long a response may be reused without asking again. */
export interface FreshnessHeaders {
  cacheControl?: string | undefined;
  expires?: string | undefined;
  date?: string | undefined;
  age?: string | undefined;
}

/**
 * How long from its arrival a response stays fresh (RFC 9111, section 4.2), or undefined when it says
 * nothing or forbids reuse. s-maxage wins over max-age because Herald is a shared cache (one fetch serves
 * every server that follows the source); Expires counts from the server's own Date, so that a clock that is
 * wrong on either side does not matter.
 */
export function freshForMs(headers: FreshnessHeaders, receivedAt: number): number | undefined {
  const directives = parseCacheControl(headers.cacheControl ?? '');
  if (directives.has('no-store') || directives.has('no-cache')) return undefined;
  const lifetimeMs = secondsMs(directives.get('s-maxage')) ?? secondsMs(directives.get('max-age')) ?? expiresInMs(headers, receivedAt);
  if (lifetimeMs === undefined) return undefined;
  const remaining = lifetimeMs - (secondsMs(headers.age) ?? 0);
  return remaining > 0 ? remaining : undefined;
}

/**
 * How long the server asks to be left alone (Retry-After, RFC 9110 section 10.2.3), as delta-seconds or an
 * HTTP date read against the server's own Date; undefined when absent or unreadable. Unbounded: the caller caps it.
 */
export function retryAfterMs(headers: { retryAfter?: string | undefined; date?: string | undefined }, receivedAt: number): number | undefined {
  if (headers.retryAfter === undefined) return undefined;
  const seconds = secondsMs(headers.retryAfter);
  if (seconds !== undefined) return seconds;
  // Every HTTP-date names its month; without a letter, Date.parse would take "-5" for a year.
  const until = /[a-z]/i.test(headers.retryAfter) ? Date.parse(headers.retryAfter) : Number.NaN;
  if (Number.isNaN(until)) return undefined;
  const date = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
  return Math.max(0, until - (Number.isNaN(date) ? receivedAt : date));
}

function parseCacheControl(value: string): Map<string, string | undefined> {
  const directives = new Map<string, string | undefined>();
  for (const part of value.split(',')) {
    const [name, argument] = part.split('=', 2);
    const key = name?.trim().toLowerCase();
    if (key) directives.set(key, argument?.trim().replace(/^"|"$/g, ''));
  }
  return directives;
}

/** A count of seconds, as delta-seconds are written; anything else is ignored. */
function secondsMs(value: string | undefined): number | undefined {
  return value !== undefined && /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : undefined;
}

/** An Expires that cannot be read ("0", "-1") means already stale, as RFC 9111 asks. */
function expiresInMs(headers: FreshnessHeaders, receivedAt: number): number | undefined {
  if (headers.expires === undefined) return undefined;
  const expires = Date.parse(headers.expires);
  if (Number.isNaN(expires)) return 0;
  const date = headers.date === undefined ? Number.NaN : Date.parse(headers.date);
  return expires - (Number.isNaN(date) ? receivedAt : date);
}
