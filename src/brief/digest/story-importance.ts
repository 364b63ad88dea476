import type { Story } from '../../model/story.ts';
import { publisherName } from '../article-address.ts';

export interface ImportanceOptions {
  now: Date;
  /** How fast a story fades: after this many hours it counts half as much. */
  halfLifeHours?: number;
}

const DEFAULT_HALF_LIFE_HOURS = 12;

/**
 * How much a story matters now. Many sites carrying it is the strongest sign (editors elsewhere judged it
 * worth covering), many articles the next, and age divides both, so that a story five sites ran this
 * morning outranks one site's story from an hour ago, but not yesterday's.
 */
export function storyImportance(story: Story, options: ImportanceOptions): number {
  const sources = new Set(story.articles.map((article) => publisherName(article))).size;
  const ageHours = Math.max(0, (options.now.getTime() - Date.parse(story.latestAt)) / 3_600_000);
  const recency = 0.5 ** (ageHours / (options.halfLifeHours ?? DEFAULT_HALF_LIFE_HOURS));
  return (1 + Math.log2(story.articles.length)) * (1 + 0.5 * (sources - 1)) * recency;
}

/** Most important first; ties go to the newer story, then to the id, so that a digest is the same on every run. */
export function rankStories(stories: Story[], options: ImportanceOptions): Story[] {
  return stories
    .map((story) => ({ story, score: storyImportance(story, options) }))
    .sort((a, b) => b.score - a.score || b.story.latestAt.localeCompare(a.story.latestAt) || a.story.id.localeCompare(b.story.id))
    .map(({ story }) => story);
}
