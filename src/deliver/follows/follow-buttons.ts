import { createHash } from 'node:crypto';
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import { buttonId, parseButtonId } from '../../discord/button-id.ts';
import type { ReplyText } from '../../discord/i18n/reply-text.ts';
import { topicKey } from '../../ingest/topics/topic-key.ts';

/** What a follow button does to the follow it names. */
export type FollowAction = 'mute' | 'unfollow';

/** A press on a follow button: whose follow, in which server (a direct message has none of its own), and which. */
export interface FollowButton {
  action: FollowAction;
  guildId: string;
  userId: string;
  /** The follow's topic as topicToken gives it. */
  topic: string;
}

const COMMAND = 'follow';
const LABEL_MAX = 80;
const TOPIC_IN_LABEL = 40;

/**
 * A topic in a few characters: a custom id holds 100, and a topic may take as many. The member's own follows
 * are few, so twelve hex digits of its key never name two of them.
 */
export function topicToken(topic: string): string {
  return createHash('sha256').update(topicKey(topic)).digest('hex').slice(0, 12);
}

/** A row for each topic of a bundle: "Mute <topic> for a day" and "Unfollow <topic>", for the member it was sent to. */
export function followButtonRows(guildId: string, userId: string, topics: readonly string[], text: ReplyText): Array<APIActionRowComponent<APIButtonComponent>> {
  const button = (action: FollowAction, label: string, topic: string, style: ButtonStyle.Secondary | ButtonStyle.Danger): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    label: label.slice(0, LABEL_MAX),
    custom_id: buttonId(COMMAND, action, `${guildId}:${userId}:${topicToken(topic)}`)!,
  });
  return topics.map((topic) => {
    const shown = topic.length > TOPIC_IN_LABEL ? `${topic.slice(0, TOPIC_IN_LABEL - 1)}…` : topic;
    return {
      type: ComponentType.ActionRow,
      components: [button('mute', text.muteButton(shown), topic, ButtonStyle.Secondary), button('unfollow', text.unfollowButton(shown), topic, ButtonStyle.Danger)],
    };
  });
}

/** The follow button a custom id names, or null for one that is not (a mangled or retired id). */
export function parseFollowButton(customId: string): FollowButton | null {
  const named = parseButtonId(customId);
  const [guildId, userId, topic, ...rest] = named?.data.split(':') ?? [];
  if (named?.command !== COMMAND || (named.action !== 'mute' && named.action !== 'unfollow') || !guildId || !userId || !topic || rest.length > 0) return null;
  return { action: named.action, guildId, userId, topic };
}
