import { storyMatchesTopics } from '../../brief/digest/topic-filter.ts';
import type { Story } from '../../model/story.ts';
import type { Follow, FollowRun, MemberFollows, SentStories } from './member-follows.ts';

const DAY_MS = 86_400_000;
/** A message takes five rows of buttons, one row per topic: a bundle names at most five topics. */
export const TOPICS_PER_BUNDLE = 5;

/** How many more stories the member may be sent now: `perDay` in any 24 hours, counting bundles journaled but not yet sent. */
export function storiesLeft(record: MemberFollows, now: Date, perDay: number): number {
  const since = now.getTime() - DAY_MS;
  const sent = record.sent.filter((entry) => Date.parse(entry.at) > since).reduce((sum, entry) => sum + entry.stories, 0);
  const pending = record.pending.reduce((sum, run) => sum + run.stories, 0);
  return Math.max(0, perDay - sent - pending);
}

/** Follows not muted now. */
export function activeFollows(record: MemberFollows, now: Date): Follow[] {
  return record.follows.filter((follow) => !follow.mutedUntil || Date.parse(follow.mutedUntil) <= now.getTime());
}

/** Whether a story has gone, or is going, to the member already: any of its articles has. */
export function sentTest(record: MemberFollows): (story: Story) => boolean {
  const sent = new Set([...record.sent.flatMap((entry) => entry.articleIds), ...record.pending.flatMap((run) => run.articleIds)]);
  return (story) => story.articles.some((article) => sent.has(article.id));
}

/**
 * The follow a story is news on: the first whose topic it is about and for which it brought an article
 * after the member began following (so that following a topic does not deliver its past month at once), and
 * after a mute of it ended (a muted day's stories are not sent later).
 */
export function followFor(story: Story, follows: readonly Follow[]): Follow | undefined {
  return follows.find((follow) => {
    const since = Math.max(Date.parse(follow.createdAt), follow.mutedUntil ? Date.parse(follow.mutedUntil) : 0);
    return storyMatchesTopics(story, [follow.topic]) && story.articles.some((article) => Date.parse(article.fetchedAt) > since);
  });
}

/** Stories chosen for the member, each with the follow it is news on. */
export interface ChosenStory<Item> {
  item: Item;
  follow: Follow;
}

/** One message (or a few, when long) for one place: the member's direct messages, or the channel they chose. */
export interface Bundle<Item> {
  channelId?: string;
  stories: Array<ChosenStory<Item>>;
  /** The topics the bundle is news on, in the order their stories come, each once. */
  topics: string[];
}

/**
 * The chosen stories bundled by where their follows deliver, each topic's together. A bundle names at most
 * TOPICS_PER_BUNDLE topics, each with its own buttons; stories on further topics wait for the next pass.
 */
export function bundleStories<Item>(chosen: ReadonlyArray<ChosenStory<Item>>): Array<Bundle<Item>> {
  const bundles = new Map<string, Bundle<Item>>();
  for (const story of chosen) {
    const place = story.follow.channelId ?? '';
    const bundle = bundles.get(place) ?? { ...(story.follow.channelId ? { channelId: story.follow.channelId } : {}), stories: [], topics: [] };
    if (!bundle.topics.includes(story.follow.topic)) {
      if (bundle.topics.length >= TOPICS_PER_BUNDLE) continue;
      bundle.topics.push(story.follow.topic);
    }
    bundle.stories.push(story);
    bundles.set(place, bundle);
  }
  // Each topic's stories together, under its heading, topics in the order their best story came.
  return [...bundles.values()].map((bundle) => ({ ...bundle, stories: [...bundle.stories].sort((a, b) => bundle.topics.indexOf(a.follow.topic) - bundle.topics.indexOf(b.follow.topic)) }));
}

/**
 * The member's record once a bundle went out: its stories remembered as sent (as long as articles are kept),
 * the journal entry gone. Recording the same bundle twice changes nothing.
 */
export function recordSent(record: MemberFollows, run: FollowRun, now: Date, retentionMs: number): MemberFollows {
  if (!record.pending.some((pending) => pending.id === run.id)) return record;
  const kept = record.sent.filter((entry) => now.getTime() - Date.parse(entry.at) < retentionMs);
  const sent: SentStories = { articleIds: run.articleIds, stories: run.stories, at: now.toISOString() };
  return { ...record, sent: [...kept, sent], pending: record.pending.filter((pending) => pending.id !== run.id) };
}
