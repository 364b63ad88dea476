import type { APIButtonComponent } from 'discord.js';
import type { DigestLook } from '../../deliver/digest-look.ts';
import type { Briefing, BriefingItem } from '../../model/story.ts';
import type { ReplyText } from '../i18n/reply-text.ts';
import { briefingHeading, briefingMessages, filedItems } from './briefing-messages.ts';
import { DESCRIPTION_MAX } from './embed-limits.ts';
import { listEmbeds } from './list-embeds.ts';
import type { MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { fitUntrusted, oneLine, safeLink, safeUrl } from './safe-text.ts';
import { storyThumbnail } from './story-embed.ts';

export interface DigestMessageOptions {
  text: ReplyText;
  /** A button for each story, in the embeds format, which has an embed per story to put it under. */
  storyButton?: (item: BriefingItem) => APIButtonComponent | undefined;
}

/** Headlines in lists stay short enough that ten of them, with their summaries, share one description. */
const LIST_TITLE_MAX = 150;
/** A listed headline links to its article only when the address is at most this long; a longer one would crowd the list out. */
const LIST_URL_MAX = 512;
const SOURCES_MAX = 80;

/**
 * A scheduled digest in the look its schedule asks for: an embed per story (`embeds`), one message with a
 * numbered list of linked headlines, each with a one-line summary and its sources (`compact`), or linked
 * headlines alone (`headlines`); by topic or as one ranked list. Every message is one Discord accepts.
 */
export function digestMessages(briefing: Briefing, look: DigestLook, options: DigestMessageOptions): MessagePayload[] {
  const filed = look.groupBy === 'none' ? { ...briefing, groups: [] } : briefing;
  if (look.format === 'embeds' || filed.items.length === 0) {
    return briefingMessages(filed, { text: options.text, ...(options.storyButton ? { storyButton: options.storyButton } : {}), ...(look.images ? { images: true } : {}) });
  }
  const sections = sectionsOf(filed);
  const lines = look.format === 'compact' ? compactLines(sections) : headlineLines(sections);
  const embeds = listEmbeds('', lines);
  const picture = look.images ? filed.items.map(storyThumbnail).find(Boolean) : undefined;
  if (picture) embeds[0] = { ...embeds[0], thumbnail: picture };
  return packEmbeds(embeds, briefingHeading(filed, options.text));
}

interface Section {
  topic?: string;
  items: BriefingItem[];
}

/** The stories in filing order, a section for each run of stories under one topic. */
function sectionsOf(briefing: Briefing): Section[] {
  const sections: Section[] = [];
  for (const { item, section } of filedItems(briefing)) {
    const last = sections.at(-1);
    if (last && last.topic === section) last.items.push(item);
    else sections.push({ ...(section ? { topic: section } : {}), items: [item] });
  }
  return sections;
}

function sectionHeading(topic: string): string {
  return `__**${fitUntrusted(oneLine(topic), 100)}**__`;
}

/**
 * A numbered entry per story: its linked headline, then a line with its summary's first words and its
 * sources. Each entry has an equal share of one description, so ten stories with the longest headlines still
 * make one message; the summary gives way first, then the link.
 */
function compactLines(sections: Section[]): string[] {
  const headings = sections.filter((section) => section.topic).map((section) => sectionHeading(section.topic!));
  const count = sections.reduce((sum, section) => sum + section.items.length, 0);
  const share = Math.floor((DESCRIPTION_MAX - headings.reduce((sum, heading) => sum + heading.length + 1, 0)) / count) - 1;
  const lines: string[] = [];
  let number = 0;
  for (const section of sections) {
    if (section.topic) lines.push(sectionHeading(section.topic));
    for (const item of section.items) lines.push(compactEntry((number += 1), item, share));
  }
  return lines;
}

function compactEntry(number: number, item: BriefingItem, share: number): string {
  const label = `**${number}.** `;
  const linked = listedHeadline(item);
  const title = label.length + linked.length <= share / 2 ? linked : fitUntrusted(oneLine(item.title), Math.max(0, Math.floor(share / 2) - label.length));
  const sources = fitUntrusted(oneLine(item.sources.map((source) => source.name).join(' · ')), SOURCES_MAX);
  const tail = sources ? ` — ${sources}` : '';
  const room = share - label.length - title.length - 1 - tail.length;
  const summary = room > 0 ? fitUntrusted(oneLine(item.summary), room) : '';
  const second = `${summary}${summary ? tail : tail.replace(/^ — /, '')}`;
  return second ? `${label}${title}\n${second}` : `${label}${title}`;
}

function headlineLines(sections: Section[]): string[] {
  return sections.flatMap((section) => [...(section.topic ? [sectionHeading(section.topic)] : []), ...section.items.map((item) => `• ${listedHeadline(item)}`)]);
}

/** The headline linked to its article, unless the address is too long to list. */
function listedHeadline(item: BriefingItem): string {
  const url = safeUrl(item.url);
  return safeLink(item.title, url && url.length <= LIST_URL_MAX ? url : undefined, LIST_TITLE_MAX);
}
