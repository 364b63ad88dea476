import cron from 'node-cron';

/** One minute of a schedule's local clock, as its cron fields see it. */
interface Wall {
  /** "2024-10-27T01:30": the same key however often the clock shows that minute. */
  key: string;
  /** The wall time read as if it were UTC, so that wall minutes can be counted. */
  ms: number;
  minute: number;
  hour: number;
  dayOfMonth: number;
  month: number;
  dayOfWeek: number;
}

export interface Slot {
  /** The local date and minute the slot is for: what a run is recorded under, so a slot runs once. */
  key: string;
  /** When it is due, as an instant. */
  at: number;
}

export type CronFields = ReturnType<typeof cron.parse>;

const MINUTE = 60_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Each tick asks every schedule for the same minute in the same few zones, and reading a zone's clock through
 * Intl is the costliest step: the walls of recent minutes are kept, a bounded number of them.
 */
const recentWalls = new Map<string, Wall>();
const RECENT_WALLS = 4_096;

function wallAt(instant: number, timezone: string): Wall {
  const key = `${timezone} ${instant}`;
  let wall = recentWalls.get(key);
  if (!wall) {
    if (recentWalls.size >= RECENT_WALLS) recentWalls.clear();
    wall = readWall(instant, timezone);
    recentWalls.set(key, wall);
  }
  return wall;
}

function readWall(instant: number, timezone: string): Wall {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timezone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return wallFromFields(Number(parts.year), Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute));
}

function wallFromFields(year: number, month: number, day: number, hour: number, minute: number): Wall {
  const ms = Date.UTC(year, month - 1, day, hour, minute);
  const date = new Date(ms);
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    key: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`,
    ms,
    minute: date.getUTCMinutes(),
    hour: date.getUTCHours(),
    dayOfMonth: date.getUTCDate(),
    month: date.getUTCMonth() + 1,
    dayOfWeek: date.getUTCDay(),
  };
}

function wallFromMs(ms: number): Wall {
  const date = new Date(ms);
  return wallFromFields(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes());
}

/** Parses cron lines once; node-cron's own parser, so what /schedule set validated is what runs. */
export function parseCrons(lines: string[]): CronFields[] {
  return lines.map((line) => cron.parse(line));
}

/** Cron's rule: when both day fields are restricted, either may match; otherwise both must. */
function matches(fields: CronFields, wall: Wall): boolean {
  if (!fields.minute.includes(wall.minute) || !fields.hour.includes(wall.hour) || !fields.month.includes(wall.month)) return false;
  const dayOfMonth = fields.dayOfMonth.map(Number);
  const dayOfWeek = fields.dayOfWeek.map((day) => Number(day) % 7);
  const anyDayOfMonth = dayOfMonth.length >= 31;
  const anyDayOfWeek = new Set(dayOfWeek).size >= 7;
  const domMatch = dayOfMonth.includes(wall.dayOfMonth);
  const dowMatch = dayOfWeek.includes(wall.dayOfWeek);
  if (!anyDayOfMonth && !anyDayOfWeek) return domMatch || dowMatch;
  return domMatch && dowMatch;
}

/**
 * The slots due after `from` up to and including `to`, each local minute once. node-cron, asked to run in a
 * zone, runs a 01:30 job twice on the night clocks go back and not at all on the night they go forward; here
 * a repeated local minute is one slot (keyed by the wall time), and a minute the clocks jumped over is due at
 * the first instant after the jump.
 */
export function dueSlots(crons: CronFields[], timezone: string, from: number, to: number): Slot[] {
  const slots = new Map<string, Slot>();
  let previous = wallAt(Math.floor(from / MINUTE) * MINUTE, timezone);
  for (let instant = Math.floor(from / MINUTE) * MINUTE + MINUTE; instant <= to; instant += MINUTE) {
    const wall = wallAt(instant, timezone);
    const candidates = [wall];
    for (let skipped = previous.ms + MINUTE; skipped < wall.ms; skipped += MINUTE) candidates.push(wallFromMs(skipped));
    for (const candidate of candidates) {
      if (!slots.has(candidate.key) && crons.some((fields) => matches(fields, candidate))) slots.set(candidate.key, { key: candidate.key, at: instant });
    }
    previous = wall.ms > previous.ms ? wall : previous;
  }
  return [...slots.values()];
}

/** The next slot after `from`, looking up to `withinDays` ahead; hours the schedule never names are skipped whole. */
export function nextSlot(crons: CronFields[], timezone: string, from: number, withinDays = 35): Slot | undefined {
  const hours = new Set(crons.flatMap((fields) => fields.hour));
  const end = from + withinDays * 86_400_000;
  for (let instant = Math.floor(from / MINUTE) * MINUTE; instant < end; ) {
    const wall = wallAt(instant + MINUTE, timezone);
    if (!hours.has(wall.hour)) {
      instant += (60 - wall.minute) * MINUTE;
      continue;
    }
    const [slot] = dueSlots(crons, timezone, instant, instant + MINUTE);
    if (slot) return slot;
    instant += MINUTE;
  }
  return undefined;
}
