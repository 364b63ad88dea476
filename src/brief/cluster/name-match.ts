import { rememberEach } from './remember-each.ts';

/**
 * Connecting words left out of an acronym: "Bank of England" is BoE, "Banco de España" BdE, "International
 * Monetary Fund" IMF.
 */
const CONNECTING_WORDS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'le', 'les', 'des', 'du', 'der', 'die', 'das', 'und', 'y', 'et', 'e', 'di', 'da', 'do', 'dos']);

/** A name as reports of one event write it in full, by surname or by acronym. */
export interface EventName {
  /** The topic key, lower case without accents: "pedro sanchez", "european union". */
  key: string;
  words: string[];
  /**
   * Its acronyms, for names of two words or more: the first letters of its words bar connecting ones ("IMF"), and of
   * all its words ("BoE"), since style books differ.
   */
  initials: string[];
}

/**
 * One EventName for each key, shared by every article that gives the name: every article's features are kept (see
 * article-features.ts), and a name is in thousands of them. An EventName is never changed, so sharing one changes
 * nothing.
 */
export const eventName = rememberEach((key): EventName => {
  const words = key.split(' ');
  const initials = words.length >= 2 ? [...new Set([acronym(words.filter((word) => !CONNECTING_WORDS.has(word))), acronym(words)])] : [];
  return { key, words, initials };
}, 200_000);

function acronym(words: string[]): string {
  return words.map((word) => word[0]).join('');
}

/**
 * One name as two sites write it: the same key; the full name and its last words ("Sánchez" for "Pedro Sánchez",
 * "Ned Segal" for "chief financial officer Ned Segal"); or the acronym and its expansion ("EU", "European Union";
 * "IMF", "International Monetary Fund"). Sites write a person in full once and by surname after, and spell an
 * organisation out or not as their style book says, so exact keys miss most of what two reports share.
 */
export function sameName(a: EventName, b: EventName): boolean {
  if (a.key === b.key) return true;
  const [short, long] = a.words.length <= b.words.length ? [a, b] : [b, a];
  // Its last words, read off the key the words are joined in, which clustering asks of every pair of reports.
  const from = long.key.length - short.key.length;
  if (short.words.length < long.words.length && from > 0 && long.key[from - 1] === ' ' && long.key.endsWith(short.key)) return true;
  return short.words.length === 1 && short.key.length >= 2 && long.initials.includes(short.key);
}

/** Whether the other names any of the names of `a`, in any of its spellings. */
export function shareAName(a: EventName[], b: EventName[]): boolean {
  return a.some((name) => b.some((other) => sameName(name, other)));
}

/** How many of the names of `a` the other names too, in any of its spellings. */
export function sharedNames(a: EventName[], b: EventName[]): number {
  let shared = 0;
  for (const name of a) if (b.some((other) => sameName(name, other))) shared += 1;
  return shared;
}
