import { eld } from 'eld/extrasmall';

/**
 * Text shorter than this says too little to name its language: a headline of three words can be English or
 * Dutch. Measured on the labelled events, a whole report is always enough and a headline alone nearly always.
 */
const MIN_LETTERS = 20;

/** The text read for it: the language shows in the first paragraphs, and n-grams of more add only time. */
const MAX_CHARS = 2_000;

/**
 * The language an article is written in, as an ISO 639-1 code, when eld is sure of it. eld's smallest
 * database is taken: it names all six languages Herald summarises correctly on every labelled report (see
 * the benchmarks) at a fifth of the largest one's memory, and is loaded only where articles are built.
 */
export function detectLanguage(text: string): string | undefined {
  const sample = text.slice(0, MAX_CHARS);
  if ((sample.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS) return undefined;
  const result = eld.detect(sample);
  return result.language && result.isReliable() ? result.language : undefined;
}

/**
 * The language to keep for an article: what its text is written in, but in the publisher's own tag when the
 * two agree ("pt-BR" says more than "pt"), and the publisher's tag alone when the text cannot tell. A feed
 * that declares one language for every item is often wrong about some of them.
 */
export function articleLanguage(declared: string | undefined, text: string): string | undefined {
  const detected = detectLanguage(text);
  if (!detected) return declared;
  return declared && declared.toLowerCase().split(/[-_]/)[0] === detected ? declared : detected;
}
