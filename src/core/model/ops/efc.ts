// EFC operator (`ElasticLinear3D`, NASREC.md §5): an FC over the row axis, shared by all E channels, then ReLU.
import * as tf from '@tensorflow/tfjs';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { Linear } from '../layers.ts';
import type { ParamStore } from '../params.ts';

export interface SparseOpDims {
  rowsIn: number;
  rowsOut: number;
  embeddingDim: number;
  layerNorm: boolean;
}

export interface EfcOp {
  readonly proj: Linear;
  /** @param s [B, E, rowsIn] channel-major @returns [B, E, rowsOut], before any row mask */
  apply(s: tf.Tensor3D): tf.Tensor3D;
}

/**
 * `name/w` [rowsIn, rowsOut], `name/b` (LN off) and `name/ln/{g,b}` (LN on). The LayerNorm runs over the
 * **row axis** (§5, §13.3): the official code normalises in the transposed layout, which is our native layout.
 */
export function createEfc(store: ParamStore, name: string, dims: SparseOpDims): EfcOp {
  const proj = createLinear(store, name, dims.rowsIn, dims.rowsOut, !dims.layerNorm);
  const ln = maybeLayerNorm(store, `${name}/ln`, dims.rowsOut, dims.layerNorm);
  return { proj, apply: (s) => tf.relu(ln(proj.applyRows(s))) as tf.Tensor3D };
}
