import { createHash } from 'node:crypto';
import type { GuildSetup } from '../support/discord/loopback-discord.ts';
import type { GuildSource, Schedule } from '../../src/store/guild-settings-repository.ts';

/**
 * The week the simulation runs: Europe's clocks go forward an hour after it begins (29 March 2026, 01:00 UTC)
 * and Australia's and New Zealand's go back before it ends (5 April 2026, local time), so schedules meet a
 * skipped hour and a repeated one.
 */
export const WEEK_START = Date.parse('2026-03-29T00:00:00Z');
export const DAY_MS = 86_400_000;

export const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Lisbon',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Adelaide',
  'Australia/Sydney',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'America/Santiago',
  'America/New_York',
  'America/Los_Angeles',
];

/** Local times, among them ones the clocks skip in Europe (01:30, 02:30) and repeat in the south (02:30, 02:45). */
const TIMES = ['01:30', '02:30', '07:00', '08:00', '08:30', '12:00', '18:30', '21:15', '02:45', '00:00'];
/** Cron day-of-week fields: every day, weekdays, weekends, three days. */
const DAYS = ['*', '1-5', '0,6', '1,3,5'];

export interface WeekPlan {
  guilds: GuildSetup[];
  /** Each guild's sources and schedules, as its admins set them before the week. */
  settings: Array<{ guildId: string; sources: GuildSource[]; schedules: Schedule[] }>;
  sources: string[];
  schedules: Schedule[];
}

const snowflake = (prefix: string, n: number) => `${prefix}${String(n).padStart(16, '0')}`;

/** 25 guilds with 8 sources and 12 schedules each: 200 sources, 300 schedules, each schedule in a channel of its own. */
export function planWeek(feedUrl: (source: number) => string, counts = { guilds: 25, sourcesPerGuild: 8, schedulesPerGuild: 12 }): WeekPlan {
  const guilds: GuildSetup[] = [];
  const settings: WeekPlan['settings'] = [];
  const createdAt = new Date(WEEK_START).toISOString();
  const addedAt = new Date(WEEK_START - DAY_MS).toISOString();
  let scheduleCount = 0;
  for (let g = 0; g < counts.guilds; g += 1) {
    const guildId = snowflake('12', g + 1);
    const channels = Array.from({ length: counts.schedulesPerGuild }, (_, c) => ({ id: snowflake('13', g * counts.schedulesPerGuild + c + 1), name: `news-${c}` }));
    guilds.push({ id: guildId, name: `Guild ${g}`, ownerId: snowflake('14', g + 1), channels });
    const sources = Array.from({ length: counts.sourcesPerGuild }, (_, s): GuildSource => ({ url: feedUrl(g * counts.sourcesPerGuild + s), addedBy: 'admin', addedAt }));
    const schedules = channels.map((channel): Schedule => {
      const n = scheduleCount++;
      const first = TIMES[n % TIMES.length]!;
      // Every fifth schedule posts twice a day.
      const times = n % 5 === 4 ? [first, TIMES[(n + 3) % TIMES.length]!] : [first];
      const days = DAYS[Math.floor(n / TIMES.length) % DAYS.length]!;
      return {
        id: `week-${n}`,
        channelId: channel.id,
        crons: times.map((time) => `${Number(time.slice(3))} ${Number(time.slice(0, 2))} * * ${days}`),
        when: times.join(','),
        timezone: ZONES[n % ZONES.length]!,
        topics: [],
        maxItems: 5,
        announceEmpty: true,
        ...(n % 4 === 0 ? { mentionRoleId: snowflake('15', n + 1) } : {}),
        createdBy: 'admin',
        createdAt,
      };
    });
    settings.push({ guildId, sources, schedules });
  }
  return { guilds, settings, sources: settings.flatMap((each) => each.sources.map((source) => source.url)), schedules: settings.flatMap((each) => each.schedules) };
}

/** A schedule's due slot: the local minute (its key) and the instant it comes. */
export interface ExpectedSlot {
  scheduleId: string;
  channelId: string;
  slot: string;
  at: number;
}

interface Wall {
  date: string;
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function wall(instant: number, timezone: string): Wall {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** Minutes the zone's clock is ahead of UTC at an instant. */
function offsetAt(instant: number, timezone: string): number {
  const shown = wall(instant, timezone);
  return (Date.parse(`${shown.date}T${shown.time}:00Z`) - Math.floor(instant / 60_000) * 60_000) / 60_000;
}

/**
 * When a local date and time comes in a zone: its first instant if the clocks show it twice, or the moment
 * the clocks jump if they skip it (the digest is still due that day, at the jump).
 */
export function instantOf(date: string, time: string, timezone: string): number {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const offsets = [...new Set([offsetAt(asUtc - DAY_MS, timezone), offsetAt(asUtc + DAY_MS, timezone)])];
  const shownThen = offsets.map((offset) => asUtc - offset * 60_000).filter((instant) => {
    const shown = wall(instant, timezone);
    return shown.date === date && shown.time === time;
  });
  if (shownThen.length) return Math.min(...shownThen);
  // Skipped: the jump lies between the instants the two offsets give; the later one is after it.
  return Math.max(...offsets.map((offset) => asUtc - offset * 60_000));
}

/** Whether a zone's offset from UTC changes between two instants: the week does cross a clock change there. */
export function clocksChange(timezone: string, from: number, to: number): boolean {
  return offsetAt(from, timezone) !== offsetAt(to, timezone);
}

/**
 * Every slot due after `from` up to and including `to`, worked out from the schedules' definitions alone (time
 * zone, times, days), independently of Herald's scheduler: each local date the window touches, each time on a
 * day the schedule names.
 */
export function expectedSlots(schedules: Schedule[], from: number, to: number): ExpectedSlot[] {
  const slots: ExpectedSlot[] = [];
  for (const schedule of schedules) {
    const dates = new Set<string>();
    for (let instant = from - DAY_MS; instant <= to + DAY_MS; instant += 6 * 3_600_000) dates.add(wall(instant, schedule.timezone).date);
    for (const date of dates) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      for (const line of schedule.crons) {
        const [minute, hour, , , days] = line.split(' ');
        if (!weekdays(days!).includes(weekday)) continue;
        const time = `${hour!.padStart(2, '0')}:${minute!.padStart(2, '0')}`;
        const at = instantOf(date, time, schedule.timezone);
        if (at > from && at <= to) slots.push({ scheduleId: schedule.id, channelId: schedule.channelId, slot: `${date}T${time}`, at });
      }
    }
  }
  return slots.sort((a, b) => a.at - b.at);
}

function weekdays(field: string): number[] {
  if (field === '*') return [0, 1, 2, 3, 4, 5, 6];
  return field.split(',').flatMap((part) => {
    const [low, high] = part.split('-').map(Number);
    return high === undefined ? [low!] : Array.from({ length: high - low! + 1 }, (_, index) => low! + index);
  });
}

/**
 * The nonce Herald sends with message `index` of a schedule's digest for a slot, which is how Discord's record
 * tells which slot a message belongs to: one schedule, slot and message always give the same one.
 */
export function digestNonce(scheduleId: string, slot: string, index: number): string {
  return createHash('sha256').update(`${scheduleId}|${slot}|${index}`).digest('hex').slice(0, 25);
}
