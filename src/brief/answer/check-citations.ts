import { splitSentences } from '../sentences/split-sentences.ts';

/** A sentence of a model's answer and the numbers of the articles it cites. */
export interface CitedSentence {
  text: string;
  citations: number[];
}

/** "[1]", "[1, 3]", "[2; 4]": the citations a model writes. */
const CITATION = /\s*\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]/g;
/** Citations written after a sentence's full stop belong to that sentence, not the next. */
const CITATIONS_AFTER_STOP = /([.!?…])((?:\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+)/g;

/**
 * The sentences of a model's answer that cite only articles it was given (numbered 1 to `given`), with the
 * citations taken out of the text. A sentence that cites nothing, or cites an article it was not given, is
 * dropped whole: it says something no retrieved article was shown to support.
 */
export function citedSentences(reply: string, given: number): CitedSentence[] {
  const sentences: CitedSentence[] = [];
  for (const sentence of splitSentences(reply.replace(CITATIONS_AFTER_STOP, '$2$1'))) {
    const citations = [...sentence.matchAll(CITATION)].flatMap((match) => match[1]!.split(/[,;]/).map((number) => Number(number.trim())));
    const text = sentence.replace(CITATION, '').replace(/\s+([.!?…,;:])/g, '$1').trim();
    if (citations.length === 0 || citations.some((number) => number < 1 || number > given) || !/\p{L}/u.test(text)) continue;
    sentences.push({ text, citations: [...new Set(citations)] });
  }
  return sentences;
}
