// Batches from the encoded dataset: dense features, field-major categorical indices and labels as typed arrays.
import type { Dataset } from '../data/types.ts';
import type { InputShape } from '../space/types.ts';

/** One batch on the host. Shapes are fixed by the batch size, so tensors built from it never change shape. */
export interface Batch {
  size: number;
  /** [B, input.dense] transformed dense features (one zero column when the data has none, NASREC.md §2.2). */
  dense: Float32Array;
  /** Field-major [F × B] embedding-row indices. */
  indices: Int32Array;
  /** [B] labels 0/1 as floats. */
  labels: Float32Array;
}

/** The network input shape of a dataset: dense fields (at least 1) and categorical fields. */
export function inputShapeOf(data: Dataset): InputShape {
  return { dense: Math.max(1, data.dense.length), sparse: data.categorical.length };
}

/** Embedding-table rows per field. */
export function tableRowsOf(data: Dataset): number[] {
  return data.categorical.map((c) => c.buckets);
}

/** Allocates an empty batch of `size` rows. */
export function emptyBatch(data: Dataset, size: number): Batch {
  const input = inputShapeOf(data);
  return { size, dense: new Float32Array(size * input.dense), indices: new Int32Array(size * input.sparse), labels: new Float32Array(size) };
}

/** Fills `batch` with the given rows (rows.length must equal batch.size). */
export function fillBatch(data: Dataset, rows: ArrayLike<number>, batch: Batch): Batch {
  const B = batch.size;
  const nd = data.dense.length;
  const F = data.categorical.length;
  for (let b = 0; b < B; b++) {
    const r = rows[b]!;
    batch.labels[b] = data.labels[r]!;
    for (let d = 0; d < nd; d++) batch.dense[b * nd + d] = data.dense[d]!.values[r]!;
  }
  for (let f = 0; f < F; f++) {
    const col = data.categorical[f]!.values;
    for (let b = 0; b < B; b++) batch.indices[f * B + b] = col[rows[b]!]!;
  }
  return batch;
}

/**
 * Walks a split in file order, batch after batch, starting a new pass when fewer than B rows remain
 * (NASRec reads its shards in order and skips the optimizer step on a short tail, NASREC.md §2.4).
 */
export class BatchStream {
  private cursor = 0;
  private readonly batch: Batch;
  epoch = 0;

  constructor(
    private readonly data: Dataset,
    private readonly rows: Uint32Array,
    readonly size: number,
  ) {
    if (rows.length < size) throw new RangeError(`the split has ${rows.length} rows, fewer than one batch of ${size}`);
    this.batch = emptyBatch(data, size);
  }

  /** Positions the stream as if `batches` batches had been taken from a fresh one (a resumed run continues where it was). */
  seek(batches: number): void {
    const perEpoch = Math.floor(this.rows.length / this.size);
    this.epoch = Math.floor(batches / perEpoch);
    this.cursor = (batches % perEpoch) * this.size;
  }

  /** The next batch (the same Batch object, refilled). */
  next(): Batch {
    if (this.cursor + this.size > this.rows.length) {
      this.cursor = 0;
      this.epoch++;
    }
    fillBatch(this.data, this.rows.subarray(this.cursor, this.cursor + this.size), this.batch);
    this.cursor += this.size;
    return this.batch;
  }
}
