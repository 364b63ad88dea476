import { bandKeys, estimatedJaccard } from './minhash.ts';

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/** Over this estimated Jaccard of 5-word shingles, two bodies are one text: a wire story and its copies. */
export const DUPLICATE_JACCARD = 0.5;

/**
 * A thousand copies of one press release fall in one bucket; comparing each with the last few already
 * links them all, without a million comparisons.
 */
const BUCKET_LOOKBACK = 16;

/**
 * Pairs of near-identical bodies, found by MinHash LSH: only articles that agree on a whole band of their
 * signatures are compared, so the work grows with the number of articles, not with its square.
 */
export function nearDuplicatePairs(items: Array<{ signature: Uint32Array | undefined; time: number }>, maxGapMs: number): SimilarPair[] {
  const buckets = new Map<string, number[]>();
  const seen = new Set<string>();
  const pairs: SimilarPair[] = [];
  items.forEach((item, index) => {
    if (!item.signature) return;
    for (const key of bandKeys(item.signature)) {
      const bucket = buckets.get(key);
      if (!bucket) {
        buckets.set(key, [index]);
        continue;
      }
      for (const other of bucket.slice(-BUCKET_LOOKBACK)) {
        const otherItem = items[other]!;
        const pairKey = `${other},${index}`;
        if (seen.has(pairKey) || Math.abs(otherItem.time - item.time) > maxGapMs) continue;
        seen.add(pairKey);
        const similarity = estimatedJaccard(otherItem.signature!, item.signature);
        if (similarity >= DUPLICATE_JACCARD) pairs.push({ a: other, b: index, similarity });
      }
      bucket.push(index);
    }
  });
  return pairs;
}
