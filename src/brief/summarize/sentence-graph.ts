/** A sparse term-weight vector: a sentence as the words it uses, weighted by how rare they are. */
export type TermVector = Map<string, number>;

/** Term frequency times inverse sentence frequency, over the sentences given: LexRank's weighting. */
export function tfIdfVectors(sentences: string[][]): TermVector[] {
  const frequency = new Map<string, number>();
  for (const terms of sentences) for (const term of new Set(terms)) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  return sentences.map((terms) => {
    const vector: TermVector = new Map();
    for (const term of terms) vector.set(term, (vector.get(term) ?? 0) + 1);
    for (const [term, count] of vector) vector.set(term, count * Math.log(1 + sentences.length / frequency.get(term)!));
    return vector;
  });
}

export function cosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  for (const [term, weight] of a) dot += weight * (b.get(term) ?? 0);
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

function norm(vector: TermVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

const DAMPING = 0.85;
const ITERATIONS = 50;
const CONVERGED = 1e-9;

/**
 * Continuous LexRank (Erkan and Radev, 2004): PageRank over the sentence graph with cosine similarity as edge
 * weight, so a sentence is central when it shares rare words with many other central sentences. Scaled so the
 * most central sentence scores 1. A fixed number of iterations from a uniform start keeps it deterministic.
 */
export function lexRank(vectors: TermVector[]): number[] {
  const count = vectors.length;
  if (count === 0) return [];
  const weights = vectors.map((_, row) => vectors.map((__, column) => (row === column ? 0 : cosine(vectors[row]!, vectors[column]!))));
  const outgoing = weights.map((row) => row.reduce((sum, weight) => sum + weight, 0));
  let rank = new Array<number>(count).fill(1 / count);
  for (let iteration = 0; iteration < ITERATIONS; iteration += 1) {
    const next = new Array<number>(count).fill((1 - DAMPING) / count);
    for (let from = 0; from < count; from += 1) {
      const share = outgoing[from]! > 0 ? (DAMPING * rank[from]!) / outgoing[from]! : 0;
      // A sentence that shares nothing with any other hands its rank to all sentences evenly.
      if (share === 0) for (let to = 0; to < count; to += 1) next[to]! += (DAMPING * rank[from]!) / count;
      else for (let to = 0; to < count; to += 1) next[to]! += share * weights[from]![to]!;
    }
    const change = next.reduce((sum, value, index) => sum + Math.abs(value - rank[index]!), 0);
    rank = next;
    if (change < CONVERGED) break;
  }
  const top = Math.max(...rank);
  return rank.map((value) => value / top);
}
