/** A sparse, unit-length TF-IDF vector: term ids in ascending order, with their weights. */
export interface TermVector {
  terms: Int32Array;
  weights: Float32Array;
}

/**
 * A batch of a dozen articles is a sample, not a language: a word in four of them is not common, it is what
 * they are about. Below this size IDF is computed as if the batch were part of a stream this large, in which
 * the batch's words occur nowhere else; stop words (left out beforehand) are what is known to be common.
 */
const MIN_CORPUS = 1000;

/**
 * TF-IDF vectors for a batch of documents, each given as its list of terms (repeats count). Term frequency
 * is damped (1 + ln tf) so that a word said ten times does not outweigh ten words said once, and IDF is
 * smoothed (ln(1 + N/df)) so that a term in every document still weighs a little rather than nothing.
 */
export function termVectors(documents: string[][]): TermVector[] {
  const ids = new Map<string, number>();
  const counted = documents.map((terms) => {
    const sorted = new Int32Array(terms.length);
    for (let index = 0; index < terms.length; index += 1) {
      const term = terms[index]!;
      let id = ids.get(term);
      if (id === undefined) {
        id = ids.size;
        ids.set(term, id);
      }
      sorted[index] = id;
    }
    return runLengths(sorted.sort());
  });
  const documentFrequency = new Int32Array(ids.size);
  for (const { terms } of counted) for (const id of terms) documentFrequency[id]! += 1;
  const total = Math.max(documents.length, MIN_CORPUS);
  return counted.map(({ terms, weights }) => {
    let squares = 0;
    for (let index = 0; index < terms.length; index += 1) {
      const weight = (1 + Math.log(weights[index]!)) * Math.log(1 + total / documentFrequency[terms[index]!]!);
      weights[index] = weight;
      squares += weight * weight;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let index = 0; index < weights.length; index += 1) weights[index]! /= norm;
    return { terms, weights };
  });
}

/** Sorted ids with repeats, as distinct ids and how often each occurs (the counts stored as weights, to be weighted). */
function runLengths(sorted: Int32Array): TermVector {
  let distinct = 0;
  for (let index = 0; index < sorted.length; index += 1) if (index === 0 || sorted[index] !== sorted[index - 1]) distinct += 1;
  const terms = new Int32Array(distinct);
  const weights = new Float32Array(distinct);
  let at = -1;
  for (let index = 0; index < sorted.length; index += 1) {
    if (index === 0 || sorted[index] !== sorted[index - 1]) terms[++at] = sorted[index]!;
    weights[at]! += 1;
  }
  return { terms, weights };
}

/** The cosine of two unit vectors: a merge over their sorted term ids. */
export function cosine(a: TermVector, b: TermVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const left = a.terms[i]!;
    const right = b.terms[j]!;
    if (left === right) sum += a.weights[i++]! * b.weights[j++]!;
    else if (left < right) i += 1;
    else j += 1;
  }
  return sum;
}

/**
 * The `count` heaviest term ids, by descending weight (ties by ascending id): the terms that say most about the
 * document first. Picked by insertion into the few kept rather than by sorting every term, since clustering asks
 * this of every article it reads and wants a handful of its hundreds of terms.
 */
export function heaviestTerms(vector: TermVector, count: number): number[] {
  const { terms, weights } = vector;
  const heavier = (a: number, b: number): boolean => weights[a]! > weights[b]! || (weights[a] === weights[b] && terms[a]! < terms[b]!);
  const kept: number[] = [];
  for (let index = 0; index < terms.length && count > 0; index += 1) {
    if (kept.length === count && !heavier(index, kept[count - 1]!)) continue;
    let at = kept.length === count ? count - 1 : kept.length;
    while (at > 0 && heavier(index, kept[at - 1]!)) {
      kept[at] = kept[at - 1]!;
      at -= 1;
    }
    kept[at] = index;
  }
  return kept.map((index) => terms[index]!);
}

/** The sum of a group's vectors, compared by cosine: how far a whole cluster, not one member, agrees with another. */
export class Centroid {
  private readonly sums = new Map<number, number>();
  private squaredNorm = 0;

  constructor(vector: TermVector) {
    this.add(vector);
  }

  add(vector: TermVector): void {
    vector.terms.forEach((term, index) => this.sums.set(term, (this.sums.get(term) ?? 0) + vector.weights[index]!));
    this.updateNorm();
  }

  absorb(other: Centroid): void {
    for (const [term, weight] of other.sums) this.sums.set(term, (this.sums.get(term) ?? 0) + weight);
    this.updateNorm();
  }

  cosine(other: Centroid): number {
    const [small, large] = this.sums.size <= other.sums.size ? [this.sums, other.sums] : [other.sums, this.sums];
    let dot = 0;
    for (const [term, weight] of small) dot += weight * (large.get(term) ?? 0);
    return dot / (Math.sqrt(this.squaredNorm * other.squaredNorm) || 1);
  }

  private updateNorm(): void {
    let sum = 0;
    for (const weight of this.sums.values()) sum += weight * weight;
    this.squaredNorm = sum;
  }
}
