import { describe, expect, it } from 'vitest';
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

  it('gives every time of a time list its own slot', () => {
    const slots = dueSlots(parseCrons(['0 8 * * *', '30 18 * * *']), 'America/New_York', at('2024-01-10T00:00:00Z'), at('2024-01-11T00:00:00Z'));
    expect(slots.map((slot) => slot.key)).toEqual(['2024-01-10T08:00', '2024-01-10T18:30']);
  });
});

describe('nextSlot', () => {
  it('finds the next weekday run in the schedule’s zone', () => {
    expect(nextSlot(parseCrons(['30 7 * * 1-5']), 'Europe/London', at('2024-07-05T07:00:00Z'))).toEqual({ key: '2024-07-08T07:30', at: at('2024-07-08T06:30:00Z') });
  });
});
