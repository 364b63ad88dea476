/** Scripts written without spaces between words, where a "word" by spaces would be a whole sentence. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words by spaces, plus about one word per two characters of unspaced scripts (Chinese, Japanese, Thai): by spaces
 * alone, a Japanese sentence of sixty characters would be two words.
 */
export function countWords(text: string): number {
  let unspaced = 0;
  for (UNSPACED_SCRIPT.lastIndex = 0; UNSPACED_SCRIPT.test(text); ) unspaced += 1;
  let words = 0;
  // Counted without an array of the words: a dump can be one line of millions of them.
  for (WORD.lastIndex = 0; WORD.test(text); ) words += 1;
  return words + Math.floor(unspaced / 2);
}

const WORD = /\S+/g;
