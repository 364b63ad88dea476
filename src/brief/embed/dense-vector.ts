/** An embedding scaled to length 1, so that the cosine of two is their dot product. */
export type UnitVector = Float32Array;

export function unitVector(values: ArrayLike<number>): UnitVector | undefined {
  let norm = 0;
  for (let index = 0; index < values.length; index += 1) norm += values[index]! * values[index]!;
  if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
  const scale = 1 / Math.sqrt(norm);
  return Float32Array.from(values, (value) => value * scale);
}

/** The cosine of two unit vectors; 0 for vectors of different models (lengths), which cannot be compared. */
export function meaningCosine(a: UnitVector, b: UnitVector): number {
  if (a.length !== b.length) return 0;
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += a[index]! * b[index]!;
  return sum;
}

/** The mean direction of a group of unit vectors, grown one group at a time as clusters merge. */
export class MeaningCentroid {
  readonly #sum: Float32Array;

  constructor(first: UnitVector) {
    this.#sum = Float32Array.from(first);
  }

  absorb(other: MeaningCentroid): void {
    if (other.#sum.length !== this.#sum.length) return;
    for (let index = 0; index < this.#sum.length; index += 1) this.#sum[index]! += other.#sum[index]!;
  }

  cosine(other: MeaningCentroid): number {
    const a = unitVector(this.#sum);
    const b = unitVector(other.#sum);
    return a && b ? meaningCosine(a, b) : 0;
  }
}
