/** Scripts written without spaces between words, where a "word" by spaces would be a whole sentence. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words by spaces, plus about one word per two characters of unspaced scripts (Chinese, Japanese, Thai): by spaces
 * alone, a Japanese sentence of sixty characters would be two words.
 */
export function countWords(text: string): number {
  let unspaced = 0;
  for (UNSPACED_SCRIPT.lastIndex = 0; UNSPACED_SCRIPT.test(text); ) unspaced += 1;
  return spacedWords(text) + Math.floor(unspaced / 2);
}

/**
 * Runs of characters between spaces, counted without an array of them: a dump can be one line of millions of
 * words, and clustering counts the words of every article it picks a lead among.
 */
export function spacedWords(text: string): number {
  let words = 0;
  for (WORD.lastIndex = 0; WORD.test(text); ) words += 1;
  return words;
}

const WORD = /\S+/g;
