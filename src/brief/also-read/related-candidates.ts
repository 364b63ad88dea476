import { keyOfTopic } from '../cluster/topic-keys.ts';

/** The story's topics that related coverage is looked for by, most salient first. */
const STORY_TOPICS = 5;
/** An article's topics that it is found by, most salient first: beyond these it only mentions a subject in passing. */
const ARTICLE_TOPICS = 8;

function keys(topics: string[], limit: number): string[] {
  return [...new Set(topics.map(keyOfTopic).filter(Boolean))].slice(0, limit);
}

function pairs(of: string[]): string[] {
  return of.flatMap((first, index) => of.slice(index + 1).map((second) => (first < second ? `${first}|${second}` : `${second}|${first}`)));
}

/**
 * What an article is found by as related coverage: each pair of its leading topics (as "a|b", in code order),
 * and each leading topic alone. Two shared subjects say more than one: a story about Kim Jong Un and Russia is
 * not related to every story naming Russia. Kept with the article, so that both engines look it up by key.
 */
export function relatedKeys(topics: string[]): string[] {
  const leading = keys(topics, ARTICLE_TOPICS);
  return [...leading, ...pairs(leading)];
}

/** The keys a story's related coverage is looked up by: pairs of its topics, or its one topic when it has one. */
export function storyRelatedKeys(topics: string[]): string[] {
  const leading = keys(topics, STORY_TOPICS);
  return leading.length === 1 ? leading : pairs(leading);
}

const DAY_MS = 86_400_000;
/** The newest articles naming a pair of a story's topics that are ranked for its related coverage. */
export const RELATED_CANDIDATES = 300;
/**
 * Related coverage is the newest candidates of the last week, or of all that is kept when the week has too
 * few. A pair of common subjects (China and the US) is named by thousands of articles a week, while the newest
 * few hundred are all from the last day: the last day is looked at first, and is the answer when it holds every
 * candidate wanted, as the week would give the same. Every engine finds candidates through these windows.
 */
export const RELATED_WINDOWS: ReadonlyArray<{ ms: number; enough: (limit: number) => number }> = [
  { ms: DAY_MS, enough: () => RELATED_CANDIDATES },
  { ms: 7 * DAY_MS, enough: (limit) => limit },
  { ms: Infinity, enough: () => 0 },
];

/**
 * The candidates the windows choose among the newest RELATED_CANDIDATES of all (newest first): those of the
 * first window that holds enough of them. A window's newest candidates are among the newest of all, since the
 * windows all end now.
 */
export function windowedCandidates<T extends { at: number }>(newestFirst: T[], now: Date, limit: number): T[] {
  for (const window of RELATED_WINDOWS) {
    const within = window.ms === Infinity ? newestFirst : newestFirst.filter((candidate) => candidate.at >= now.getTime() - window.ms);
    if (within.length >= window.enough(limit)) return within;
  }
  return newestFirst;
}

/** What ranking a related candidate needs: a candidate is known by these before the article itself is read. */
export interface RelatedCandidate {
  id: string;
  topics: string[];
  /** When it happened (articleTime). */
  at: number;
}

/**
 * The ids of a story's related coverage among the candidates found by its keys: most of the story's leading
 * topics in common first, then the newest. The ranking that chooses among them (see related-index.ts) is the
 * same on every engine; this is the order both engines hand them over in.
 */
export function rankRelatedCandidates(storyTopics: string[], found: Iterable<RelatedCandidate>, limit: number): string[] {
  const wanted = new Set(keys(storyTopics, STORY_TOPICS));
  return [...found]
    .map((candidate) => ({ candidate, shared: new Set(candidate.topics.map(keyOfTopic).filter((key) => wanted.has(key))).size }))
    .sort((a, b) => b.shared - a.shared || b.candidate.at - a.candidate.at || a.candidate.id.localeCompare(b.candidate.id))
    .slice(0, limit)
    .map(({ candidate }) => candidate.id);
}
