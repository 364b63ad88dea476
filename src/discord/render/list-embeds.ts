import type { APIEmbed } from 'discord.js';
import type { ReplyText } from '../i18n/reply-text.ts';
import { DESCRIPTION_MAX, TITLE_MAX } from './embed-limits.ts';
import { fitUntrusted, oneLine } from './safe-text.ts';

export interface ListMessageOptions {
  /** Replaces the list's own title, such as "Trending now". */
  heading?: string;
  color?: number;
  /** Herald's own words, in the reader's language; English unless given. */
  text?: ReplyText;
}

/**
 * A list (trending topics, search results) as embeds: the title on the first, the lines in order, a new embed
 * whenever the next line would take a description past its limit. Lines are markdown already made safe, each
 * well within a description.
 */
export function listEmbeds(title: string, lines: string[], color?: number): APIEmbed[] {
  const descriptions: string[] = [];
  let description = '';
  for (const line of lines) {
    if (description && description.length + 1 + line.length > DESCRIPTION_MAX) {
      descriptions.push(description);
      description = '';
    }
    description = description ? `${description}\n${line}` : line;
  }
  if (description) descriptions.push(description);
  const heading = fitUntrusted(oneLine(title), TITLE_MAX);
  return descriptions.map((text, index) => ({
    ...(index === 0 && heading ? { title: heading } : {}),
    description: text,
    ...(color === undefined ? {} : { color }),
  }));
}
