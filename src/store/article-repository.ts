import type Keyv from 'keyv';
import type { Article } from '../model/article.ts';
import { canonicalUrl } from '../model/canonical-url.ts';
import type { Store } from './open-store.ts';

export type AddResult = { status: 'new'; id: string } | { status: 'duplicate'; id: string };

/** Where articles live. Callers never see keyv, so another backend is one more implementation of this. */
export interface ArticleRepository {
  /**
   * Stores the article unless one with the same canonical URL, feed guid or content hash is already kept.
   * Whoever keeps a search index adds the article to it on "new"; the index prunes what expires itself.
   */
  add(article: Article): Promise<AddResult>;
  /** Whether an article with this canonical URL, or this guid from this source, is kept: checked before fetching a page again. */
  isKnown(identity: { canonicalUrl?: string | undefined; guid?: string | undefined; sourceLocation: string }): Promise<boolean>;
  get(id: string): Promise<Article | undefined>;
  /** Every article still within retention, each exactly once, in no particular order: what a search index is rebuilt from. */
  list(): AsyncIterable<Article>;
}

export interface ArticleRepositoryOptions {
  /** How long an article is kept after it was stored. */
  retentionMs: number;
}

interface Identity {
  canonicalUrl?: string | undefined;
  /** The address it was found at, when that differs from its canonical URL (a feed link to a page that names another). */
  url?: string | undefined;
  guid?: string | undefined;
  sourceLocation: string;
  contentHash?: string | undefined;
}

/** The keys under which an article can be recognised again; a feed's guid only means something within that feed. */
function identityKeys(identity: Identity): string[] {
  const urls = new Set([identity.canonicalUrl, identity.url && canonicalUrl(identity.url)].filter((url): url is string => !!url));
  return [
    ...[...urls].map((url) => `url:${url}`),
    ...(identity.guid ? [`guid:${identity.sourceLocation} ${identity.guid}`] : []),
    ...(identity.contentHash ? [`hash:${identity.contentHash}`] : []),
  ];
}

export function createKeyvArticleRepository(store: Store, options: ArticleRepositoryOptions): ArticleRepository {
  const articles: Keyv<Article> = store.collection<Article>('articles');
  const identities: Keyv<string> = store.collection<string>('article_keys');
  // Adds run one at a time so that two copies arriving together cannot both pass the duplicate check.
  let queue: Promise<unknown> = Promise.resolve();

  const existingId = async (keys: string[]): Promise<string | undefined> => {
    if (keys.length === 0) return undefined;
    const id = (await identities.getMany(keys)).find((candidate): candidate is string => typeof candidate === 'string');
    return id && (await articles.has(id)) ? id : undefined;
  };

  const addNow = async (article: Article): Promise<AddResult> => {
    const keys = identityKeys({ ...article, sourceLocation: article.source.location });
    const existing = await existingId(keys);
    if (existing) return { status: 'duplicate', id: existing };
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
    async isKnown(identity) {
      return (await existingId(identityKeys(identity))) !== undefined;
    },
    async get(id) {
      return articles.get(id);
    },
    async *list() {
      for await (const [, article] of store.entries<Article>('articles')) yield article;
    },
  };
}
