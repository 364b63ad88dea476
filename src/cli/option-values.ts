import { InputError } from '../input-error.ts';

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * `--since` as people write it: a duration back from now ("90m", "24h", "7d", "1h30m", "2w") or a date
 * ("2024-09-10", "2024-09-10T08:00:00Z"). Anything else is a one-line error naming the command.
 */
export function parseSince(command: string, value: string, now: Date): Date {
  const text = value.trim().toLowerCase();
  if (/^(\d+(\.\d+)?\s*[smhdw]\s*)+$/.test(text)) {
    let ms = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)\s*([smhdw])/g)) ms += Number(amount) * UNIT_MS[unit!]!;
    return new Date(now.getTime() - ms);
  }
  if (/^\d{4}-\d{2}-\d{2}([t ][\d:.]+(z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const date = new Date(value.trim());
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new InputError(`${command}: --since expects a duration such as 90m, 24h or 7d, or a date such as 2024-09-10, got "${value}"`);
}

/** `--limit` as a whole number within reason. */
export function parseLimit(command: string, value: string | undefined, fallback: number, max = 100): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new InputError(`${command}: --limit expects a whole number from 1 to ${max}, got "${value}"`);
  return limit;
}
