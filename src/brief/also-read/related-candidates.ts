import { articleTime, type Article } from '../../model/article.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';

/** The story's topics that related coverage is looked for by, most salient first. */
export const RELATED_TOPICS = 5;

/**
 * The pairs of topic keys an article must name together to count as related coverage: two shared subjects
 * say more than one, since a story about Kim Jong Un and Russia is not related to every story naming Russia.
 * A story with a single topic needs only that one.
 */
export function relatedTopicPairs(topics: string[]): string[][] {
  const keys = [...new Set(topics.map(topicKey).filter(Boolean))].slice(0, RELATED_TOPICS);
  if (keys.length <= 1) return keys.length ? [keys] : [];
  return keys.flatMap((first, index) => keys.slice(index + 1).map((second) => [first, second]));
}

/**
 * Candidates for a story's related coverage from the articles naming each of its topics: those naming a pair
 * of its topics, most topics in common first, then the newest. The ranking that chooses among them (see
 * related-index.ts) is the same on every engine; this is how the in-memory catalog finds them, as the
 * database does with an index over topic keys.
 */
export function relatedCandidates(topics: string[], naming: (key: string) => Article[], limit: number): Article[] {
  const pairs = relatedTopicPairs(topics);
  const wanted = new Set(pairs.flat());
  const found = new Map<string, Article>();
  for (const pair of pairs) {
    const withFirst = naming(pair[0]!);
    const second = pair[1];
    for (const article of withFirst) {
      if (second === undefined || article.topics.some((topic) => topicKey(topic) === second)) found.set(article.id, article);
    }
  }
  const shared = (article: Article): number => new Set(article.topics.map(topicKey).filter((key) => wanted.has(key))).size;
  return [...found.values()].sort((a, b) => shared(b) - shared(a) || articleTime(b) - articleTime(a) || a.id.localeCompare(b.id)).slice(0, limit);
}
