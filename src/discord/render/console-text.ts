import type { APIEmbed } from 'discord.js';
import { wrapText } from '../../cli/wrap-text.ts';
import type { MessagePayload } from './message-payload.ts';

/**
 * What the renderers and command replies write, read back: a backslash escape, a masked link (whose title
 * never holds a square bracket), bold, underline, inline code, a Discord timestamp, a channel mention. Escapes come
 * first in the alternation, so an escaped bracket is text.
 */
const MARKUP = /\\([^\p{L}\p{N}\s])|\[([^[\]]*)\]\((https?:\/\/[^\s()]+)\)|\*\*|__|`|<t:(-?\d+)(?::[a-zA-Z])?>|<#(\w+)>/gu;

/**
 * A message as Herald's console mode prints it: the content, then each embed as a block under its headline,
 * links as "title <url>", markdown turned back into plain text and wrapped to `width`.
 */
export function messageToText(payload: MessagePayload, width = 80): string {
  const blocks = [payload.content ? wrap(fromMarkdown(payload.content), width) : '', ...(payload.embeds ?? []).map((embed) => embedText(embed, width)), buttonsText(payload)];
  return blocks.filter(Boolean).join('\n\n');
}

/** Each row of buttons on a line of its own, a link button with its address. */
function buttonsText(payload: MessagePayload): string {
  return (payload.components ?? [])
    .map((row) => row.components.map((button) => ('label' in button && button.label ? `[${plain(button.label)}]${'url' in button ? ` <${button.url}>` : ''}` : '')).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('\n');
}

function embedText(embed: APIEmbed, width: number): string {
  const lines: string[] = [];
  if (embed.author?.name) lines.push(plain(embed.author.name));
  if (embed.title || embed.url) {
    const title = [embed.title && fromMarkdown(embed.title), embed.url && `<${embed.url}>`].filter(Boolean).join(' ');
    const wrapped = wrap(title, width);
    lines.push(wrapped, '-'.repeat(Math.min(width, Math.max(...wrapped.split('\n').map((line) => line.length)))));
  }
  if (embed.description) lines.push(wrap(fromMarkdown(embed.description), width));
  // Discord shows the picture beside the embed; a terminal can only say where it is.
  if (embed.thumbnail?.url) lines.push(`🖼 <${embed.thumbnail.url}>`);
  for (const field of embed.fields ?? []) lines.push(wrap(`${fromMarkdown(field.name)}: ${fromMarkdown(field.value)}`, width));
  const credits = [embed.footer?.text && plain(embed.footer.text), embed.timestamp && formatTime(Date.parse(embed.timestamp))].filter(Boolean);
  if (credits.length > 0) lines.push(wrap(credits.join(' · '), width));
  return lines.join('\n');
}

function fromMarkdown(text: string): string {
  return plain(
    text.replace(MARKUP, (whole: string, escaped: string | undefined, title: string | undefined, url: string | undefined, seconds: string | undefined, channel: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (channel !== undefined) return `#${channel}`;
      if (title !== undefined) return `${fromMarkdown(title)} <${url}>`;
      if (seconds !== undefined) return formatTime(Number(seconds) * 1000) || whole;
      return '';
    }),
  );
}

/** The zero-width spaces that break mentions for Discord are only clutter in a terminal. */
function plain(text: string): string {
  return text.replace(/\u200B/g, '');
}

function wrap(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => wrapText(line, width))
    .join('\n');
}

/** A time as the terminal shows it, in UTC because a console has no reader's time zone to use. */
function formatTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
