import type { Briefing, Story } from '../../model/story.ts';
import { publisherName } from '../article-address.ts';
import { briefingItem } from './briefing-item.ts';
import type { StoryTelling } from './compose-digest.ts';

/** A story the search found for a query, with how well it answers it (search relevance, recency included). */
export interface TopicMatch {
  story: Story;
  relevance: number;
}

export interface TopicBriefingOptions {
  now: Date;
  limit: number;
  /** How many of the best stories to pass over, for a later page; the overview is the first page's only. */
  offset?: number;
}

export interface TopicTelling extends StoryTelling {
  /** 2–4 sentences across the chosen stories, about the query. */
  overview(stories: Story[], query: string): string;
}

/**
 * The answer to "what is happening with X": the few stories that answer it best, an overview drawn from
 * them, and links. Coverage by several sites lifts a story a little, because relevance alone would let one
 * keyword-stuffed page outrank the story everyone is reporting.
 */
export async function composeTopicBriefing(query: string, matches: TopicMatch[], options: TopicBriefingOptions, telling: TopicTelling): Promise<Briefing> {
  const offset = Math.max(0, options.offset ?? 0);
  const ranked = matches
    .map((match) => ({ ...match, score: match.relevance * (1 + 0.25 * (new Set(match.story.articles.map((article) => publisherName(article))).size - 1)) }))
    .sort((a, b) => b.score - a.score || b.story.latestAt.localeCompare(a.story.latestAt) || a.story.id.localeCompare(b.story.id));
  const chosen = ranked.slice(offset, offset + Math.max(0, options.limit)).map(({ story }) => story);
  const items = await Promise.all(chosen.map(async (story) => briefingItem(story, await telling.summarize(story), await telling.alsoRead(story), telling.language)));
  const overview = chosen.length && offset === 0 ? telling.overview(chosen, query) : '';
  const more = Math.max(0, ranked.length - offset - chosen.length);
  return { topic: query, ...(overview ? { overview } : {}), items, ...(more ? { more } : {}), generatedAt: options.now.toISOString() };
}
