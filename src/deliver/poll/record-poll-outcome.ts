import { pollDelayMs, type PollTimingPolicy } from './poll-timing.ts';
import type { SourceHealth } from './source-health-store.ts';

/** How one read of a source went. */
export type PollOutcome =
  | { kind: 'read'; status?: number; freshForMs?: number }
  | { kind: 'not-modified'; freshForMs?: number }
  /** `gone`: the failure says the source is gone for good (404, 410, no longer a feed or a page, a file no longer there), not that it failed for a while. */
  | { kind: 'failed'; reason: string; status?: number; gone: boolean; retryAfterMs?: number };

export interface HealthPolicy extends PollTimingPolicy {
  /** How long a source must look gone, without a success between, before it is disabled. */
  goneAfterMs: number;
}

/**
 * A source's health after one read. Success clears the failure count and any sign of being gone; the first
 * success seeds the source. A failure backs off, and one that says "gone" for longer than goneAfterMs
 * disables the source, since reading it again would only fail again.
 */
export function recordPollOutcome(previous: SourceHealth | undefined, location: string, outcome: PollOutcome, at: Date, policy: HealthPolicy, random: () => number): SourceHealth {
  const now = at.toISOString();
  const { lastStatus: _status, goneSince, disabled: _disabled, ...kept } = previous ?? { location, consecutiveFailures: 0, nextPollAt: now };
  const base = { ...kept, location, firstPolledAt: previous?.firstPolledAt ?? now };
  const next = (state: Parameters<typeof pollDelayMs>[0]): string => new Date(at.getTime() + pollDelayMs(state, policy, random)).toISOString();

  if (outcome.kind !== 'failed') {
    const status = outcome.kind === 'not-modified' ? 304 : outcome.status;
    return {
      ...base,
      seededAt: previous?.seededAt ?? now,
      lastSuccessAt: now,
      ...(outcome.kind === 'not-modified' ? { lastNotModifiedAt: now } : {}),
      ...(status === undefined ? {} : { lastStatus: status }),
      consecutiveFailures: 0,
      nextPollAt: next({ consecutiveFailures: 0, freshForMs: outcome.freshForMs }),
    };
  }

  const consecutiveFailures = (previous?.consecutiveFailures ?? 0) + 1;
  // Another kind of failure between two 404s (a timeout, a 503) does not prove the source came back.
  const goneFrom = outcome.gone ? (goneSince ?? now) : goneSince;
  const disable = outcome.gone && goneFrom !== undefined && at.getTime() - Date.parse(goneFrom) >= policy.goneAfterMs;
  return {
    ...base,
    lastError: outcome.reason,
    lastErrorAt: now,
    ...(outcome.status === undefined ? {} : { lastStatus: outcome.status }),
    consecutiveFailures,
    ...(goneFrom === undefined ? {} : { goneSince: goneFrom }),
    ...(disable ? { disabled: { reason: `gone since ${goneFrom}: ${outcome.reason}`, at: now } } : {}),
    nextPollAt: next({ consecutiveFailures, retryAfterMs: outcome.retryAfterMs }),
  };
}
