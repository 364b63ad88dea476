import { describe, expect, it } from 'vitest';
import { MIN_POLL_DELAY_MS, pollDelayMs } from '../../../src/deliver/poll/poll-timing.ts';

const MINUTE = 60_000;
const policy = { intervalMs: 10 * MINUTE, maxBackoffMs: 24 * 60 * MINUTE, jitterRatio: 0.1 };
const middle = (): number => 0.5;

describe('pollDelayMs', () => {
  it('waits the interval after a success', () => {
    expect(pollDelayMs({ consecutiveFailures: 0 }, policy, middle)).toBe(10 * MINUTE);
  });

  it('doubles the wait with each consecutive failure', () => {
    expect([1, 2, 3].map((consecutiveFailures) => pollDelayMs({ consecutiveFailures }, policy, middle))).toEqual([20 * MINUTE, 40 * MINUTE, 80 * MINUTE]);
  });

  it('never waits longer than maxBackoffMs, however many failures', () => {
    expect(pollDelayMs({ consecutiveFailures: 12 }, policy, middle)).toBe(policy.maxBackoffMs);
    expect(pollDelayMs({ consecutiveFailures: 5_000 }, policy, () => 0.999)).toBe(policy.maxBackoffMs);
  });

  it('moves the wait by at most the jitter ratio either way', () => {
    const waits = [0, 0.25, 0.5, 0.75, 0.999_999].map((value) => pollDelayMs({ consecutiveFailures: 0 }, policy, () => value));
    expect(Math.min(...waits)).toBe(9 * MINUTE);
    expect(Math.max(...waits)).toBeLessThanOrEqual(11 * MINUTE);
    expect(Math.max(...waits)).toBeGreaterThan(10.9 * MINUTE);
  });

  it('does not ask again while the server says its answer is fresh', () => {
    expect(pollDelayMs({ consecutiveFailures: 0, freshForMs: 45 * MINUTE }, policy, middle)).toBe(45 * MINUTE);
  });

  it('keeps to the interval when the answer goes stale sooner', () => {
    expect(pollDelayMs({ consecutiveFailures: 0, freshForMs: MINUTE }, policy, middle)).toBe(10 * MINUTE);
  });

  it('does not let a freshness of a year stop polling for longer than maxBackoffMs', () => {
    expect(pollDelayMs({ consecutiveFailures: 0, freshForMs: 365 * 24 * 60 * MINUTE }, policy, middle)).toBe(policy.maxBackoffMs);
  });

  it('waits out a Retry-After longer than the back-off', () => {
    expect(pollDelayMs({ consecutiveFailures: 1, retryAfterMs: 3 * 60 * MINUTE }, policy, middle)).toBe(3 * 60 * MINUTE);
  });

  it('does not let a Retry-After of a year stop polling for longer than maxBackoffMs', () => {
    expect(pollDelayMs({ consecutiveFailures: 1, retryAfterMs: 365 * 24 * 60 * MINUTE }, policy, middle)).toBe(policy.maxBackoffMs);
  });

  it('never polls more often than once a minute, whatever the interval', () => {
    expect(pollDelayMs({ consecutiveFailures: 0 }, { ...policy, intervalMs: 1_000 }, middle)).toBe(MIN_POLL_DELAY_MS);
  });
});
