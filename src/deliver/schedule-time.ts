import cron from 'node-cron';
import { InputError } from '../input-error.ts';

/**
 * What an admin may type for when a digest goes out: a time ("08:00"), several ("08:00,18:00"), either
 * with "weekdays" ("08:00 weekdays"), or a five-field cron expression ("30 7 * * 1-5"). Everything is
 * stored as cron lines, one per time, which node-cron runs in the schedule's time zone.
 */
export function parseScheduleTime(input: string): string[] {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  // Instant mode: new stories as they arrive, gathered into at most one digest every five minutes.
  if (text === 'instant') return ['*/5 * * * *'];
  const weekdays = / ?\bweekdays$/.test(text);
  const times = text.replace(/ ?\bweekdays$/, '');
  if (/^\d{1,2}:\d{2}( ?, ?\d{1,2}:\d{2})*$/.test(times)) {
    const parsed = times.split(/ ?, ?/).map((time) => {
      const [hours, minutes] = time.split(':').map(Number) as [number, number];
      if (hours > 23 || minutes > 59) throw new InputError(`"${time}" is not a time of day (use 00:00 to 23:59)`);
      return { hours, minutes };
    });
    const days = weekdays ? '1-5' : '*';
    return [...new Set(parsed.map(({ hours, minutes }) => `${minutes} ${hours} * * ${days}`))];
  }
  if (text.split(' ').length === 5 && cron.validate(text)) return [text];
  throw new InputError(`"${input.trim()}" is not a time such as 08:00, 08:00,18:00 or 07:30 weekdays, nor a five-field cron expression`);
}

/** Whether the runtime knows the IANA zone; the error names it so a typo is easy to spot. */
export function parseTimezone(input: string): string {
  const zone = input.trim();
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new InputError(`"${zone}" is not an IANA time zone such as Europe/London or America/New_York`);
  }
}

let zones: string[] | undefined;

/** Every IANA zone the runtime knows, for autocomplete. */
export function knownTimezones(): string[] {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
}
