const DAY_MS = 86_400_000;

/**
 * A search looks at the newest matches first, days back from now, and further back only when those are too few
 * to rank: a common word matches tens of thousands of articles a month, and scoring each of them (in memory) or
 * reading each from the table to know its date (in PostgreSQL) is what a search would spend its time on. The
 * windows are the same on every engine, so that both answer from the same articles.
 *
 * What a topic briefing (/news) shows is then the briefing on the window's articles alone: each match within it
 * keeps the score it has among all that are kept (a word's weight is the whole store's), so they rank exactly as
 * without the bound, and what is left out is only older than every one of them. With 200 matches a day or more,
 * a topic is in the news, and /news is about now; an older report squarely on it would otherwise still compete
 * with the last day's passing mentions at a fifth of its weight or more (recency.ts), and is still found by
 * /news for a topic the last day and week hardly mention.
 */
export const SEARCH_WINDOWS_MS: readonly number[] = [DAY_MS, 7 * DAY_MS, Infinity];

/** Candidates enough to rank within a window; fewer, and the next window is searched. */
export const ENOUGH_CANDIDATES = 200;

/**
 * Where each window a search with `since` looks begins, in turn (epoch ms; -Infinity for all that is kept): a
 * window reaching back to `since` or further is the last, since it holds every article the search may find.
 */
export function windowStarts(now: Date, since: Date | undefined): number[] {
  const floor = since?.getTime() ?? -Infinity;
  const starts: number[] = [];
  for (const windowMs of SEARCH_WINDOWS_MS) {
    const start = now.getTime() - windowMs;
    if (start <= floor) break;
    starts.push(start);
  }
  return [...starts, floor];
}
