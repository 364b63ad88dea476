/** The shard Discord sends a guild's events to: the guild id's timestamp bits, modulo the shard count (Discord's "Sharding" formula). */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Discord lets a bot start 1000 sessions a day; `remaining` counts down with each IDENTIFY. */
const SESSION_STARTS_PER_DAY = 1000;
const DAY_MS = 86_400_000;

export interface SessionStartLimit {
  total: number;
  remaining: number;
  reset_after: number;
  max_concurrency: number;
}

/**
 * GET /gateway/bot's session_start_limit. The day's window opens with the loopback and never resets, since no
 * test lives a day. max_concurrency 1 is what every bot below 150,000 guilds gets: one IDENTIFY per 5 s.
 */
export function sessionStartLimit(identifies: number, openedAt: number, now: number): SessionStartLimit {
  return { total: SESSION_STARTS_PER_DAY, remaining: Math.max(0, SESSION_STARTS_PER_DAY - identifies), reset_after: Math.max(0, openedAt + DAY_MS - now), max_concurrency: 1 };
}
