import { describe, expect, it } from 'vitest';
import { freshForMs, retryAfterMs } from '../../src/ingest/fetch/freshness.ts';

const RECEIVED = Date.parse('2024-09-12T09:00:00Z');

describe('freshForMs', () => {
  it('reads Cache-Control max-age in seconds', () => {
    expect(freshForMs({ cacheControl: 'public, max-age=900' }, RECEIVED)).toBe(900_000);
  });

  it('prefers s-maxage to max-age, since one fetch serves every server', () => {
    expect(freshForMs({ cacheControl: 'max-age=60, s-maxage=1800' }, RECEIVED)).toBe(1_800_000);
  });

  it('takes off the Age a cache in between has already held the response', () => {
    expect(freshForMs({ cacheControl: 'max-age=600', age: '100' }, RECEIVED)).toBe(500_000);
  });

  it('gives nothing for no-store or no-cache, whatever else is said', () => {
    expect(freshForMs({ cacheControl: 'no-store, max-age=600' }, RECEIVED)).toBeUndefined();
    expect(freshForMs({ cacheControl: 'max-age=600, no-cache' }, RECEIVED)).toBeUndefined();
  });

  it('counts Expires from the server’s Date, not from the local clock', () => {
    const headers = { expires: 'Wed, 01 Jan 2020 01:00:00 GMT', date: 'Wed, 01 Jan 2020 00:30:00 GMT' };
    expect(freshForMs(headers, RECEIVED)).toBe(30 * 60_000);
  });

  it('counts Expires from arrival when there is no Date', () => {
    expect(freshForMs({ expires: 'Thu, 12 Sep 2024 09:20:00 GMT' }, RECEIVED)).toBe(20 * 60_000);
  });

  it('lets max-age win over Expires', () => {
    expect(freshForMs({ cacheControl: 'max-age=60', expires: 'Thu, 12 Sep 2024 12:00:00 GMT' }, RECEIVED)).toBe(60_000);
  });

  it('treats an Expires it cannot read, or one already past, as stale', () => {
    expect(freshForMs({ expires: '0' }, RECEIVED)).toBeUndefined();
    expect(freshForMs({ expires: 'Thu, 12 Sep 2024 08:00:00 GMT' }, RECEIVED)).toBeUndefined();
  });

  it('gives nothing when the response says nothing about caching', () => {
    expect(freshForMs({}, RECEIVED)).toBeUndefined();
    expect(freshForMs({ cacheControl: 'max-age=soon' }, RECEIVED)).toBeUndefined();
  });
});

describe('retryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(retryAfterMs({ retryAfter: '120' }, RECEIVED)).toBe(120_000);
  });

  it('counts an HTTP date from the server’s Date, not from the local clock', () => {
    expect(retryAfterMs({ retryAfter: 'Wed, 01 Jan 2020 02:00:00 GMT', date: 'Wed, 01 Jan 2020 00:00:00 GMT' }, RECEIVED)).toBe(2 * 3_600_000);
  });

  it('counts an HTTP date from arrival when there is no Date, and one already past as no wait', () => {
    expect(retryAfterMs({ retryAfter: 'Thu, 12 Sep 2024 10:00:00 GMT' }, RECEIVED)).toBe(3_600_000);
    expect(retryAfterMs({ retryAfter: 'Thu, 12 Sep 2024 08:00:00 GMT' }, RECEIVED)).toBe(0);
  });

  it('gives nothing when absent or unreadable', () => {
    expect(retryAfterMs({}, RECEIVED)).toBeUndefined();
    expect(retryAfterMs({ retryAfter: 'later' }, RECEIVED)).toBeUndefined();
    expect(retryAfterMs({ retryAfter: '-5' }, RECEIVED)).toBeUndefined();
  });
});
