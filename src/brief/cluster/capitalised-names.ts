import { foldAccents } from './tokenize.ts';

/** Day and month names are capitalised in English and German but name no one. */
const CALENDAR_WORDS = calendarWords(['en', 'es', 'fr', 'de', 'it', 'pt']);

function calendarWords(languages: string[]): Set<string> {
  const words = new Set<string>();
  for (const language of languages) {
    for (let day = 0; day < 7; day += 1) words.add(fold(new Date(Date.UTC(2024, 0, 1 + day)).toLocaleString(language, { weekday: 'long', timeZone: 'UTC' })));
    for (let month = 0; month < 12; month += 1) words.add(fold(new Date(Date.UTC(2024, month, 1)).toLocaleString(language, { month: 'long', timeZone: 'UTC' })));
  }
  return words;
}

function fold(word: string): string {
  return foldAccents(word).toLowerCase().replace(/-/g, ' ');
}

/** A capitalised word, hyphenated parts included ("Notre-Dame", "Liu-Shiu-Cheong"). */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]+(?:-\p{Lu}[\p{Ll}\p{M}]+)*$/u;
/** Small words inside a name: "Bank of England", "Banco de España", "Trinità dei Monti". */
const INSIDE_A_NAME = new Set(['of', 'de', 'del', 'della', 'dei', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'y', 'e', 'von', 'van']);

/**
 * The names a text uses inside its sentences, as runs of capitalised words ("Amatrice", "Sergio Pirozzi", "Bank of
 * England"), for the languages and the names a topic tagger misses: a word capitalised after the first of its
 * sentence is a name in every language clustering reads (German, which capitalises every noun, aside). A run that
 * opens a sentence or a line is left out, since any word is capitalised there; so are function words of the
 * language and calendar words.
 */
export function capitalisedNames(text: string, stopWords: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const tokens = line.split(/\s+/).filter(Boolean);
    let run: string[] = [];
    let opensSentence = true;
    const close = (): void => {
      while (run.length && INSIDE_A_NAME.has(run.at(-1)!)) run.pop();
      const key = run.map(fold).join(' ');
      if (run.length && key.length >= 3 && !stopWords.has(key) && !CALENDAR_WORDS.has(key)) names.add(key);
      run = [];
    };
    for (const token of tokens) {
      const elided = token.replace(/^[dlDL]['’]/, '');
      const word = elided.replace(/^[(«"“‘'’¿¡]+/, '').replace(/[)»"”’'.,;:!?]+$/, '');
      const startsSentence = opensSentence;
      opensSentence = /[.!?:]["”»’)]*$/.test(token);
      if (CAPITALISED.test(word) && !startsSentence) {
        run.push(word);
        if (word.length !== elided.length && !/^[(«"“‘]/.test(elided)) close();
      } else if (run.length && INSIDE_A_NAME.has(word)) run.push(word);
      else close();
      if (opensSentence) close();
    }
    close();
  }
  return names;
}
