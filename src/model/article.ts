/** A link the publisher placed next to its article ("Also read", "Related"), resolved to a URL when the page gave one. */
export interface AlsoReadLink {
  title: string;
  url?: string;
}

/** Where an article came from: the feed that listed it, the site page it was fetched from, or a local file. */
export interface ArticleSource {
  kind: 'feed' | 'site' | 'file';
  /** Feed URL, page URL or file path. */
  location: string;
  /** Feed title or site name, when known. */
  name?: string;
}

/** A file a feed item carries: a podcast's audio, a video, a picture (RSS enclosure, Atom rel="enclosure", JSON Feed attachment, Media RSS). */
export interface Enclosure {
  url: string;
  /** MIME type, when the feed states it. */
  type?: string;
  /** Size in bytes, when the feed states it. */
  length?: number;
}

/**
 * What an extractor reads from one input, before Herald gives it an identity.
 * Extractors are pure: they return drafts and never touch the clock, the network or the store.
 */
export interface ArticleDraft {
  title: string;
  url?: string;
  /** The publisher's own canonical URL (link rel=canonical, og:url), before tracking parameters are stripped. */
  canonicalUrl?: string;
  /** A feed item's guid/id, which identifies it even when its link changes. */
  guid?: string;
  dek?: string;
  byline?: string;
  siteName?: string;
  imageUrl?: string;
  enclosures?: Enclosure[];
  /** ISO 8601, only when the page or feed states when the article was published. */
  publishedAt?: string;
  /** BCP 47 tag such as "en" or "pt-BR". */
  language?: string;
  paragraphs: string[];
  alsoRead: AlsoReadLink[];
  /** True when a feed gave only a teaser, so the full page is worth fetching. */
  isSnippet?: boolean;
}

/** The one normalized article every later stage works with. */
export interface Article {
  /** Stable: derived from the canonical URL, else the guid, else the content hash. */
  id: string;
  url?: string;
  /** With tracking parameters and fragment removed; the key for deduplication. */
  canonicalUrl?: string;
  guid?: string;
  title: string;
  dek?: string;
  byline?: string;
  siteName?: string;
  imageUrl?: string;
  enclosures?: Enclosure[];
  publishedAt?: string;
  /** ISO 8601: when Herald read it. */
  fetchedAt: string;
  language?: string;
  paragraphs: string[];
  alsoRead: AlsoReadLink[];
  /** People, places, organisations and key subjects the article names. */
  topics: string[];
  source: ArticleSource;
  /** SHA-256 of the normalized body; the same text under another URL is the same article. */
  contentHash: string;
}

/** The body as the CLI contract prints it: paragraphs separated by blank lines. */
export function articleText(article: Pick<Article, 'paragraphs'>): string {
  return article.paragraphs.join('\n\n');
}

/**
 * When the article appeared, in epoch milliseconds: its stated publication time, unless that is missing,
 * unreadable, or later than when Herald read it (a publisher's time zone gone wrong), else when Herald read it.
 */
export function articleTime(article: Pick<Article, 'publishedAt' | 'fetchedAt'>): number {
  const fetched = Date.parse(article.fetchedAt);
  const published = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
  return Number.isNaN(published) || published > fetched ? fetched : published;
}
