import { topicKey } from '../../ingest/topics/topic-key.ts';
import type { Briefing, BriefingItem, BriefingLink, Story } from '../../model/story.ts';
import type { Summary } from '../summarizer.ts';
import { briefingItem } from './briefing-item.ts';
import { rankStories } from './story-importance.ts';
import { storyMatchesTopics } from './topic-filter.ts';

export interface DigestOptions {
  now: Date;
  /** At most this many stories. */
  limit: number;
  /** Only stories about one of these topics; all stories when absent or empty. */
  topics?: string[];
}

/** What a briefing needs from the rest of Herald for one story: its summary and where to read on. */
export interface StoryTelling {
  /** The lead's summary, translated into `language` when a model could. */
  summarize(story: Story): Promise<Summary>;
  alsoRead(story: Story): Promise<BriefingLink[]>;
  /** The language the briefing is read in; a story written in another is labelled with its own. */
  language?: string;
}

const UNFILED = 'Other news';

/**
 * The top stories ranked by importance, grouped under the topic each is mostly about. Groups come in the
 * order of their best story, so the most important story still leads the digest.
 */
export async function composeDigest(stories: Story[], options: DigestOptions, telling: StoryTelling): Promise<Briefing> {
  const chosen = rankStories(
    stories.filter((story) => storyMatchesTopics(story, options.topics ?? [])),
    options,
  ).slice(0, Math.max(0, options.limit));
  const items: BriefingItem[] = await Promise.all(
    chosen.map(async (story) => briefingItem(story, await telling.summarize(story), await telling.alsoRead(story), telling.language)),
  );
  return { items, groups: groupByTopic(chosen, options.topics ?? []), generatedAt: options.now.toISOString() };
}

/**
 * Each story is filed under the filter it matched, else under the topic it shares with the most other
 * chosen stories, so that three stories naming Russia sit together instead of under three first topics.
 */
function groupByTopic(stories: Story[], filters: string[]): NonNullable<Briefing['groups']> {
  const shared = new Map<string, number>();
  for (const story of stories) {
    for (const key of new Set(story.topics.map(topicKey))) shared.set(key, (shared.get(key) ?? 0) + 1);
  }
  const groups = new Map<string, { topic: string; storyIds: string[] }>();
  for (const story of stories) {
    const matched = filters.find((filter) => storyMatchesTopics(story, [filter]));
    const mostShared = [...story.topics].sort((a, b) => (shared.get(topicKey(b)) ?? 0) - (shared.get(topicKey(a)) ?? 0))[0];
    const topic = matched ?? mostShared ?? UNFILED;
    const key = topicKey(topic) || topic;
    const group = groups.get(key) ?? { topic, storyIds: [] };
    group.storyIds.push(story.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}
