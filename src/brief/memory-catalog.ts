import type { Article } from '../model/article.ts';
import { articleTime } from '../model/article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import type { ArticleCatalog, CatalogSearch, Scope, SearchHit } from './article-catalog.ts';
import { rankRelatedCandidates, RELATED_CANDIDATES, relatedKeys, storyRelatedKeys, windowedCandidates } from './also-read/related-candidates.ts';
import { forgetRemembered } from './cluster/remember-each.ts';
import { createSearchIndex } from './search/search-index.ts';

/**
 * Every kept article in memory, with a search index over them (search/search-index.ts): the embedded engine's
 * catalog, loaded from the store at start-up and kept in step as articles arrive and expire. It answers every
 * question from memory, which measures faster than any query on one process's own store.
 */
export function createMemoryCatalog(options: { retentionMs: number }): ArticleCatalog & { added(article: Article): void } {
  const articles = new Map<string, Article>();
  /**
   * Which articles each related-coverage key finds (see related-candidates.ts), oldest first, so that a story's
   * newest candidates are read from the ends of its keys' lists instead of all the thousands a common pair names.
   */
  const byRelatedKey = new Map<string, Dated[]>();
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
      const dated = { id: article.id, at: articleTime(article) };
      for (const key of relatedKeys(article.topics)) {
        const list = byRelatedKey.get(key) ?? [];
        insertByTime(list, dated);
        byRelatedKey.set(key, list);
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
      const lists = storyRelatedKeys(story.topics).map((key) => byRelatedKey.get(key) ?? []);
      const newest = newestFirst(lists, (id) => {
        const article = articles.get(id);
        return article !== undefined && !own.has(id) && Date.parse(article.fetchedAt) >= cutoff;
      });
      const found = windowedCandidates(newest, now, limit).map(({ id, at }) => ({ id, at, topics: articles.get(id)!.topics }));
      return rankRelatedCandidates(story.topics, found, limit).map((id) => articles.get(id)!);
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
      const emptied = new Set<string>();
      for (const [id, article] of articles) {
        if (Date.parse(article.fetchedAt) >= cutoff) continue;
        articles.delete(id);
        for (const key of relatedKeys(article.topics)) emptied.add(key);
      }
      for (const key of emptied) {
        const kept = (byRelatedKey.get(key) ?? []).filter((dated) => articles.has(dated.id));
        if (kept.length) byRelatedKey.set(key, kept);
        else byRelatedKey.delete(key);
      }
      if (removed > 0) forgetRemembered();
      version += 1;
      return removed;
    },
  };
}

/** An article as a related-coverage key lists it: when it happened (articleTime). */
interface Dated {
  id: string;
  at: number;
}

/** Keeps a list oldest first, ties by id the other way; articles mostly arrive newest, so the place is found from the end. */
function insertByTime(list: Dated[], dated: Dated): void {
  let place = list.length;
  while (place > 0 && (list[place - 1]!.at > dated.at || (list[place - 1]!.at === dated.at && list[place - 1]!.id < dated.id))) place -= 1;
  list.splice(place, 0, dated);
}

/**
 * The newest RELATED_CANDIDATES that `wanted` accepts across lists kept oldest first (each id once), newest first,
 * ties by id: what PostgreSQL's ORDER BY dated_at DESC LIMIT gives, read from the lists' ends.
 */
function newestFirst(lists: Dated[][], wanted: (id: string) => boolean): Dated[] {
  const ends = lists.map((list) => list.length - 1);
  const chosen: Dated[] = [];
  const seen = new Set<string>();
  while (chosen.length < RELATED_CANDIDATES) {
    let best = -1;
    for (let index = 0; index < lists.length; index += 1) {
      const candidate = lists[index]![ends[index]!];
      const leader = best >= 0 ? lists[best]![ends[best]!]! : undefined;
      if (candidate && (!leader || candidate.at > leader.at || (candidate.at === leader.at && candidate.id < leader.id))) best = index;
    }
    if (best < 0) break;
    const next = lists[best]![ends[best]!]!;
    ends[best] = ends[best]! - 1;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    if (wanted(next.id)) chosen.push(next);
  }
  return chosen;
}
