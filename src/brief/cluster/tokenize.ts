/**
 * Function words carry no news: two articles share them whatever they report. Corpus IDF would discount
 * them on its own, but not in a small batch of a dozen articles, where every word is rare.
 */
const STOP_WORDS = new Set(
  (
    'a about after again against all also am an and any are as at be because been before being between both but by can could did do does ' +
    'doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just ' +
    'me more most my no nor not now of off on once only or other our ours out over own said same says she should so some such than that the ' +
    'their theirs them then there these they this those through to too under until up us very was we were what when where which while who ' +
    'whom why will with would you your yours year years new one two told according mr mrs ms'
  ).split(' '),
);

/** The words as similarity sees them: function words and single letters (the "s" of "Chile's") left out. */
export function contentWords(words: string[]): string[] {
  return words.filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Characters read per word wanted, at first: words in any script are rarely longer on average, spaces included. */
const CHARS_PER_WORD = 12;

/**
 * Every word in order, lower case and without accents: "Valparaíso" and "Valparaiso", "Tohá" and "Toha" are
 * one word, since wire services and local papers differ in accents more than in names. With a limit, the
 * first words only, folding no more of a long text than they need (longer and longer openings until one
 * holds a word more than the limit, so that the last word kept is whole).
 */
export function allWords(text: string, limit = Infinity): string[] {
  for (let length = limit * CHARS_PER_WORD; length < text.length; length *= 2) {
    const words = wordsOf(text.slice(0, length));
    if (words.length > limit) return words.slice(0, limit);
  }
  return wordsOf(text).slice(0, limit);
}

function wordsOf(text: string): string[] {
  const folded = foldAccents(text).toLowerCase();
  const words: string[] = [];
  let start = -1;
  for (let index = 0; index <= folded.length; index += 1) {
    const inWord = index < folded.length && isWordUnit(folded.charCodeAt(index));
    if (inWord && start < 0) start = index;
    else if (!inWord && start >= 0) {
      words.push(folded.slice(start, index));
      start = -1;
    }
  }
  return words;
}

export function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]+/g, '');
}

/**
 * Whether a UTF-16 unit belongs to a word: a letter, a digit or a combining mark (which Devanagari and Thai
 * words are partly made of). Unicode-property regexes are slow over whole texts, so each unit is classified
 * once and remembered; surrogate halves (emoji, rare ideographs) separate words.
 */
const UNIT_CLASS = new Uint8Array(0x10000);
const WORD = 1;
const SEPARATOR = 2;

function isWordUnit(code: number): boolean {
  let unitClass = UNIT_CLASS[code]!;
  if (unitClass === 0) {
    unitClass = /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
    UNIT_CLASS[code] = unitClass;
  }
  return unitClass === WORD;
}
