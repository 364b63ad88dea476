import type { APIEmbed } from 'discord.js';
import { baseLanguage } from '../../model/language.ts';
import type { BriefingItem } from '../../model/story.ts';
import { ENGLISH, type ReplyText } from '../i18n/reply-text.ts';
import { embedTimestamp } from './discord-time.ts';
import { AUTHOR_NAME_MAX, DESCRIPTION_MAX, EMBED_TOTAL_MAX, FOOTER_MAX, TITLE_MAX } from './embed-limits.ts';
import { alsoRead, alsoReportedBy, summaryWithLists } from './reading-lists.ts';
import { fitPlain, fitUntrusted, oneLine, safeUrl } from './safe-text.ts';

export interface StoryEmbedOptions {
  /** The digest section the story is filed under, shown above its headline. */
  section?: string;
  color?: number;
  /** Herald's own labels (the story's language, the reading lists), in the reader's language; English unless given. */
  text?: ReplyText;
  /** At most this many characters in all (6000 otherwise), so that several stories share one message; the summary and lists give way. */
  maxLength?: number;
  /** Shows the story's picture as the thumbnail, when it has one at an http(s) address. */
  image?: boolean;
}

/** Below this, the original headline beside a translated one would be cut to a word or two: it is left to the footer's label. */
const ORIGINAL_MIN_CHARS = 24;

/**
 * One story as an embed: the headline linking to the lead article, the summary and reading lists, the
 * publisher, the story's language when it is not the briefing's, and topics below. Within 6000 characters on
 * its own, whatever the story holds, so that any story fits in a message.
 */
export function storyEmbed(item: BriefingItem, options: StoryEmbedOptions = {}): APIEmbed {
  const text = options.text ?? ENGLISH;
  const title = headline(item, text);
  const url = safeUrl(item.url);
  const section = options.section ? fitPlain(options.section, AUTHOR_NAME_MAX) : '';
  const total = options.maxLength ?? EMBED_TOTAL_MAX;
  const footer = fitPlain([item.sources[0]?.name ?? '', languageLabel(item, text), item.topics.join(', ')].filter(Boolean).join(' · '), Math.min(FOOTER_MAX, Math.floor(total / 5)));
  const room = Math.max(0, Math.min(DESCRIPTION_MAX, total - title.length - section.length - footer.length));
  // Each list takes at most a third of a shared embed, so that the summary keeps the rest.
  const listMax = options.maxLength === undefined ? undefined : Math.floor(room / 3);
  const description = summaryWithLists(item.summary, [alsoReportedBy(item.sources.slice(1), text, listMax), alsoRead(item.alsoRead, text, listMax)], room);
  const timestamp = embedTimestamp(item.publishedAt);
  const thumbnail = options.image ? storyThumbnail(item) : undefined;
  return {
    ...(section ? { author: { name: section } } : {}),
    title,
    ...(url ? { url } : {}),
    ...(description ? { description } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    ...(timestamp ? { timestamp } : {}),
    ...(thumbnail ? { thumbnail } : {}),
    ...(options.color === undefined ? {} : { color: options.color }),
  };
}

/** The headline; a translated one with the original beside it, as much of it as the title has room for. */
function headline(item: BriefingItem, text: ReplyText): string {
  const title = fitUntrusted(oneLine(item.title), TITLE_MAX) || text.untitledStory;
  if (!item.originalTitle) return title;
  const tag = baseLanguage(item.language);
  const suffix = tag ? `», ${tag})` : '»)';
  const prefix = ` (${text.original}: «`;
  const room = TITLE_MAX - title.length - prefix.length - suffix.length;
  const original = room >= ORIGINAL_MIN_CHARS ? fitUntrusted(oneLine(item.originalTitle), room) : '';
  return original ? `${title}${prefix}${original}${suffix}` : title;
}

/** "in French" for a story left in its language, "translated from French" for one a model translated. */
function languageLabel(item: BriefingItem, text: ReplyText): string {
  if (!item.language) return '';
  return item.originalTitle ? text.translatedFrom(item.language) : text.writtenIn(item.language);
}

/** The story's picture for an embed's thumbnail: Discord fetches it, so only an http(s) address is given. */
export function storyThumbnail(item: Pick<BriefingItem, 'imageUrl'>): { url: string } | undefined {
  const url = safeUrl(item.imageUrl);
  return url ? { url } : undefined;
}
