import { describe, expect, it, vi } from 'vitest';
import { dueSlots, nextSlot, parseCrons } from '../../src/deliver/local-slots.ts';

const at = (iso: string) => Date.parse(iso);

describe('dueSlots', () => {
  it('finds 08:00 London in summer at 07:00 UTC', () => {
    expect(dueSlots(parseCrons(['0 8 * * *']), 'Europe/London', at('2024-07-01T06:30:00Z'), at('2024-07-01T07:30:00Z'))).toEqual([{ key: '2024-07-01T08:00', at: at('2024-07-01T07:00:00Z') }]);
  });

  it('runs a 01:30 schedule once on the night the clocks go back, though 01:30 happens twice', () => {
    const slots = dueSlots(parseCrons(['30 1 * * *']), 'Europe/London', at('2024-10-26T23:00:00Z'), at('2024-10-27T03:00:00Z'));
    expect(slots).toEqual([{ key: '2024-10-27T01:30', at: at('2024-10-27T00:30:00Z') }]);
  });

  it('runs a 01:30 schedule on the night the clocks go forward, at the first minute after the jump', () => {
    const slots = dueSlots(parseCrons(['30 1 * * *']), 'Europe/London', at('2024-03-30T23:00:00Z'), at('2024-03-31T03:00:00Z'));
    expect(slots).toEqual([{ key: '2024-03-31T01:30', at: at('2024-03-31T01:00:00Z') }]);
  });

  it('keeps weekdays to Monday to Friday in the schedule’s zone, not in UTC', () => {
    const slots = dueSlots(parseCrons(['30 7 * * 1-5']), 'Pacific/Auckland', at('2024-07-05T00:00:00Z'), at('2024-07-08T00:00:00Z'));
    expect(slots.map((slot) => slot.key)).toEqual(['2024-07-08T07:30']);
  });

  it('counts the slots after `from` up to `to`, not one at or before `from`', () => {
    const slots = dueSlots(parseCrons(['59 7 * * *', '1 8 * * *']), 'UTC', at('2024-09-12T07:59:00Z'), at('2024-09-12T08:02:00Z'));
    expect(slots).toEqual([{ key: '2024-09-12T08:01', at: at('2024-09-12T08:01:00Z') }]);
  });

  it('runs a schedule naming a day of the month on that day only', () => {
    const slots = dueSlots(parseCrons(['0 8 13 * *']), 'UTC', at('2024-10-01T00:00:00Z'), at('2024-10-31T00:00:00Z'));
    expect(slots.map((slot) => slot.key)).toEqual(['2024-10-13T08:00']);
  });

  it('runs a schedule naming both a day of the month and a weekday on either, as cron does', () => {
    const slots = dueSlots(parseCrons(['0 8 13 * 5']), 'UTC', at('2024-10-01T00:00:00Z'), at('2024-10-31T00:00:00Z'));
    expect(slots.map((slot) => slot.key)).toEqual(['2024-10-04T08:00', '2024-10-11T08:00', '2024-10-13T08:00', '2024-10-18T08:00', '2024-10-25T08:00']);
  });

  it('gives every time of a time list its own slot', () => {
    const slots = dueSlots(parseCrons(['0 8 * * *', '30 18 * * *']), 'America/New_York', at('2024-01-10T00:00:00Z'), at('2024-01-11T00:00:00Z'));
    expect(slots.map((slot) => slot.key)).toEqual(['2024-01-10T08:00', '2024-01-10T18:30']);
  });

  it('reads each zone’s clock once a minute however many schedules share the zone', () => {
    const zones = ['Europe/London', 'Asia/Tokyo', 'America/New_York'];
    const crons = parseCrons(['0 8 * * *']);
    const read = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      // A day of minute ticks, each asking 300 schedules in three zones for the minute that came.
      for (let minute = at('2031-05-01T00:00:00Z'); minute < at('2031-05-02T00:00:00Z'); minute += 60_000) {
        for (let schedule = 0; schedule < 300; schedule += 1) dueSlots(crons, zones[schedule % zones.length]!, minute, minute + 60_000);
      }
      expect(read.mock.calls.length).toBeLessThan(2 * zones.length * 24 * 60);
    } finally {
      read.mockRestore();
    }
  });
});

describe('nextSlot', () => {
  it('finds a slot at the start of the next hour', () => {
    expect(nextSlot(parseCrons(['0 8 * * *']), 'UTC', at('2024-09-12T07:30:00Z'))).toEqual({ key: '2024-09-12T08:00', at: at('2024-09-12T08:00:00Z') });
  });

  it('looks no further ahead than it is asked to', () => {
    const crons = parseCrons(['1 8 13 9 *']);
    expect(nextSlot(crons, 'UTC', at('2024-09-12T08:00:00Z'), 1)).toBeUndefined();
    expect(nextSlot(crons, 'UTC', at('2024-09-12T08:00:00Z'), 2)).toEqual({ key: '2024-09-13T08:01', at: at('2024-09-13T08:01:00Z') });
  });

  it('finds the next weekday run in the schedule’s zone', () => {
    expect(nextSlot(parseCrons(['30 7 * * 1-5']), 'Europe/London', at('2024-07-05T07:00:00Z'))).toEqual({ key: '2024-07-08T07:30', at: at('2024-07-08T06:30:00Z') });
  });
});
