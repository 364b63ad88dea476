import { RESTEvents, type REST } from '@discordjs/rest';
import type { HeraldMetrics, HttpMethod, RateLimitScope, StatusClass } from './metrics.ts';

const SCOPES = new Set<string>(['global', 'user', 'shared'] satisfies RateLimitScope[]);

/**
 * Counts every answer Discord's REST API gives a client (discord.js's `client.rest`, or a worker's own REST),
 * and its 429s by scope. Only the `response` event sees a 429: `rateLimited` is emitted when discord.js holds
 * a request back on its own count of the bucket, before sending it, and never for a 429 that came back.
 * Only status and headers are read: with Node's request strategy the body handed to listeners is the very
 * stream discord.js goes on to read.
 */
export function observeDiscordRest(rest: REST, metrics: Pick<HeraldMetrics, 'discordRequests' | 'discordRateLimited'>): void {
  rest.on(RESTEvents.Response, (request, response) => {
    // discord.js sends only its own RequestMethod values, which it puts in capitals.
    metrics.discordRequests.inc({ method: request.method as HttpMethod, status_class: `${Math.floor(response.status / 100)}xx` as StatusClass });
    if (response.status === 429) metrics.discordRateLimited.inc({ scope: rateLimitScope(response.headers) });
  });
}

/**
 * As discord.js reads it, so the counts agree with its logs: X-RateLimit-Scope, or `user` when Discord leaves
 * it out. The header is Discord's to change, and a value it adds must not become a series of its own.
 */
function rateLimitScope(headers: Headers): RateLimitScope {
  const scope = headers.get('x-ratelimit-scope') ?? 'user';
  return SCOPES.has(scope) ? (scope as RateLimitScope) : 'user';
}
