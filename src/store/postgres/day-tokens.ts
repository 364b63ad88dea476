/**
 * The day an article is dated (UTC) as a token in its full-text vectors and related-coverage keys, so that the
 * GIN index that finds the words also keeps to the window. Asked for matches dated within a window, PostgreSQL
 * otherwise either builds a bitmap of every article of the window from the date index and ANDs it with the
 * words' (a week is a quarter of a million entries at 1,000,000 articles, whatever the words), or, when the
 * articles are stored in the order they appear, walks the date index testing each article, which its
 * statistics make look cheap and which took seconds. A token per day of the window lets the GIN index
 * intersect the two itself. migrations/0002_day_tokens.sql wrote the same tokens for articles stored before.
 */

const DAY_MS = 86_400_000;
/** Longer windows are looked up without tokens: a query of more days than this costs more than it saves. */
const MAX_WINDOW_DAYS = 62;

/** "@d" and the date, as no word or topic key can be (both are letters and digits only). */
export function dayToken(at: Date): string {
  return `@d${at.toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/**
 * The tokens of every day from `from` to the day after `to` (an article may be dated a little after the
 * clock of the process asking, by another's), or undefined for a window too long to be worth them.
 */
export function windowDayTokens(from: Date, to: Date): string[] | undefined {
  const first = Math.floor(from.getTime() / DAY_MS);
  const last = Math.floor(to.getTime() / DAY_MS) + 1;
  if (!Number.isFinite(first) || !Number.isFinite(last) || last - first + 1 > MAX_WINDOW_DAYS) return undefined;
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, index) => dayToken(new Date((first + index) * DAY_MS)));
}
