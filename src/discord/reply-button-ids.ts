import { createHash } from 'node:crypto';
import { buttonId, BUTTON_ID_MAX } from './button-id.ts';

/**
 * The custom ids of the buttons on Herald's replies, made and read here only. Each carries all its press
 * needs (an article id, a page and its query, an address) and nothing is kept in memory, so a button works
 * after a restart, in any process, and long after its interaction's 15-minute token has run out.
 */

/** "More like this" on a story or a search result: answered by /news, which tells related stories. */
export const moreLikeId = (articleId: string): string | undefined => buttonId('news', 'more', articleId);

/** "Summarize" on a search result: answered by /summarize, for the stored article. */
export const summarizeStoredId = (articleId: string): string | undefined => buttonId('summarize', 'stored', articleId);

/** "Post here" under a private summary of a stored article. */
export const shareStoredId = (articleId: string): string | undefined => buttonId('summarize', 'share', articleId);

/**
 * "Post here" under a private summary of a linked page: the address when it fits; else a short digest of it,
 * matched on press against the addresses of the embeds of the message the button is on, which Herald wrote
 * (a summary's title links to its article). Both need no store, and the address is fetched again, through
 * the network guard, on press.
 */
export function shareLinkId(url: string): string | undefined {
  return buttonId('summarize', 'link', url) ?? buttonId('summarize', 'link', `#${linkDigest(url)}`);
}

/** The address a "Post here" id names, given the links of the message it was on; undefined when none matches. */
export function sharedLink(data: string, messageLinks: string[]): string | undefined {
  if (!data.startsWith('#')) return data;
  return messageLinks.find((link) => linkDigest(link) === data.slice(1));
}

function linkDigest(url: string): string {
  return createHash('sha256').update(url).digest('base64url').slice(0, 16);
}

/** A page of /news on a topic: the stories after `offset`. */
export const newsPageId = (offset: number, topic: string): string | undefined => pagedId('news', offset, topic);

/** A page of /search results, from 0. */
export const searchPageId = (page: number, query: string): string | undefined => pagedId('search', page, query);

/**
 * `<command>:page:<number>:<words>`. Words too long to fit are cut at a word to fit: a store of long queries
 * shared by every process would be the only other way, for the rare query of more than 80-odd characters, and
 * the page shows the words it searched, so the reader sees what the shorter query found.
 */
function pagedId(command: 'news' | 'search', page: number, words: string): string | undefined {
  const prefix = `${command}:page:${page}:`;
  return buttonId(command, 'page', `${page}:${cutAtWord(words, BUTTON_ID_MAX - prefix.length)}`);
}

/** The page and the words of a paged button's data. */
export function readPage(data: string): { page: number; words: string } | undefined {
  const match = /^(\d{1,4}):(.+)$/s.exec(data);
  return match ? { page: Number(match[1]), words: match[2]!.trim() } : undefined;
}

function cutAtWord(text: string, max: number): string {
  const words = text.trim().replace(/\s+/g, ' ');
  if (words.length <= max) return words;
  const cut = words.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return (space > 0 ? cut.slice(0, space) : words.slice(0, max)).trim();
}
