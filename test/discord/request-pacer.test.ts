import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRequestPacer } from '../../src/discord/request-pacer.ts';

afterEach(() => {
  vi.useRealTimers();
});

describe('createRequestPacer', () => {
  it('starts no more than its rate in any rolling second, however the requests bunch', async () => {
    vi.useFakeTimers();
    const pace = createRequestPacer({ perSecond: 10 });
    const started: number[] = [];
    const request = () => pace(async () => started.push(Date.now()));
    // Five now and fifteen near the end of the second: in fixed windows, ten would go at once across the boundary.
    const early = Array.from({ length: 5 }, request);
    await vi.advanceTimersByTimeAsync(900);
    const late = Array.from({ length: 15 }, request);
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all([...early, ...late]);
    expect(started).toHaveLength(20);
    for (const at of started) expect(started.filter((other) => other >= at && other < at + 1_000).length).toBeLessThanOrEqual(10);
  });

  it('does not make up for a stall with a burst', async () => {
    const clock = { at: 0 };
    const sleeps: number[] = [];
    const pace = createRequestPacer({ perSecond: 10, now: () => clock.at, sleep: async (ms) => void sleeps.push(ms) });
    const started: number[] = [];
    await pace(async () => started.push(clock.at));
    clock.at = 500;
    await Promise.all([pace(async () => started.push(clock.at)), pace(async () => started.push(clock.at))]);
    expect(sleeps).toEqual([100]);
  });

  it('passes on what the request resolves with, and its failure', async () => {
    const pace = createRequestPacer({ perSecond: 50 });
    expect(await pace(async () => 'posted')).toBe('posted');
    await expect(pace(async () => Promise.reject(new Error('503')))).rejects.toThrow('503');
  });
});
