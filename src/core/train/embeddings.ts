// Host-side embedding tables with PyTorch-Adagrad row updates: cost grows with the batch, never with the table (NASREC.md §8.2).
import type { Rng } from '../rng.ts';

/** PyTorch Adagrad's epsilon in NASRec's recipe (§8.2, §13.15). */
export const ADAGRAD_EPS = 1e-2;

/**
 * One table per categorical field, [rows_f, E] row-major in a Float32Array, plus its Adagrad accumulator
 * (starting at 0, as PyTorch's). Gathers batch rows for the network and applies the update to the rows of
 * the batch only — identical to a dense Adagrad step, since rows without gradient do not move.
 */
export class EmbeddingTables {
  readonly tables: Float32Array[];
  readonly accumulators: Float32Array[];
  /** Per field: slot of a row in the current update, or -1 (reset after every update). */
  private readonly slots: Int32Array[];
  private readonly sums: Float32Array;
  private readonly touched: Int32Array;

  /** @param init draws fresh tables, or gives trained ones ([rows_f · E] each, used as they are: not copied) */
  constructor(
    readonly rows: readonly number[],
    readonly dim: number,
    readonly batchSize: number,
    init: Rng | { tables: readonly Float32Array[] },
  ) {
    if ('tables' in init) {
      if (init.tables.length !== rows.length || init.tables.some((t, f) => t.length !== rows[f]! * dim)) {
        throw new RangeError(`embedding tables do not match ${rows.length} fields of [rows, ${dim}]`);
      }
      this.tables = [...init.tables];
    } else {
      // Xavier-normal as nn.init.xavier_normal_ on a [rows, E] weight: std = sqrt(2 / (rows + E)) (§8.2).
      this.tables = rows.map((n) => {
        const std = Math.sqrt(2 / (n + dim));
        const t = new Float32Array(n * dim);
        for (let i = 0; i < t.length; i++) t[i] = init.normal() * std;
        return t;
      });
    }
    this.accumulators = rows.map((n) => new Float32Array(n * dim));
    this.slots = rows.map((n) => new Int32Array(n).fill(-1));
    this.sums = new Float32Array(batchSize * dim);
    this.touched = new Int32Array(batchSize);
  }

  get fields(): number {
    return this.rows.length;
  }

  /**
   * Gathers rows into `out` [B, F, E].
   * @param indices field-major [F × B] row indices
   */
  gather(indices: Int32Array, batch: number, out: Float32Array): void {
    const E = this.dim;
    const F = this.fields;
    for (let f = 0; f < F; f++) {
      const table = this.tables[f]!;
      for (let b = 0; b < batch; b++) {
        const row = indices[f * batch + b]!;
        out.set(table.subarray(row * E, row * E + E), (b * F + f) * E);
      }
    }
  }

  /**
   * Squared L2 norm of the dense-equivalent gradient (duplicate rows summed first), for global-norm clipping.
   * @param grad [B, F, E] gradient of the loss w.r.t. the gathered embeddings
   */
  gradNormSq(indices: Int32Array, batch: number, grad: Float32Array): number {
    let total = 0;
    this.forEachRowSum(indices, batch, grad, (_f, _row, sum) => {
      for (let k = 0; k < this.dim; k++) total += sum[k]! * sum[k]!;
    });
    return total;
  }

  /**
   * PyTorch Adagrad on the batch rows: acc += g², w -= lr·g / (√acc + eps), with g the summed row gradient
   * times the clip coefficient.
   */
  applyAdagrad(indices: Int32Array, batch: number, grad: Float32Array, lr: number, clipCoef: number): void {
    const E = this.dim;
    this.forEachRowSum(indices, batch, grad, (f, row, sum) => {
      const w = this.tables[f]!;
      const acc = this.accumulators[f]!;
      for (let k = 0, i = row * E; k < E; k++, i++) {
        const g = sum[k]! * clipCoef;
        acc[i] = acc[i]! + g * g;
        w[i] = w[i]! - (lr * g) / (Math.sqrt(acc[i]!) + ADAGRAD_EPS);
      }
    });
  }

  /** Calls `visit` once per (field, distinct row) with the row's summed gradient. */
  private forEachRowSum(indices: Int32Array, batch: number, grad: Float32Array, visit: (f: number, row: number, sum: Float32Array) => void): void {
    const E = this.dim;
    const F = this.fields;
    for (let f = 0; f < F; f++) {
      const slots = this.slots[f]!;
      let used = 0;
      for (let b = 0; b < batch; b++) {
        const row = indices[f * batch + b]!;
        let slot = slots[row]!;
        if (slot < 0) {
          slot = slots[row] = used;
          this.touched[used++] = row;
          this.sums.fill(0, slot * E, slot * E + E);
        }
        const src = (b * F + f) * E;
        for (let k = 0; k < E; k++) this.sums[slot * E + k] = this.sums[slot * E + k]! + grad[src + k]!;
      }
      for (let s = 0; s < used; s++) {
        const row = this.touched[s]!;
        visit(f, row, this.sums.subarray(s * E, s * E + E));
        slots[row] = -1;
      }
    }
  }
}
