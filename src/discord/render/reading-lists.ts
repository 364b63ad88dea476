import type { AlsoReadLink } from '../../model/article.ts';
import { ENGLISH, type ReplyText } from '../i18n/reply-text.ts';
import { joinWithin } from './join-within.ts';
import { fitUntrusted, safeLink } from './safe-text.ts';

/**
 * How much of a description one list may take: a story syndicated to hundreds of sites keeps its summary,
 * and the list says how many sites it left out.
 */
const LIST_MAX = 1024;
const NAME_MAX = 100;

/** "Also reported by" with each other site's name linked to its copy; empty when no other site carried it. */
export function alsoReportedBy(sources: Array<{ name: string; url: string }>, text: ReplyText = ENGLISH, max = LIST_MAX): string {
  const heading = `**${text.alsoReportedBy}** `;
  const links = joinWithin(
    sources.map((source) => safeLink(source.name, source.url, NAME_MAX)),
    ' · ',
    Math.min(max, LIST_MAX) - heading.length,
    (count) => ` ${text.andMore(count)}`,
  );
  return links && heading + links;
}

/** "Also read" as a bulleted list of links, or of titles where no address is known. */
export function alsoRead(links: AlsoReadLink[], text: ReplyText = ENGLISH, max = LIST_MAX): string {
  const heading = `**${text.alsoRead}**\n`;
  const bullets = joinWithin(
    links.map((link) => `• ${safeLink(link.title, link.url)}`),
    '\n',
    Math.min(max, LIST_MAX) - heading.length,
    (count) => `\n• ${text.andMore(count)}`,
  );
  return bullets && heading + bullets;
}

/** A summary followed by its reading lists, within `max` characters: the summary gives way, cut at a sentence. */
export function summaryWithLists(summary: string, lists: string[], max: number): string {
  const after = lists.filter(Boolean).join('\n');
  const text = fitUntrusted(summary.trim(), after ? max - after.length - 2 : max);
  return [text, after].filter(Boolean).join('\n\n');
}
