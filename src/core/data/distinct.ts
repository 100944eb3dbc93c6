// Exact distinct-value counting for the per-field statistics (one column at a time, at finalisation).

/**
 * Counts distinct unsigned 32-bit keys exactly with an open-addressing table, up to `limit`
 * distinct keys; past that it stops inserting and reports `capped`.
 * Slots come from the high bits of a Fibonacci hash: the low bits of a product depend only on the
 * low bits of the key, and keys such as float32 bit patterns of small integers share those.
 */
export class DistinctCounter {
  private table = new Uint32Array(1024);
  private shift = 32 - 10;
  private hasZero = false;
  private used = 0;
  capped = false;

  constructor(private readonly limit = 1 << 22) {}

  get count(): number {
    return this.used + (this.hasZero ? 1 : 0);
  }

  add(key: number): void {
    if (key === 0) {
      this.hasZero = true;
      return;
    }
    if (this.capped) return;
    const table = this.table;
    const mask = table.length - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const k = table[i]!;
      if (k === key) return;
      if (k === 0) break;
      i = (i + 1) & mask;
    }
    if (this.used >= this.limit) {
      this.capped = true;
      return;
    }
    table[i] = key;
    this.used++;
    if (this.used * 2 > table.length) this.rehash();
  }

  private rehash(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.shift--;
    const mask = this.table.length - 1;
    for (let j = 0; j < old.length; j++) {
      const key = old[j]!;
      if (key === 0) continue;
      let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
      while (this.table[i] !== 0) i = (i + 1) & mask;
      this.table[i] = key;
    }
  }
}
