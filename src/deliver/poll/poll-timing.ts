/** How often one source is read, and how far apart reads of a failing source spread. */
export interface PollTimingPolicy {
  /** Between reads of a healthy source. */
  intervalMs: number;
  /** The longest wait, whatever the failures or the server's caching headers say. */
  maxBackoffMs: number;
  /** Each wait is moved by up to this share either way, so that sources added together drift apart. */
  jitterRatio: number;
}

/** No source is read more often than this, whatever it is configured to: one misconfigured interval must not hammer a publisher. */
export const MIN_POLL_DELAY_MS = 60_000;

/**
 * How long to wait before reading a source again. Each consecutive failure doubles the interval, up to
 * maxBackoffMs; a response the server called fresh (Cache-Control, Expires) is not asked for again before
 * it goes stale, nor a server that asked to be left alone (Retry-After) before it said. The server's word
 * is capped at maxBackoffMs too: a Retry-After of a year must not stop a source for a year.
 */
export function pollDelayMs(
  state: { consecutiveFailures: number; freshForMs?: number | undefined; retryAfterMs?: number | undefined },
  policy: PollTimingPolicy,
  random: () => number,
): number {
  const backedOff = Math.min(policy.intervalMs * 2 ** state.consecutiveFailures, policy.maxBackoffMs);
  const jittered = backedOff * (1 + policy.jitterRatio * (2 * random() - 1));
  const wait = Math.max(jittered, state.freshForMs ?? 0, state.retryAfterMs ?? 0, MIN_POLL_DELAY_MS);
  return Math.round(Math.min(wait, policy.maxBackoffMs));
}
