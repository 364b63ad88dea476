import { hashString, mix32 } from './shingles.ts';

/**
 * Ten words in a row are a copied sentence, not a shared turn of phrase: two sites that word one event their own
 * way rarely agree on more than a name and a title ("the International Atomic Energy Agency said").
 */
const RUN_WORDS = 10;
/**
 * Every run of ten words of a text (its words as clustering reads them: the first 600 of a body), hashed and
 * sorted, about 2 kB an article. Every run, not a sample, since a copied sentence of twelve words holds only three.
 */
export function copiedRunHashes(words: string[]): Uint32Array {
  const opening = words.map(hashString);
  const kept = new Set<number>();
  for (let start = 0; start + RUN_WORDS <= opening.length; start += 1) {
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < RUN_WORDS; offset += 1) hash = mix32(Math.imul(hash ^ opening[start + offset]!, 0x01000193) >>> 0);
    kept.add(hash);
  }
  return Uint32Array.from(kept).sort();
}

/** Whether two reports print a sentence word for word: a quote, a wire paragraph, a line of background. */
export function shareACopiedRun(a: Uint32Array, b: Uint32Array): boolean {
  return copiedShare(a, b) > 0;
}

/**
 * The share of the shorter text's runs that the other prints too: near 1 for a text and a trimmed copy of it (a
 * site that runs a wire story's first paragraphs), a tenth or so for two texts that share one sentence.
 */
export function copiedShare(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i]! < b[j]!) i += 1;
    else j += 1;
  }
  return shared / (Math.min(a.length, b.length) || 1);
}
