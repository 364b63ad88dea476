import { articleText, type AlsoReadLink, type Article } from '../model/article.ts';
import { definedFields } from '../model/defined-fields.ts';

/** The `herald extract --json` contract: field names and order are relied on outside this repository. */
export interface ArticleJson {
  title: string;
  dek?: string;
  byline?: string;
  siteName?: string;
  url?: string;
  publishedAt?: string;
  text: string;
  alsoRead: AlsoReadLink[];
  topics: string[];
}

export function toArticleJson(article: Article): ArticleJson {
  const stated = definedFields<Pick<ArticleJson, 'dek' | 'byline' | 'siteName' | 'url' | 'publishedAt'>>({
    dek: article.dek,
    byline: article.byline,
    siteName: article.siteName,
    url: article.canonicalUrl ?? article.url,
    publishedAt: article.publishedAt,
  });
  return {
    title: article.title,
    ...stated,
    text: articleText(article),
    alsoRead: article.alsoRead.map((link) => definedFields<AlsoReadLink>({ title: link.title, url: link.url })),
    topics: article.topics,
  };
}
