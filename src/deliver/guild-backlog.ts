import type { Article } from '../model/article.ts';
import type { GuildSource } from '../store/guild-settings-repository.ts';

/**
 * Whether an article was already there when this server added the source it came from. A source another
 * server added long ago is seeded once for everyone, so its first-read backlog alone would let a server that
 * adds it today receive weeks of old stories in its next digest.
 */
export function arrivedBeforeAdded(article: Pick<Article, 'source' | 'fetchedAt'>, sources: GuildSource[]): boolean {
  const source = sources.find((candidate) => candidate.url === article.source.location);
  return source !== undefined && Date.parse(article.fetchedAt) <= Date.parse(source.addedAt);
}
