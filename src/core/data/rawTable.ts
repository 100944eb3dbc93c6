// Column-major raw storage while a load streams: dense floats, categorical 32-bit values and missing flags.

/**
 * Grows by doubling; one capacity check per row. Categorical values are raw (hex id or string hash) and
 * `missing` marks empty cells. Distinct counts are taken later, one column at a time (cache-friendly).
 */
export class RawTable {
  rows = 0;
  capacity = 4096;
  dense: Float32Array[];
  /** Raw dense values as parsed (before the log transform), for distinct counts; NaN = missing. */
  denseRaw: Float32Array[];
  cat: Uint32Array[];
  missing: Uint8Array[];
  labels: Uint8Array;
  readonly denseMissing: Float64Array;
  readonly catMissing: Float64Array;

  constructor(
    readonly nDense: number,
    readonly nCat: number,
  ) {
    this.dense = Array.from({ length: nDense }, () => new Float32Array(this.capacity));
    this.denseRaw = Array.from({ length: nDense }, () => new Float32Array(this.capacity));
    this.cat = Array.from({ length: nCat }, () => new Uint32Array(this.capacity));
    this.missing = Array.from({ length: nCat }, () => new Uint8Array(this.capacity));
    this.labels = new Uint8Array(this.capacity);
    this.denseMissing = new Float64Array(nDense);
    this.catMissing = new Float64Array(nCat);
  }

  /** Makes room for one more row. */
  reserveRow(): void {
    if (this.rows < this.capacity) return;
    const c = (this.capacity *= 2);
    this.dense = this.dense.map((a) => grown(a, new Float32Array(c)));
    this.denseRaw = this.denseRaw.map((a) => grown(a, new Float32Array(c)));
    this.cat = this.cat.map((a) => grown(a, new Uint32Array(c)));
    this.missing = this.missing.map((a) => grown(a, new Uint8Array(c)));
    this.labels = grown(this.labels, new Uint8Array(c));
  }
}

function grown<T extends Float32Array | Uint32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
