/** Function words in the languages Herald reads: they link sentences without saying what either is about. */
const STOP_WORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for from with without into onto over under about after before since until than then as ' +
    'is are was were be been being am has have had having do does did done will would shall should can could may might must ' +
    'i me my we us our you your he him his she her it its they them their this that these those there here who whom whose which what when where why how ' +
    'not no all any both each every some such more most other another own same only also just very too much many few said says say told according ' +
    'if because while though although whether up down out off again further once s t mr mrs ms dr ' +
    'le la les un une des du de et en dans pour sur par avec est sont au aux ce cette qui que ne pas il elle ils ' +
    'el los las una unos por con para es son del al lo se su sus como ' +
    'der die das ein eine und ist sind mit von zu den dem im auf für nicht sich'
  ).split(' '),
);

/**
 * A crude English stemmer, enough that "talks" meets "talk" and "travelling" meets "travel" when sentences
 * are compared; it only has to be consistent, never to produce a real word.
 */
function stem(word: string): string {
  if (word.length <= 4) return word;
  return word
    .replace(/(?:ies)$/, 'y')
    .replace(/(?:ing|ings|ed|es|s)$/, '')
    .replace(/(.)\1$/, '$1');
}

/** Chinese and Japanese script: written without spaces, so a run of it is a clause, not a word. */
const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/**
 * The content words of a text, lower-cased and stemmed, in order, repeats kept. A run of Chinese or Japanese
 * script becomes its overlapping character pairs, the usual stand-in for words where no spaces divide them;
 * taken whole, two sentences would share a term only when they repeat a clause, and neither centrality nor
 * the title could tell one sentence from another.
 */
export function contentTerms(text: string): string[] {
  const spaced = text.normalize('NFKC').toLowerCase().replace(/['’]s\b/g, '').replace(UNSPACED_RUN, (run) => ` ${characterPairs(run).join(' ')} `);
  const words = spaced.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((word) => !STOP_WORDS.has(word) && !/^\d{1,2}$/.test(word)).map(stem);
}

function characterPairs(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  return characters.slice(0, -1).map((character, index) => character + characters[index + 1]);
}
