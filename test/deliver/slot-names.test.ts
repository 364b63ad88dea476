import { describe, expect, it } from 'vitest';
import { currentSlot, forumPostTitle, nonceFor, sentNowSlot, slotName } from '../../src/deliver/slot-names.ts';

const LONDON = { timezone: 'Europe/London' };

describe('slot names', () => {
  it('names the slot a run asked for now by the schedule’s local minute', () => {
    expect(currentSlot(LONDON, new Date('2024-09-12T07:00:20Z'))).toBe('2024-09-12T08:00');
    expect(currentSlot({ timezone: 'America/New_York' }, new Date('2024-09-12T07:00:20Z'))).toBe('2024-09-12T03:00');
  });

  it('names every minute of the year, the last minute of a Saturday 31 December too', () => {
    expect(currentSlot(LONDON, new Date('2022-12-31T23:59:30Z'))).toBe('2022-12-31T23:59');
    expect(currentSlot(LONDON, new Date('2023-01-01T00:00:00Z'))).toBe('2023-01-01T00:00');
  });

  it('adds the count of time zone changes to a slot’s name once the zone has changed', () => {
    expect(slotName({}, '2024-09-12T08:00')).toBe('2024-09-12T08:00');
    expect(slotName({ zoneEpoch: 2 }, '2024-09-12T08:00')).toBe('2024-09-12T08:00~2');
    expect(currentSlot({ ...LONDON, zoneEpoch: 2 }, new Date('2024-09-12T07:00:20Z'))).toBe('2024-09-12T08:00~2');
  });

  it('makes each send-now a slot of its own after the minute it was asked in', () => {
    const now = new Date('2024-09-12T07:00:20Z');
    const first = sentNowSlot(LONDON, now);
    expect(first).toMatch(/^2024-09-12T08:00#now-[0-9a-f]{8}$/);
    expect(sentNowSlot(LONDON, now)).not.toBe(first);
  });

  it('gives the same message of the same slot the same nonce of 25 characters, and any other message another', () => {
    const nonce = nonceFor('s1', '2024-09-12T08:00', 0);
    expect(nonce).toMatch(/^[0-9a-f]{25}$/);
    expect(nonceFor('s1', '2024-09-12T08:00', 0)).toBe(nonce);
    const others = [nonceFor('s2', '2024-09-12T08:00', 0), nonceFor('s1', '2024-09-13T08:00', 0), nonceFor('s1', '2024-09-12T08:00', 1)];
    expect(new Set([nonce, ...others]).size).toBe(4);
  });

  it('titles a forum post by its slot’s local minute and zone, whatever the zone’s epoch or a send-now', () => {
    expect(forumPostTitle('2024-09-12T08:00', 'Europe/London')).toBe('News digest · 2024-09-12 08:00 (Europe/London)');
    expect(forumPostTitle('2024-09-12T08:00~2', 'Europe/London')).toBe('News digest · 2024-09-12 08:00 (Europe/London)');
    expect(forumPostTitle('2024-09-12T08:00~2#now-0a1b2c3d', 'Asia/Tokyo')).toBe('News digest · 2024-09-12 08:00 (Asia/Tokyo)');
    expect(forumPostTitle('2024-09-12T08:00#now-0a1b2c3d', 'Asia/Tokyo')).toBe('News digest · 2024-09-12 08:00 (Asia/Tokyo)');
  });
});
