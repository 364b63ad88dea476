import type { SearchResult } from '../../brief/newsroom.ts';
import { ENGLISH } from '../i18n/reply-text.ts';
import { discordTimestamp } from './discord-time.ts';
import { TITLE_MAX } from './embed-limits.ts';
import { listEmbeds, type ListMessageOptions } from './list-embeds.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { packEmbeds } from './pack-embeds.ts';
import { fitUntrusted, oneLine, safeLink } from './safe-text.ts';

const SOURCE_MAX = 100;

/** Search results as a numbered list of linked headlines, each with its publisher and how long ago it appeared. */
export function searchMessages(query: string, results: SearchResult[], options: ListMessageOptions & { firstNumber?: number } = {}): MessagePayload[] {
  const text = options.text ?? ENGLISH;
  if (results.length === 0) return [contentMessage(text.nothingMatches(fitUntrusted(oneLine(query), TITLE_MAX)))];
  const first = options.firstNumber ?? 1;
  const lines = results.map((result, index) => {
    const credits = [fitUntrusted(oneLine(result.source), SOURCE_MAX), discordTimestamp(result.publishedAt, 'R')].filter(Boolean);
    return [`${first + index}. ${safeLink(result.title, result.url)}`, ...credits].join(' · ');
  });
  return packEmbeds(listEmbeds(options.heading ?? text.resultsFor(oneLine(query)), lines, options.color));
}

/**
 * One page of results as one message, which a button can replace in place. A page of a few results fits one
 * message; should very long addresses spread it over more, the page keeps what fits in the first.
 */
export function searchPage(query: string, results: SearchResult[], options: ListMessageOptions & { firstNumber?: number } = {}): MessagePayload {
  return searchMessages(query, results, options)[0]!;
}
