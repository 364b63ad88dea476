/** Scripts written without spaces between words, where a "word" by spaces would be a whole sentence. */
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * Words by spaces, plus about one word per two characters of unspaced scripts (Chinese, Japanese, Thai): by spaces
 * alone, a Japanese sentence of sixty characters would be two words.
 */
export function countWords(text: string): number {
  const unspaced = text.match(UNSPACED_SCRIPT)?.length ?? 0;
  return text.split(/\s+/).filter(Boolean).length + Math.floor(unspaced / 2);
}
