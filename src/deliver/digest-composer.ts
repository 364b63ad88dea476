import type { Newsroom } from '../brief/newsroom.ts';
import { replyText } from '../discord/i18n/reply-text.ts';
import { digestMessages } from '../discord/render/digest-messages.ts';
import { contentMessage, type MessagePayload } from '../discord/render/message-payload.ts';
import { moreLikeButton } from '../discord/render/reply-buttons.ts';
import type { Article } from '../model/article.ts';
import type { Story } from '../model/story.ts';
import type { GuildSettings, Schedule } from '../store/guild-settings-repository.ts';
import type { DeliveryLog } from './delivery-log.ts';
import { digestLanguage } from './digest-language.ts';
import { digestLook } from './digest-look.ts';
import { compileKeywords, filterText, passesKeywords } from './keyword-filter.ts';

/** What a schedule's digest says now: its messages, and the stories and articles they carry. */
export interface DigestContent {
  messages: MessagePayload[];
  articleIds: string[];
  stories: number;
}

/**
 * Composes a schedule's digest from the news its channel has not been sent; undefined when there is nothing to
 * post. The scheduler (digest-scheduler.ts) journals and sends what this says, whatever it says.
 */
export type DigestComposer = (settings: GuildSettings, schedule: Schedule) => Promise<DigestContent | undefined>;

export interface DigestComposerDependencies {
  newsroom: Newsroom;
  defaultSources: string[];
  deliveries: Pick<DeliveryLog, 'sentTo'>;
  /**
   * What a server counts as backlog (articles a source held when first read, or when this server added it),
   * which no channel is flooded with: asked once per digest, since it may read the store.
   */
  backlog?: (settings: GuildSettings) => Promise<(article: Article) => boolean>;
}

/**
 * A digest of the server's sources and the defaults, kept to the schedule's topics and keywords, leaving out
 * what the channel was sent and stories that are all backlog, in the schedule's language and look.
 */
export function createDigestComposer(deps: DigestComposerDependencies): DigestComposer {
  return async (settings, schedule) => {
    const sent = await deps.deliveries.sentTo(schedule.channelId);
    const isBacklog = (await deps.backlog?.(settings)) ?? (() => false);
    const include = compileKeywords(schedule.include ?? []);
    const exclude = compileKeywords(schedule.exclude ?? []);
    const accept = (story: Story): boolean =>
      !story.articles.some((article) => sent.has(article.id)) && !story.articles.every(isBacklog) && passesKeywords(filterText(story.lead), include, exclude);
    const language = digestLanguage(settings, schedule);
    const look = digestLook(schedule);
    const digest = await deps.newsroom.digest({
      sourceLocations: [...deps.defaultSources, ...settings.sources.map((source) => source.url)],
      limit: schedule.maxItems,
      topics: schedule.topics,
      accept,
      summary: look.summary,
      ...(language ? { language } : {}),
    });
    if (digest.items.length === 0 && !schedule.announceEmpty) return undefined;
    // Herald's own words follow the digest's language where it has them, as the summaries do.
    const text = replyText(language);
    const messages = digest.items.length ? digestMessages(digest, look, { text, storyButton: moreLikeButton(text) }) : [contentMessage(text.noNewStories)];
    return {
      messages: schedule.mentionRoleId ? mentionRole(messages, schedule.mentionRoleId) : messages,
      articleIds: digest.items.flatMap((item) => item.articleIds),
      stories: digest.items.length,
    };
  };
}

/** The role goes on the first message, and only that role may be pinged by it. */
function mentionRole(messages: MessagePayload[], roleId: string): MessagePayload[] {
  return messages.map((message, index) =>
    index === 0 ? { ...message, content: `<@&${roleId}> ${message.content ?? ''}`.trim(), allowed_mentions: { parse: [], roles: [roleId] } } : message,
  );
}
