import { describe, expect, it } from 'vitest';
import { knownTimezones, parseScheduleTime, parseTimezone } from '../../src/deliver/schedule-time.ts';

describe('parseScheduleTime', () => {
  it.each([
    ['08:00', ['0 8 * * *']],
    ['8:05', ['5 8 * * *']],
    ['08:00,18:30', ['0 8 * * *', '30 18 * * *']],
    ['08:00, 18:30', ['0 8 * * *', '30 18 * * *']],
    ['07:30 weekdays', ['30 7 * * 1-5']],
    ['  07:30   Weekdays ', ['30 7 * * 1-5']],
    ['23:59', ['59 23 * * *']],
    ['30 7 * * 1-5', ['30 7 * * 1-5']],
    ['instant', ['*/5 * * * *']],
  ])('reads %s as %j', (input, crons) => {
    expect(parseScheduleTime(input)).toEqual(crons);
  });

  it.each([['25:00'], ['08:60'], ['61 * * * *'], ['every morning'], ['* * * * * *'], [''], ['at 08:00'], ['08:00 tomorrow'], ['weekdays08:00']])('refuses %j with a one-line reason', (input) => {
    expect(() => parseScheduleTime(input)).toThrow(/time|cron/);
  });

  it('quotes what the admin typed, without the spaces around it, when it refuses it', () => {
    expect(() => parseScheduleTime('  every morning ')).toThrow('"every morning" is not a time such as 08:00');
  });
});

describe('parseTimezone', () => {
  it('accepts an IANA zone and gives it back as the runtime spells it', () => {
    expect(parseTimezone(' Europe/London ')).toBe('Europe/London');
  });

  it('refuses a zone the runtime does not know', () => {
    expect(() => parseTimezone('Mars/Olympus')).toThrow('"Mars/Olympus" is not an IANA time zone');
  });

  it('lists the zones autocomplete offers', () => {
    expect(knownTimezones()).toEqual(expect.arrayContaining(['Europe/London', 'America/New_York', 'Asia/Tokyo']));
  });
});
