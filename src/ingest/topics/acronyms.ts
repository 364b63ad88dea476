import escapeStringRegexp from 'escape-string-regexp';

/** Where a name is written in the text. */
export interface Span {
  start: number;
  end: number;
}

/** An organisation the text names in full and by its initials. */
export interface Expansion {
  acronym: string;
  /** The full name as the text writes it ("Medicines and Healthcare products Regulatory Agency"). */
  name: string;
  /** Every place the text writes the full name. */
  spans: Span[];
}

/**
 * Two-letter initials stand for too many things ("US", "UN", but also any person's initials) to be matched
 * to the words around them; three letters or more spelled out by a run of capitalised words are the name.
 */
const ACRONYM = /(?<![\p{L}\p{N}])\p{Lu}{3,6}(?![\p{L}\p{N}])/gu;
const WORD = /\p{L}[\p{L}\p{M}\p{N}'’‐‑-]*/gu;

/** At most this many lower-case words in a row inside the name: "of", "and", "for the", "products". */
const MAX_LOWER_RUN = 2;

/**
 * The organisations a text writes both in full and by initials ("World Health Organization" … "WHO",
 * "Gewerkschaft Deutscher Lokomotivführer (GDL)", "Medicines and Healthcare products Regulatory Agency" …
 * "MHRA"), in any language: the full name is a run of words on one line whose capitalised words begin,
 * in order, with the acronym's letters, with a few lower-case words between them.
 */
export function acronymExpansions(text: string): Expansion[] {
  const acronyms = new Set([...text.matchAll(ACRONYM)].map((match) => match[0]));
  if (acronyms.size === 0) return [];
  const words = [...text.matchAll(WORD)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  const expansions: Expansion[] = [];
  for (const acronym of acronyms) {
    const name = spelledOut(acronym, words, text);
    if (!name) continue;
    const spans = [...text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeStringRegexp(name)}(?![\\p{L}\\p{N}])`, 'gu'))].map((match) => ({ start: match.index, end: match.index + name.length }));
    expansions.push({ acronym, name, spans });
  }
  return expansions;
}

function spelledOut(acronym: string, words: Array<{ text: string; start: number; end: number }>, text: string): string | undefined {
  for (let first = 0; first < words.length; first += 1) {
    if (words[first]!.text[0] !== acronym[0] || words[first]!.text === acronym) continue;
    let letter = 1;
    let lowerRun = 0;
    for (let at = first + 1; at < words.length && letter < acronym.length; at += 1) {
      if (!/^[ \t\u00a0]+$/.test(text.slice(words[at - 1]!.end, words[at]!.start))) break;
      const word = words[at]!.text;
      if (/^\p{Lu}/u.test(word) && word[0] === acronym[letter]) {
        letter += 1;
        lowerRun = 0;
        if (letter === acronym.length) return text.slice(words[first]!.start, words[at]!.end);
      } else if (/^\p{Ll}/u.test(word) && lowerRun < MAX_LOWER_RUN) {
        lowerRun += 1;
      } else {
        break;
      }
    }
  }
  return undefined;
}
