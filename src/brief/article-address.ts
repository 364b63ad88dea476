import { pathToFileURL } from 'node:url';
import type { Article } from '../model/article.ts';

/** Where a reader can open the article: its page, or for a local file a file: URL, so every item has a link. */
export function articleAddress(article: Pick<Article, 'url' | 'canonicalUrl' | 'source'>): string {
  const web = webAddress(article);
  if (web) return web;
  return article.source.kind === 'file' ? pathToFileURL(article.source.location).href : article.source.location;
}

/**
 * The article's address on the web, where it has one: its canonical form first, because that is the one
 * without a feed's tracking parameters (`?utm_source=feed`) that readers would otherwise share on.
 */
export function webAddress(article: Pick<Article, 'url' | 'canonicalUrl'>): string | undefined {
  return article.canonicalUrl ?? article.url;
}

/** The publisher's name as a reader knows it: the site's own name, else the feed's, else the host. */
export function publisherName(article: Pick<Article, 'siteName' | 'url' | 'canonicalUrl' | 'source'>): string {
  if (article.siteName) return article.siteName;
  if (article.source.name) return article.source.name;
  const address = article.url ?? article.canonicalUrl ?? (article.source.kind === 'file' ? undefined : article.source.location);
  if (address) {
    try {
      return new URL(address).hostname.replace(/^www\./, '');
    } catch {
      // Not a URL after all: fall through to the file name.
    }
  }
  return article.source.location.split(/[\\/]/).pop() || article.source.location;
}
