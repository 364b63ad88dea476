/**
 * Whether a sentence reads as whole on its own: every quotation it opens it closes, and it is not a piece of a
 * longer text. A multi-sentence quotation split at its full stops gives `“We will win.` and `We have the
 * votes,” he said.`, and a paragraph of a quotation that runs on into the next opens a quote it never closes;
 * a quotation that ends in a question mark leaves its speech tag behind (`Daniels said, refusing to answer.`);
 * a teaser cut short ends in an ellipsis; a sentence split in the wrong place starts in the middle, in lower
 * case. Each reads as broken in a summary.
 */
export function isWholeSentence(sentence: string): boolean {
  return quotesBalance(sentence) && !CUT_SHORT.test(sentence) && !STARTS_MIDWAY.test(sentence) && !SPEECH_TAG.test(sentence);
}

/** "Daniels said, …", "Mr Smith added." : who spoke, with what they said left in the sentence before. */
const SPEECH_TAG = /^(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}(?:said|says|asked|added|replied|told reporters|wrote)[,.]/u;

/** Ends in an ellipsis, with or without a closing mark after it: the rest of the text was cut. */
const CUT_SHORT = /(?:…|\.\s?\.\s?\.)["”’»)\]]*$/;

/** Opens in lower case ("iPhone" and "eBay", a lower-case word with a capital inside, are names) or with a closing quote. */
const STARTS_MIDWAY = /^(?:["“‘'(«]?\p{Ll}(?!\p{Ll}*\p{Lu})|[”»])/u;

function quotesBalance(sentence: string): boolean {
  const count = (marks: RegExp): number => sentence.match(marks)?.length ?? 0;
  if (count(/"/g) % 2 === 1) return false;
  // German quotes open with „ and close with “; elsewhere “ opens and ” closes.
  if (sentence.includes('„')) return count(/„/g) === count(/[“”]/g);
  return count(/[“«]/g) === count(/[”»]/g);
}
