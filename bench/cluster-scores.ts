/**
 * How far a clustering agrees with known groups. `clusters` are lists of item ids; `groupOf` gives each item's
 * true group. Items missing from `groupOf` are not scored.
 */
export interface ClusterScores {
  /** Of the pairs put together, the share that belong together. */
  pairPrecision: number;
  /** Of the pairs that belong together, the share put together. */
  pairRecall: number;
  /** B-cubed precision, recall and F1 (Bagga and Baldwin 1998): per item, averaged, so big clusters do not dominate. */
  bcubedPrecision: number;
  bcubedRecall: number;
  bcubedF1: number;
}

export function clusterScores(clusters: string[][], groupOf: ReadonlyMap<string, string>): ClusterScores {
  const scored = clusters.map((cluster) => cluster.filter((id) => groupOf.has(id))).filter((cluster) => cluster.length > 0);
  const groupSizes = new Map<string, number>();
  for (const cluster of scored) for (const id of cluster) groupSizes.set(groupOf.get(id)!, (groupSizes.get(groupOf.get(id)!) ?? 0) + 1);

  let together = 0;
  let right = 0;
  let precisionSum = 0;
  let recallSum = 0;
  let items = 0;
  for (const cluster of scored) {
    const inCluster = new Map<string, number>();
    for (const id of cluster) inCluster.set(groupOf.get(id)!, (inCluster.get(groupOf.get(id)!) ?? 0) + 1);
    together += (cluster.length * (cluster.length - 1)) / 2;
    for (const [group, count] of inCluster) {
      right += (count * (count - 1)) / 2;
      // Each of the `count` items of this group here: `count` of the cluster's items are its own, of its group's whole.
      precisionSum += count * (count / cluster.length);
      recallSum += count * (count / groupSizes.get(group)!);
      items += count;
    }
  }
  const truePairs = [...groupSizes.values()].reduce((sum, size) => sum + (size * (size - 1)) / 2, 0);
  const bcubedPrecision = items ? precisionSum / items : 1;
  const bcubedRecall = items ? recallSum / items : 1;
  return {
    pairPrecision: together ? right / together : 1,
    pairRecall: truePairs ? right / truePairs : 1,
    bcubedPrecision,
    bcubedRecall,
    bcubedF1: bcubedPrecision + bcubedRecall ? (2 * bcubedPrecision * bcubedRecall) / (bcubedPrecision + bcubedRecall) : 0,
  };
}
