/** What the rate limiter decided for one request: headers to send, and whether to refuse it with a 429. */
export interface RateLimitVerdict {
  headers: Record<string, string>;
  limited?: { retryAfterSeconds: number; global: boolean };
}

export interface RateLimiter {
  /** Counts a request; `global` is false for routes outside the global limit (interaction callbacks and webhooks). */
  admit(method: string, path: string, global: boolean, now: number): RateLimitVerdict;
}

interface BucketRule {
  hash: string;
  method: string;
  route: RegExp;
  limit: number;
  windowMs: number;
}

/** Discord's documented limits: 50 requests a second per bot, 5 messages per 5 s per channel. */
const GLOBAL_LIMIT = { limit: 50, windowMs: 1_000 };
const BUCKETS: BucketRule[] = [{ hash: 'loopback-channel-messages', method: 'POST', route: /^\/channels\/(\d+)\/messages$/, limit: 5, windowMs: 5_000 }];

interface Window {
  used: number;
  resetAt: number;
}

export function createRateLimiter(): RateLimiter {
  let globalWindow: Window = { used: 0, resetAt: 0 };
  const buckets = new Map<string, Window>();
  // Windows are fixed from their first request, as Discord's are, rather than sliding.
  const take = (window: Window | undefined, windowMs: number, now: number): Window => {
    const current = window && now < window.resetAt ? window : { used: 0, resetAt: now + windowMs };
    current.used += 1;
    return current;
  };
  return {
    admit(method, path, global, now) {
      if (global) {
        globalWindow = take(globalWindow, GLOBAL_LIMIT.windowMs, now);
        if (globalWindow.used > GLOBAL_LIMIT.limit) {
          return { headers: { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' }, limited: { retryAfterSeconds: secondsUntil(globalWindow.resetAt, now), global: true } };
        }
      }
      const rule = BUCKETS.find((candidate) => candidate.method === method && candidate.route.test(path));
      if (!rule) return { headers: {} };
      const key = `${rule.hash}:${rule.route.exec(path)?.[1] ?? ''}`;
      const window = take(buckets.get(key), rule.windowMs, now);
      buckets.set(key, window);
      const resetAfter = secondsUntil(window.resetAt, now);
      const headers = {
        'x-ratelimit-limit': String(rule.limit),
        'x-ratelimit-remaining': String(Math.max(0, rule.limit - window.used)),
        'x-ratelimit-reset': (window.resetAt / 1000).toFixed(3),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
        'x-ratelimit-bucket': rule.hash,
      };
      if (window.used <= rule.limit) return { headers };
      return { headers: { ...headers, 'x-ratelimit-scope': 'user' }, limited: { retryAfterSeconds: resetAfter, global: false } };
    },
  };
}

/**
 * Discord's 429. Retry-After is always sent because @discordjs/rest reads only headers and re-sends at once without it;
 * unlike Discord it is not rounded up to whole seconds, so tests can wait out sub-second limits.
 */
export function tooManyRequests(retryAfterSeconds: number, global: boolean): { headers: Record<string, string>; body: unknown } {
  const headers: Record<string, string> = { 'retry-after': String(retryAfterSeconds), 'x-ratelimit-scope': global ? 'global' : 'user' };
  if (global) headers['x-ratelimit-global'] = 'true';
  return { headers, body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global } };
}

function secondsUntil(at: number, now: number): number {
  return Math.max(0, at - now) / 1000;
}
