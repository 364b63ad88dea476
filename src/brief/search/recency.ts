const DAY_MS = 24 * 60 * 60 * 1000;

/** A topic briefing is about what is happening now: an article's pull on the ranking halves every few days. */
export const RECENCY_HALF_LIFE_MS = 3 * DAY_MS;

/** Yet an old article that is squarely on the topic should still beat today's passing mention of it. */
export const OLDEST_WEIGHT = 0.2;

/** The multiplier for a relevance score, from 1 for an article dated now down towards OLDEST_WEIGHT; future dates count as now. */
export function recencyWeight(ageMs: number): number {
  return OLDEST_WEIGHT + (1 - OLDEST_WEIGHT) * 0.5 ** (Math.max(0, ageMs) / RECENCY_HALF_LIFE_MS);
}
