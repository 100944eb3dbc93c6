// Zipf-distributed category ranks: a pmf and a CDF table, sampled by a guide table plus binary search on the CDF.

/** Fewest buckets of the guide table that narrows each binary search. */
const MIN_GUIDE = 1024;

/** P(rank r) ∝ (r + 1)^-s for r in [0, size). Rank 0 is the most frequent value. */
export class ZipfTable {
  /** [size] probabilities, summing to 1. */
  readonly pmf: Float64Array;
  /** [size] cumulative probabilities; the last entry is exactly 1. */
  private readonly cdf: Float64Array;
  /** [buckets + 1] guide[j] = first rank whose cdf exceeds j / buckets: u's rank lies in [guide[j], guide[j + 1]]. */
  private readonly guide: Int32Array;
  /** About one bucket per value, so even the long tail needs few search steps. */
  private readonly buckets: number;

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
    this.buckets = Math.max(MIN_GUIDE, size);
    this.guide = new Int32Array(this.buckets + 1);
    for (let j = 0, r = 0; j <= this.buckets; j++) {
      while (r < size - 1 && cdf[r]! <= j / this.buckets) r++;
      this.guide[j] = r;
    }
  }

  /** The rank whose CDF interval holds u: the first r with cdf[r] > u. @param u uniform in [0, 1) */
  sample(u: number): number {
    const cdf = this.cdf;
    const j = Math.floor(u * this.buckets);
    let lo = this.guide[j]!;
    let hi = this.guide[j + 1]!;
    // Rounding in u·buckets and j / buckets can misplace u by an ulp: widen the range then,
    // so the result always equals a plain search.
    if (lo > 0 && cdf[lo - 1]! > u) lo = 0;
    if (cdf[hi]! <= u) hi = this.size - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
