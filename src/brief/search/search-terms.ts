/**
 * How text becomes index terms, the same way for articles and for queries, so that a reader's spelling
 * finds the publisher's: accents folded ("Zürich" is "zurich"), possessives dropped ("Korea's" is
 * "korea"), hyphenated names split ("Jong-un" is "jong un") and plurals reduced ("floods" is "flood").
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED_LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Words too common to tell articles apart. Kept short on purpose: "us", "who" and "it" stay, because
 * readers ask about the US, the WHO and IT.
 */
const STOP_WORDS = new Set(
  'a an and are as at be been but by for from had has have he her his in into is its of on or our she than that the their them then there these they this to was were which will with would'.split(' '),
);

/**
 * A word is a run of anything but spaces and punctuation; the apostrophe stays, for possessives. Written
 * as one class of code points rather than with Unicode properties, which makes indexing several times
 * faster; a symbol that slips through (an emoji) is dropped by searchTerm.
 */
const WORD = /[^\s!-&(-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u2018\u201a-\u206f\u3000-\u303f]+/g;
const NON_ASCII = /[^\x00-\x7f]/;

export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The index term for one token, or null for a token that should not be indexed or searched. */
export function searchTerm(token: string): string | null {
  let term = token.toLowerCase();
  // Most words are plain ASCII, and Unicode normalisation is the most expensive step of indexing.
  if (NON_ASCII.test(term)) term = foldLetters(term);
  if (term.includes("'") || term.includes('’')) term = term.replace(/['’]s$/, '').replace(/['’]/g, '');
  if (term.length < 2 || STOP_WORDS.has(term)) return null;
  return /\d/.test(term) ? term : stemPlural(term);
}

/** The terms a query searches for, in order. */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(searchTerm)
    .filter((term): term is string => term !== null);
}

function foldLetters(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}'’]+/gu, '');
}

/**
 * Harman's "S" stemmer: only plural endings, so that a name is never cut down to another word's stem.
 * Both sides of the search are stemmed alike, so "Paris" becoming "pari" still finds Paris.
 */
function stemPlural(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !/[aeo]es$/.test(word)) return word.slice(0, -1);
  if (word.endsWith('s') && !/[us]s$/.test(word)) return word.slice(0, -1);
  return word;
}
