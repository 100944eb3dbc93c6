// Zipf-distributed category ranks: a pmf and a CDF table, sampled by a guide table plus binary search on the CDF.

/** Buckets of the guide table that narrows each binary search (more than the largest head needs). */
const GUIDE_SIZE = 1024;

/** P(rank r) ∝ (r + 1)^-s for r in [0, size). Rank 0 is the most frequent value. */
export class ZipfTable {
  /** [size] probabilities, summing to 1. */
  readonly pmf: Float64Array;
  /** [size] cumulative probabilities; the last entry is exactly 1. */
  private readonly cdf: Float64Array;
  /** [GUIDE_SIZE + 1] guide[j] = first rank whose cdf exceeds j / GUIDE_SIZE: u's rank lies in [guide[j], guide[j + 1]]. */
  private readonly guide: Int32Array;

  constructor(
    readonly size: number,
    readonly exponent: number,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`Zipf size must be a positive integer, got ${size}`);
    const pmf = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) {
      const w = Math.pow(r + 1, -exponent);
      pmf[r] = w;
      total += w;
    }
    const cdf = new Float64Array(size);
    let acc = 0;
    for (let r = 0; r < size; r++) {
      pmf[r] = pmf[r]! / total;
      acc += pmf[r]!;
      cdf[r] = acc;
    }
    cdf[size - 1] = 1; // rounding must never leave a u in [0, 1) without a rank
    this.pmf = pmf;
    this.cdf = cdf;
    this.guide = new Int32Array(GUIDE_SIZE + 1);
    for (let j = 0, r = 0; j <= GUIDE_SIZE; j++) {
      while (r < size - 1 && cdf[r]! <= j / GUIDE_SIZE) r++;
      this.guide[j] = r;
    }
  }

  /** The rank whose CDF interval holds u: the first r with cdf[r] > u. @param u uniform in [0, 1) */
  sample(u: number): number {
    const cdf = this.cdf;
    const j = Math.floor(u * GUIDE_SIZE);
    let lo = this.guide[j]!;
    let hi = this.guide[j + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
