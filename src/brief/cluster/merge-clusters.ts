import { MeaningCentroid, type UnitVector } from '../embed/dense-vector.ts';
import type { SimilarPair } from './near-duplicate-pairs.ts';
import { Centroid, type TermVector } from './term-vectors.ts';

/**
 * Groups articles into clusters from the pairs found similar. Copies of one text join unconditionally;
 * reports of one event join only while the two groups, taken whole, stay similar (centroid cosine), so one
 * vague article that resembles two different stories cannot chain them into one. Pairs are taken strongest
 * first, so the order of the input never decides which cluster an article ends up in.
 *
 * Returns clusters as lists of item indices, each in ascending order.
 */
export function mergeClusters(
  vectors: TermVector[],
  duplicates: SimilarPair[],
  sameEvent: SimilarPair[],
  minGroupSimilarity: number,
  meaning?: { vectors: ReadonlyArray<UnitVector | undefined>; minGroupSimilarity: number },
): number[][] {
  const parent = Int32Array.from(vectors.keys());
  const centroids = new Map<number, Centroid>();
  // Groups whose every member has an embedding; with them, two groups also agree when their meanings do.
  const meanings = new Map<number, MeaningCentroid | undefined>();
  const meaningOf = (root: number): MeaningCentroid | undefined => {
    if (!meanings.has(root)) {
      const own = meaning?.vectors[root];
      meanings.set(root, own && new MeaningCentroid(own));
    }
    return meanings.get(root);
  };
  const groupsAgree = (a: number, b: number): boolean => {
    if (centroidOf(a).cosine(centroidOf(b)) >= minGroupSimilarity) return true;
    if (!meaning) return false;
    const [meaningA, meaningB] = [meaningOf(a), meaningOf(b)];
    return Boolean(meaningA && meaningB && meaningA.cosine(meaningB) >= meaning.minGroupSimilarity);
  };
  const find = (index: number): number => {
    let root = index;
    while (parent[root] !== root) root = parent[root]!;
    let at = index;
    while (parent[at] !== root) {
      const next = parent[at]!;
      parent[at] = root;
      at = next;
    }
    return root;
  };
  const centroidOf = (root: number): Centroid => centroids.get(root) ?? new Centroid(vectors[root]!);
  const union = (a: number, b: number): void => {
    const [keep, drop] = a < b ? [a, b] : [b, a];
    const merged = centroidOf(keep);
    merged.absorb(centroidOf(drop));
    centroids.set(keep, merged);
    centroids.delete(drop);
    // Without embeddings, the hot path at 100,000 articles, nothing of the meanings is kept.
    if (meaning) {
      const [meaningKeep, meaningDrop] = [meaningOf(keep), meaningOf(drop)];
      if (meaningKeep && meaningDrop) meaningKeep.absorb(meaningDrop);
      meanings.set(keep, meaningKeep && meaningDrop ? meaningKeep : undefined);
      meanings.delete(drop);
    }
    parent[drop] = keep;
  };

  for (const pair of strongestFirst(duplicates)) {
    const [a, b] = [find(pair.a), find(pair.b)];
    if (a !== b) union(a, b);
  }
  for (const pair of strongestFirst(sameEvent)) {
    const [a, b] = [find(pair.a), find(pair.b)];
    if (a !== b && groupsAgree(a, b)) union(a, b);
  }

  const clusters = new Map<number, number[]>();
  vectors.forEach((_, index) => {
    const root = find(index);
    const members = clusters.get(root);
    if (members) members.push(index);
    else clusters.set(root, [index]);
  });
  return [...clusters.values()];
}

function strongestFirst(pairs: SimilarPair[]): SimilarPair[] {
  return [...pairs].sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
