import type { MessagePayload } from '../../discord/render/message-payload.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';

/** A person, place, organisation or subject one member follows in one server. */
export interface Follow {
  /** As the member chose it (from autocomplete, or typed). */
  topic: string;
  /** The channel the member asked for its stories in (`where:here`); by direct message when absent. */
  channelId?: string;
  createdAt: string;
  /** "Mute for a day": no stories on it before this instant. */
  mutedUntil?: string;
}

/** Stories delivered to the member, by their articles: a story is never sent again once any of them was. */
export interface SentStories {
  articleIds: string[];
  stories: number;
  at: string;
}

/**
 * One bundle for one member, written before its first message goes out, with the nonces it is sent with; a
 * bundle cut short (a crash, a network failure) is finished later with the same ones, which Discord answers
 * with the messages it already has.
 */
export interface FollowRun {
  id: string;
  /** A channel of the server (`where:here`), or the member's direct messages when absent. */
  channelId?: string;
  messages: MessagePayload[];
  nonces: string[];
  messageIds: Array<string | null>;
  articleIds: string[];
  stories: number;
  startedAt: string;
}

/** Why a member's follows stopped: a refusal from Discord that only the member (or an admin) can lift. */
export interface FollowPause {
  reason: 'dms-closed' | 'channel-refused';
  /** For a refusing channel: which, and Discord's reason in an admin's words. */
  channelId?: string;
  detail?: string;
  at: string;
}

/** Everything Herald keeps about one member's follows in one server, and nothing about anyone else. */
export interface MemberFollows {
  guildId: string;
  userId: string;
  follows: Follow[];
  paused?: FollowPause;
  /** An explanation owed to the member, given once, privately, the next time they use Herald in the server. */
  notice?: string;
  /** The language the member's Discord was set to when they last used /follow, which their bundles are in. */
  locale?: string;
  sent: SentStories[];
  pending: FollowRun[];
}

export function emptyMemberFollows(guildId: string, userId: string): MemberFollows {
  return { guildId, userId, follows: [], sent: [], pending: [] };
}

/** Nothing left worth keeping: the record can go. */
export function isEmpty(record: MemberFollows): boolean {
  return record.follows.length === 0 && record.pending.length === 0 && !record.notice && !record.paused;
}

/** Two spellings of one topic ("Kim Jong-un", "kim jong un") are one follow. */
export function sameTopic(a: string, b: string): boolean {
  return topicKey(a) === topicKey(b);
}

/** What asking to follow a topic did. */
export type FollowOutcome = 'added' | 'moved' | 'full';

/**
 * Follows a topic, or changes where an existing follow of it delivers. A member already at the server's
 * cap can change where a follow delivers, but not add one.
 */
export function withFollow(record: MemberFollows, wanted: { topic: string; channelId?: string }, now: Date, cap: number): { record: MemberFollows; outcome: FollowOutcome } {
  const existing = record.follows.find((follow) => sameTopic(follow.topic, wanted.topic));
  const placed = (follow: Follow): Follow => {
    const { channelId: _previous, ...rest } = follow;
    return wanted.channelId ? { ...rest, channelId: wanted.channelId } : rest;
  };
  if (existing) return { record: { ...record, follows: record.follows.map((follow) => (follow === existing ? placed(follow) : follow)) }, outcome: 'moved' };
  if (record.follows.length >= cap) return { record, outcome: 'full' };
  return { record: { ...record, follows: [...record.follows, placed({ topic: wanted.topic, createdAt: now.toISOString() })] }, outcome: 'added' };
}

export function withoutFollow(record: MemberFollows, topic: string): MemberFollows {
  return { ...record, follows: record.follows.filter((follow) => !sameTopic(follow.topic, topic)) };
}

export function withMute(record: MemberFollows, topic: string, until: Date): MemberFollows {
  return { ...record, follows: record.follows.map((follow) => (sameTopic(follow.topic, topic) ? { ...follow, mutedUntil: until.toISOString() } : follow)) };
}

/** Delivery goes on; an explanation of the pause no longer needs giving. */
export function resumed(record: MemberFollows): MemberFollows {
  const { paused: _paused, notice: _notice, ...rest } = record;
  return rest;
}
