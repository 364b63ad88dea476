import type { APIEmbed } from 'discord.js';
import type { BriefingItem } from '../../model/story.ts';
import { embedTimestamp } from './discord-time.ts';
import { AUTHOR_NAME_MAX, DESCRIPTION_MAX, EMBED_TOTAL_MAX, FOOTER_MAX, TITLE_MAX } from './embed-limits.ts';
import { alsoRead, alsoReportedBy, summaryWithLists } from './reading-lists.ts';
import { fitPlain, fitUntrusted, oneLine, safeUrl } from './safe-text.ts';

export interface StoryEmbedOptions {
  /** The digest section the story is filed under, shown above its headline. */
  section?: string;
  color?: number;
}

/**
 * One story as an embed: the headline linking to the lead article, the summary and reading lists, the
 * publisher and topics below. Within 6000 characters on its own, whatever the story holds, so that any story
 * fits in a message.
 */
export function storyEmbed(item: BriefingItem, options: StoryEmbedOptions = {}): APIEmbed {
  const title = fitUntrusted(oneLine(item.title), TITLE_MAX) || 'Untitled story';
  const url = safeUrl(item.url);
  const section = options.section ? fitPlain(options.section, AUTHOR_NAME_MAX) : '';
  const footer = fitPlain([item.sources[0]?.name ?? '', item.topics.join(', ')].filter(Boolean).join(' · '), FOOTER_MAX);
  const room = Math.min(DESCRIPTION_MAX, EMBED_TOTAL_MAX - title.length - section.length - footer.length);
  const description = summaryWithLists(item.summary, [alsoReportedBy(item.sources.slice(1)), alsoRead(item.alsoRead)], room);
  const timestamp = embedTimestamp(item.publishedAt);
  return {
    ...(section ? { author: { name: section } } : {}),
    title,
    ...(url ? { url } : {}),
    ...(description ? { description } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    ...(timestamp ? { timestamp } : {}),
    ...(options.color === undefined ? {} : { color: options.color }),
  };
}
