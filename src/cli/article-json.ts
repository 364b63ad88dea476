import { articleText, type AlsoReadLink, type Article } from '../model/article.ts';

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
  const url = article.canonicalUrl ?? article.url;
  return {
    title: article.title,
    ...(article.dek ? { dek: article.dek } : {}),
    ...(article.byline ? { byline: article.byline } : {}),
    ...(article.siteName ? { siteName: article.siteName } : {}),
    ...(url ? { url } : {}),
    ...(article.publishedAt ? { publishedAt: article.publishedAt } : {}),
    text: articleText(article),
    alsoRead: article.alsoRead.map((link) => ({ title: link.title, ...(link.url ? { url: link.url } : {}) })),
    topics: article.topics,
  };
}
