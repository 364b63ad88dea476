import { CONTENT_MAX } from './embed-limits.ts';
import { contentMessage, type MessagePayload } from './message-payload.ts';
import { fitPlain, fitUntrusted, safeLink } from './safe-text.ts';

/** A new report an update links to. */
export interface UpdateSource {
  publisher: string;
  title: string;
  url: string;
}

/** Links shown under an update: the new reports that say what changed; a sixth adds little. */
const SOURCES_SHOWN = 5;
const WHAT_CHANGED_MAX = 600;
const SOURCE_TITLE_MAX = 200;
const PUBLISHER_MAX = 80;

/**
 * An update in a digest's thread: what changed in a sentence or two (site names, figures and names come from
 * articles, so they are escaped), then a link to each new report, within one message and pinging no one.
 */
export function storyUpdateMessage(whatChanged: string, sources: UpdateSource[]): MessagePayload {
  const lines = [`🔄 **Update:** ${fitUntrusted(whatChanged, WHAT_CHANGED_MAX)}`];
  for (const source of sources.slice(0, SOURCES_SHOWN)) {
    const line = `• ${safeLink(source.title, source.url, SOURCE_TITLE_MAX)} · ${fitUntrusted(source.publisher, PUBLISHER_MAX)}`;
    if ([...lines, line].join('\n').length > CONTENT_MAX) break;
    lines.push(line);
  }
  return contentMessage(lines.join('\n'));
}

/** A thread's name: Discord's 1–100 characters, from the story's headline. */
export function updateThreadName(headline: string): string {
  return fitPlain(`Updates: ${headline}`, 100);
}
