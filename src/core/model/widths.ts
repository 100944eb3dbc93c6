// Width arithmetic shared by the supernet, the standalone net and the weight copy (NASREC.md §5, §7, §14).
import { INTERACT_ROWS } from '../space/types.ts';
import type { InputShape, SpaceConfig } from '../space/types.ts';

/** Rows P the Dot-Product projects its sparse input to: round(√(2·d)) (§5 DP step 2). */
export function dpRows(d: number): number {
  return Math.round(Math.sqrt(2 * d));
}

/** Strict-lower-triangle size of the (P+1)×(P+1) dot-product matrix: (P+1)·P/2 (§5 DP step 5). */
export function dpPairs(p: number): number {
  return ((p + 1) * p) / 2;
}

/**
 * Flat indices r·(P+1) + c of the strict lower triangle (r > c) in row-major order, as `torch.tril_indices(offset=-1)`.
 * The first k(k+1)/2 entries are the pairs among the first k+1 tokens, so a narrower DP's pairs are a prefix.
 */
export function trilIndices(p: number): Int32Array {
  const n = p + 1;
  const out = new Int32Array(dpPairs(p));
  let k = 0;
  for (let r = 1; r < n; r++) for (let c = 0; c < r; c++) out[k++] = r * n + c;
  return out;
}

/** One input slot of a block's concatenated (zero-filled) input: where it starts and how wide it is. */
export interface Slot {
  offset: number;
  width: number;
}

/** The fixed widths of a supernet (§7 "Connections by zero-filling", §14 "Lazy layers"). */
export interface SupernetWidths {
  /** Dmax: every dense op outputs this many units, then is masked to d. */
  denseMax: number;
  /** Smax: every sparse op outputs this many rows, then is masked to s. */
  sparseMax: number;
  /** Rows of a block's sparse output: Smax + 8 (the dense→sparse rows; zeros when interact = 0 or the space has no modules). */
  rowsPerBlock: number;
  /** Din_i = input.dense + Dmax·i. */
  denseIn(block: number): number;
  /** Nin_i = input.sparse + rowsPerBlock·i. */
  sparseIn(block: number): number;
  /** Slot of input index j (0 = raw input, j ≥ 1 = block j−1) in the dense concatenation. */
  denseSlot(index: number): Slot;
  /** Slot of input index j in the sparse (row) concatenation. */
  sparseSlot(index: number): Slot;
  /** Final layer input: Dmax + rowsPerBlock·E. */
  featureWidth: number;
}

export function supernetWidths(space: SpaceConfig, input: InputShape): SupernetWidths {
  const denseMax = Math.max(...space.denseDims);
  const sparseMax = Math.max(...space.sparseDims);
  const rowsPerBlock = sparseMax + INTERACT_ROWS;
  return {
    denseMax,
    sparseMax,
    rowsPerBlock,
    denseIn: (i) => input.dense + denseMax * i,
    sparseIn: (i) => input.sparse + rowsPerBlock * i,
    denseSlot: (j) =>
      j === 0 ? { offset: 0, width: input.dense } : { offset: input.dense + denseMax * (j - 1), width: denseMax },
    sparseSlot: (j) =>
      j === 0 ? { offset: 0, width: input.sparse } : { offset: input.sparse + rowsPerBlock * (j - 1), width: rowsPerBlock },
    featureWidth: denseMax + rowsPerBlock * space.embeddingDim,
  };
}
