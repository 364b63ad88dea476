import { describe, expect, it } from 'vitest';
import { recordPollOutcome } from '../../../src/deliver/poll/record-poll-outcome.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const policy = { intervalMs: 10 * MINUTE, maxBackoffMs: DAY, jitterRatio: 0, goneAfterMs: 3 * DAY };
const noJitter = (): number => 0.5;
const at = (iso: string): Date => new Date(iso);
const GONE = { kind: 'failed', reason: 'https://example.com/feed: HTTP 410 Gone', status: 410, gone: true } as const;
const DOWN = { kind: 'failed', reason: 'https://example.com/feed: HTTP 503 Service Unavailable', status: 503, gone: false } as const;

describe('recordPollOutcome', () => {
  it('seeds a source on its first success and keeps that time afterwards', () => {
    const first = recordPollOutcome(undefined, 'feed', { kind: 'read', status: 200 }, at('2024-09-12T09:00:00Z'), policy, noJitter);
    const later = recordPollOutcome(first, 'feed', { kind: 'read', status: 200 }, at('2024-09-12T10:00:00Z'), policy, noJitter);
    expect(first).toMatchObject({ firstPolledAt: '2024-09-12T09:00:00.000Z', seededAt: '2024-09-12T09:00:00.000Z', nextPollAt: '2024-09-12T09:10:00.000Z' });
    expect(later.seededAt).toBe('2024-09-12T09:00:00.000Z');
  });

  it('does not seed a source whose first read failed', () => {
    expect(recordPollOutcome(undefined, 'feed', DOWN, at('2024-09-12T09:00:00Z'), policy, noJitter)).not.toHaveProperty('seededAt');
  });

  it('keeps the last error after a success, so /status can still show it', () => {
    const failed = recordPollOutcome(undefined, 'feed', DOWN, at('2024-09-12T09:00:00Z'), policy, noJitter);
    const recovered = recordPollOutcome(failed, 'feed', { kind: 'not-modified' }, at('2024-09-12T09:20:00Z'), policy, noJitter);
    expect(recovered).toMatchObject({ lastError: DOWN.reason, lastSuccessAt: '2024-09-12T09:20:00.000Z', lastNotModifiedAt: '2024-09-12T09:20:00.000Z', lastStatus: 304, consecutiveFailures: 0 });
  });

  it('counts a source gone from its first "gone" answer, through other failures in between', () => {
    const gone = recordPollOutcome(undefined, 'feed', GONE, at('2024-09-12T09:00:00Z'), policy, noJitter);
    const down = recordPollOutcome(gone, 'feed', DOWN, at('2024-09-13T09:00:00Z'), policy, noJitter);
    const goneAgain = recordPollOutcome(down, 'feed', GONE, at('2024-09-15T09:00:00Z'), policy, noJitter);
    expect(down.goneSince).toBe('2024-09-12T09:00:00.000Z');
    expect(goneAgain.disabled).toEqual({ reason: `gone since 2024-09-12T09:00:00.000Z: ${GONE.reason}`, at: '2024-09-15T09:00:00.000Z' });
  });

  it('does not disable a source on a passing failure, however long it lasts', () => {
    const down = recordPollOutcome(undefined, 'feed', DOWN, at('2024-09-12T09:00:00Z'), policy, noJitter);
    expect(recordPollOutcome(down, 'feed', DOWN, at('2024-10-12T09:00:00Z'), policy, noJitter)).not.toHaveProperty('disabled');
  });

  it('forgets that a source looked gone once it succeeds', () => {
    const gone = recordPollOutcome(undefined, 'feed', GONE, at('2024-09-12T09:00:00Z'), policy, noJitter);
    expect(recordPollOutcome(gone, 'feed', { kind: 'read' }, at('2024-09-13T09:00:00Z'), policy, noJitter)).not.toHaveProperty('goneSince');
  });
});
