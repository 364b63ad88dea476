import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/ingest/dates/parse-date.ts';

describe('parseDate', () => {
  it.each([
    ['RFC 822 with GMT', 'Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['RFC 822 with a named US zone, a two-digit year and no seconds', 'Tue, 10 Jun 03 04:00 PST', '2003-06-10T12:00:00.000Z'],
    ['RFC 822 with a numeric zone', 'Wed, 02 Oct 2002 13:00:00 +0200', '2002-10-02T11:00:00.000Z'],
    ['RFC 822 in Portuguese', 'Seg, 15 Set 2014 12:33:00 -0300', '2014-09-15T15:33:00.000Z'],
    ['a wrong weekday, which is ignored', 'Mon, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['W3CDTF with an offset', '2003-06-10T04:00:00-07:00', '2003-06-10T11:00:00.000Z'],
    ['W3CDTF with fractions', '2024-09-26T06:30:00.123+01:00', '2024-09-26T05:30:00.123Z'],
    ['a bare ISO date', '2003-06-10', '2003-06-10T00:00:00.000Z'],
    ['compact ISO 8601', '20030610T0400Z', '2003-06-10T04:00:00.000Z'],
    ['a space instead of the T', '2024-03-03 10:00:00', '2024-03-03T10:00:00.000Z'],
    ['a US prose date with a.m. and EST', 'March 3, 2024, 10:30 a.m. EST', '2024-03-03T15:30:00.000Z'],
    ['"ET" in summer, which is daylight time', 'Sept. 12, 2023 at 5:47 PM ET', '2023-09-12T21:47:00.000Z'],
    ['a weekday and a prose date', 'Sunday, November 24, 2024', '2024-11-24T00:00:00.000Z'],
    ['a French date', '3 mars 2024', '2024-03-03T00:00:00.000Z'],
    ['a Spanish date', '10 de junio de 2003', '2003-06-10T00:00:00.000Z'],
    ['a label before the date', 'Published 3 March 2024 14:05 GMT', '2024-03-03T14:05:00.000Z'],
    ['Indian Standard Time', 'Jul 09, 2024, 09:15 AM IST', '2024-07-09T03:45:00.000Z'],
    ['an unambiguous day-first numeric date', '24/11/2024', '2024-11-24T00:00:00.000Z'],
  ])('reads %s', (_, input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    ['nonsense', 'garbage'],
    ['a day that does not exist', 'Thu, 31 Feb 2005 00:00:00 GMT'],
    ['an ambiguous numeric date', '03/04/2024'],
    ['an empty string', '   '],
    ['a month without a year', 'June 10'],
  ])('gives up on %s', (_, input) => {
    expect(parseDate(input)).toBeUndefined();
  });
});
