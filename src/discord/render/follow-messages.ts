import type { APIActionRowComponent, APIButtonComponent } from 'discord.js';
import type { BriefingItem } from '../../model/story.ts';
import type { ReplyText } from '../i18n/reply-text.ts';
import type { MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { fitUntrusted, oneLine } from './safe-text.ts';
import { storyEmbed } from './story-embed.ts';

/** A bundle of follow stories as it is sent. */
export interface FollowBundleView {
  /** Each story under the topic the member follows it for. */
  stories: Array<{ item: BriefingItem; topic: string }>;
  topics: string[];
  /** In a direct message, the server the follows belong to; in a channel, the member to mention. */
  to: { guildName: string } | { userId: string };
  /** "Mute for a day" and "Unfollow" for each topic, under the last message. */
  buttons: Array<APIActionRowComponent<APIButtonComponent>>;
  /** Herald's words in the member's language. */
  text: ReplyText;
}

const TOPICS_MAX = 300;

/**
 * A bundle of new stories on what a member follows: a line naming the topics (and, in a direct message, the
 * server they are followed in), then an embed per story, each under its topic. In a channel the line mentions
 * the member, and only that member may be pinged by it. The buttons go under the last message.
 */
export function followBundleMessages(bundle: FollowBundleView): MessagePayload[] {
  const topics = fitUntrusted(oneLine(bundle.topics.join(', ')), TOPICS_MAX);
  const { text } = bundle;
  const heading = 'guildName' in bundle.to ? text.newOnFollowsIn(fitUntrusted(oneLine(bundle.to.guildName), 100), topics) : text.newOnFollows(`<@${bundle.to.userId}>`, topics);
  const messages = packEmbeds(
    bundle.stories.map(({ item, topic }) => storyEmbed(item, { section: topic, text })),
    heading,
  );
  const mention = 'userId' in bundle.to ? bundle.to.userId : undefined;
  return messages.map((message, index) => ({
    ...message,
    ...(index === 0 && mention ? { allowed_mentions: { parse: [], users: [mention] } } : {}),
    ...(index === messages.length - 1 && bundle.buttons.length ? { components: bundle.buttons } : {}),
  }));
}
