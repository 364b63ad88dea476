import type { Article } from '../model/article.ts';
import { articleTime } from '../model/article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import type { ArticleCatalog, CatalogSearch, Scope, SearchHit } from './article-catalog.ts';
import { rankRelatedCandidates, relatedKeys, storyRelatedKeys } from './also-read/related-candidates.ts';
import { forgetRemembered } from './cluster/remember-each.ts';
import { createSearchIndex } from './search/search-index.ts';

/**
 * Every kept article in memory, with a MiniSearch index over them: the embedded engine's catalog, loaded from
 * the store at start-up and kept in step as articles arrive and expire. It answers every question from memory,
 * which measures faster than any query on one process's own store.
 */
export function createMemoryCatalog(options: { retentionMs: number }): ArticleCatalog & { added(article: Article): void } {
  const articles = new Map<string, Article>();
  /** Which articles each related-coverage key finds (see related-candidates.ts). */
  const byRelatedKey = new Map<string, Set<string>>();
  /** Every source location an article came from, to turn a scope's folders into the files below them. */
  const locations = new Set<string>();
  const index = createSearchIndex({ retentionMs: options.retentionMs });
  let version = 0;

  const expand = (wanted: string[]): string[] => {
    const folders = wanted.map((location) => `${location.replace(/[\\/]+$/, '')}/`);
    return [...new Set([...wanted, ...[...locations].filter((known) => folders.some((folder) => known.startsWith(folder)))])];
  };

  const inScope = (scope: Scope): Article[] => {
    const since = scope.since?.getTime();
    const sources = scope.sourceLocations && new Set(expand(scope.sourceLocations));
    return [...articles.values()].filter(
      (article) => (!sources || sources.has(article.source.location)) && (since === undefined || articleTime(article) >= since),
    );
  };

  const search = (query: string, search: CatalogSearch): SearchHit[] =>
    index
      .search(query, {
        now: search.now,
        limit: search.limit,
        ...(search.since ? { since: search.since } : {}),
        ...(search.sourceLocations ? { sourceLocations: expand(search.sourceLocations) } : {}),
        ...(search.anyWord ? { anyWord: true } : {}),
      })
      .flatMap((hit) => {
        const article = articles.get(hit.id);
        return article ? [{ article, score: hit.score }] : [];
      });

  return {
    /** Indexes an article the store accepted as new. */
    added(article: Article) {
      articles.set(article.id, article);
      for (const key of relatedKeys(article.topics)) {
        const ids = byRelatedKey.get(key) ?? new Set<string>();
        ids.add(article.id);
        byRelatedKey.set(key, ids);
      }
      locations.add(article.source.location);
      index.add(article);
      version += 1;
    },
    async count() {
      return articles.size;
    },
    async version() {
      return String(version);
    },
    async search(query, options) {
      return search(query, options);
    },
    async inScope(scope) {
      return inScope(scope);
    },
    async related(story, { now, limit }) {
      const cutoff = now.getTime() - options.retentionMs;
      const own = new Set(story.ownIds);
      const found = new Map<string, Article>();
      for (const key of storyRelatedKeys(story.topics)) {
        for (const id of byRelatedKey.get(key) ?? []) {
          const article = articles.get(id);
          if (article && !own.has(id) && Date.parse(article.fetchedAt) >= cutoff) found.set(id, article);
        }
      }
      const chosen = rankRelatedCandidates(story.topics, [...found.values()].map((article) => ({ id: article.id, topics: article.topics, at: articleTime(article) })), limit);
      return chosen.map((id) => found.get(id)!);
    },
    async articleAt(url) {
      const wanted = canonicalUrl(url) ?? url;
      for (const article of articles.values()) {
        if (article.canonicalUrl === wanted || article.url === url || (article.url && canonicalUrl(article.url) === wanted)) return article;
      }
      return undefined;
    },
    async article(id) {
      return articles.get(id);
    },
    async source(location) {
      let count = 0;
      let name: string | undefined;
      for (const article of articles.values()) {
        if (article.source.location !== location) continue;
        count += 1;
        name ??= article.source.name ?? article.siteName;
      }
      return { articles: count, ...(name ? { name } : {}) };
    },
    async expand(wanted) {
      return expand(wanted);
    },
    async prune(now) {
      const removed = index.prune(now);
      const cutoff = now.getTime() - options.retentionMs;
      for (const [id, article] of articles) {
        if (Date.parse(article.fetchedAt) >= cutoff) continue;
        articles.delete(id);
        for (const key of relatedKeys(article.topics)) byRelatedKey.get(key)?.delete(id);
      }
      if (removed > 0) forgetRemembered();
      version += 1;
      return removed;
    },
  };
}
