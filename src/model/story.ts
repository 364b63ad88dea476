import type { Article } from './article.ts';

/**
 * One event as Herald tells it: the articles that report it (the same wire copy on several sites, or
 * separate reports of one event), with the one that tells it best as the lead.
 */
export interface Story {
  /** Stable while the lead stays the same: the lead article's id. */
  id: string;
  lead: Article;
  /** Every article in the story, the lead first. */
  articles: Article[];
  /** Canonical topic names the story's articles share, most salient first. */
  topics: string[];
  /** ISO 8601: the latest publication (or fetch) time among its articles. */
  latestAt: string;
}

/** A link a briefing offers for reading on: the publisher's own, or related coverage Herald found. */
export interface BriefingLink {
  title: string;
  url: string;
}

/** One story as a reader sees it. */
export interface BriefingItem {
  storyId: string;
  /** Every article of the story, so a channel can be told which it has been sent. */
  articleIds: string[];
  title: string;
  url: string;
  summary: string;
  /** The lead's publisher first, then every other site that carried the story. */
  sources: Array<{ name: string; url: string }>;
  topics: string[];
  alsoRead: BriefingLink[];
  publishedAt?: string;
  /** The lead's language (a BCP 47 tag) when it is not the one the briefing is read in, so a reader is told. */
  language?: string;
  /** The lead's own headline, when `title` and the summary are a model's translation of it into the briefing's language. */
  originalTitle?: string;
  /** The lead's picture (og:image, JSON-LD image, a feed's image or image enclosure), as the publisher gave it: Discord fetches it, Herald never does. */
  imageUrl?: string;
}

/** What Herald hands to a reader: a digest of top stories, or the answer to a topic query. */
export interface Briefing {
  /** The query a topic briefing answers; absent for a digest. */
  topic?: string;
  /** 2–4 sentences drawn from the stories, for topic briefings. */
  overview?: string;
  items: BriefingItem[];
  /** For a topic briefing given a page at a time: how many further stories answer it. */
  more?: number;
  /** Digest items grouped under the topic they are filed under, in ranking order. */
  groups?: Array<{ topic: string; storyIds: string[] }>;
  generatedAt: string;
}
