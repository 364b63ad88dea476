import type { Enclosure } from '../../model/article.ts';

/** A feed as Herald reads it, whatever its format. */
export interface Feed {
  title?: string;
  /** The site the feed belongs to. */
  link?: string;
  description?: string;
  language?: string;
  imageUrl?: string;
  items: FeedItem[];
}

export interface FeedItem {
  guid?: string;
  title?: string;
  link?: string;
  /** ISO 8601 UTC, only when the item states it. */
  publishedAt?: string;
  updatedAt?: string;
  author?: string;
  /** A teaser or description, as HTML. */
  summaryHtml?: string;
  /** The full text, as HTML, when the feed carries it. */
  contentHtml?: string;
  categories: string[];
  imageUrl?: string;
  enclosures?: Enclosure[];
  language?: string;
}
