import type { APIButtonComponent, APIEmbed } from 'discord.js';
import type { Briefing, BriefingItem } from '../../model/story.ts';
import { ENGLISH, type ReplyText } from '../i18n/reply-text.ts';
import { discordTimestamp } from './discord-time.ts';
import { DESCRIPTION_MAX, EMBED_TOTAL_MAX, TITLE_MAX } from './embed-limits.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { buttonRows } from './reply-buttons.ts';
import { fitUntrusted, oneLine } from './safe-text.ts';
import { storyEmbed } from './story-embed.ts';

export interface BriefingMessageOptions {
  /** Replaces "Top stories" or "Briefing: <topic>" above the first message. */
  heading?: string;
  color?: number;
  /** Herald's own words around the stories, in the reader's language; English unless given. */
  text?: ReplyText;
  /**
   * Everything in one message, the overview and each story sharing Discord's 6000 characters (summaries cut
   * shorter): a page that a button replaces in place, which it can do to one message only.
   */
  oneMessage?: boolean;
  /** A button for each story ("More like this"), under the message that holds the story. */
  storyButton?: (item: BriefingItem) => APIButtonComponent | undefined;
  /** Each story's picture as its embed's thumbnail. */
  images?: boolean;
}

/**
 * A briefing as Discord messages: a heading, the overview of a topic briefing, then one embed per story in
 * the order the digest files them, spread over as many messages as Discord's limits need. Every message is
 * one Discord accepts, whatever the briefing holds; an empty briefing is one line saying so.
 */
export function briefingMessages(briefing: Briefing, options: BriefingMessageOptions = {}): MessagePayload[] {
  const text = options.text ?? ENGLISH;
  if (briefing.items.length === 0) {
    const topic = briefing.topic === undefined ? '' : fitUntrusted(oneLine(briefing.topic), TITLE_MAX);
    return [contentMessage(topic ? text.noStoriesAbout(topic) : text.noStoriesYet)];
  }
  const color = options.color === undefined ? {} : { color: options.color };
  const share = options.oneMessage ? Math.floor(EMBED_TOTAL_MAX / (filedItems(briefing).length + (briefing.overview ? 1 : 0))) : undefined;
  const overview = fitUntrusted(briefing.overview ?? '', Math.min(DESCRIPTION_MAX, (share ?? EMBED_TOTAL_MAX) - text.overview.length));
  const overviewEmbeds: APIEmbed[] = overview ? [{ title: text.overview, description: overview, ...color }] : [];
  const storyEmbeds = filedItems(briefing).map(({ item, section }) => storyEmbed(item, { ...(section ? { section } : {}), ...color, text, ...(share ? { maxLength: share } : {}), ...(options.images ? { image: true } : {}) }));
  const messages = packEmbeds([...overviewEmbeds, ...storyEmbeds], briefingHeading(briefing, text, options.heading));
  return options.storyButton ? withStoryButtons(messages, filedItems(briefing).map(({ item }) => item), overviewEmbeds.length, options.storyButton) : messages;
}

/** Each message gets the buttons of the stories it holds, in their order: its embeds after the overview are theirs. */
function withStoryButtons(messages: MessagePayload[], items: BriefingItem[], overviews: number, storyButton: (item: BriefingItem) => APIButtonComponent | undefined): MessagePayload[] {
  let next = 0;
  return messages.map((message, index) => {
    const held = (message.embeds?.length ?? 0) - (index === 0 ? overviews : 0);
    const rows = buttonRows(items.slice(next, next + held).map(storyButton));
    next += held;
    return rows.length ? { ...message, components: rows } : message;
  });
}

/** The line above a briefing: the custom heading, "Briefing: <topic>", or "Top stories" with when it was made. */
export function briefingHeading(briefing: Briefing, text: ReplyText, custom?: string): string {
  if (custom !== undefined) return bold(custom);
  if (briefing.topic !== undefined) return bold(text.briefingOn(briefing.topic));
  const when = discordTimestamp(briefing.generatedAt, 'f');
  return when ? `${bold(text.topStories)} · ${when}` : bold(text.topStories);
}

function bold(text: string): string {
  const escaped = fitUntrusted(oneLine(text), TITLE_MAX);
  return escaped && `**${escaped}**`;
}

/**
 * Items in the order their groups file them, each under its group's topic, then any item no group names, so
 * that every story appears once whatever the groups say.
 */
export function filedItems(briefing: Briefing): Array<{ item: BriefingItem; section?: string }> {
  const byId = new Map(briefing.items.map((item) => [item.storyId, item]));
  const placed = new Set<BriefingItem>();
  const filed: Array<{ item: BriefingItem; section?: string }> = [];
  for (const group of briefing.groups ?? []) {
    for (const id of group.storyIds) {
      const item = byId.get(id);
      if (item && !placed.has(item)) {
        placed.add(item);
        filed.push({ item, section: group.topic });
      }
    }
  }
  return [...filed, ...briefing.items.filter((item) => !placed.has(item)).map((item) => ({ item }))];
}
