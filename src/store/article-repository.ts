import type Keyv from 'keyv';
import type { Article } from '../model/article.ts';
import type { Store } from './open-store.ts';

export type AddResult = { status: 'new'; id: string } | { status: 'duplicate'; id: string };

/** Where articles live. Callers never see keyv, so another backend is one more implementation of this. */
export interface ArticleRepository {
  /** Stores the article unless one with the same canonical URL, feed guid or content hash is already kept. */
  add(article: Article): Promise<AddResult>;
  get(id: string): Promise<Article | undefined>;
  /** Every article still within retention, in no particular order. */
  list(): AsyncIterable<Article>;
}

export interface ArticleRepositoryOptions {
  /** How long an article is kept after it was stored. */
  retentionMs: number;
}

/** The keys under which an article can be recognised again; a feed's guid only means something within that feed. */
function identityKeys(article: Article): string[] {
  return [
    ...(article.canonicalUrl ? [`url:${article.canonicalUrl}`] : []),
    ...(article.guid ? [`guid:${article.source.location} ${article.guid}`] : []),
    `hash:${article.contentHash}`,
  ];
}

export function createKeyvArticleRepository(store: Store, options: ArticleRepositoryOptions): ArticleRepository {
  const articles: Keyv<Article> = store.collection<Article>('articles');
  const identities: Keyv<string> = store.collection<string>('article_keys');
  // Adds run one at a time so that two copies arriving together cannot both pass the duplicate check.
  let queue: Promise<unknown> = Promise.resolve();

  const addNow = async (article: Article): Promise<AddResult> => {
    const keys = identityKeys(article);
    const known = await identities.getMany(keys);
    const existing = known.find((id): id is string => typeof id === 'string');
    if (existing && (await articles.has(existing))) return { status: 'duplicate', id: existing };
    await articles.set(article.id, article, options.retentionMs);
    await identities.setMany(keys.map((key) => ({ key, value: article.id, ttl: options.retentionMs })));
    return { status: 'new', id: article.id };
  };

  return {
    add(article) {
      const result = queue.then(() => addNow(article));
      queue = result.catch(() => undefined);
      return result;
    },
    async get(id) {
      return articles.get(id);
    },
    async *list() {
      if (!articles.iterator) return;
      for await (const [, article] of articles.iterator(articles.namespace)) {
        if (article) yield article as Article;
      }
    },
  };
}
