// Dense→sparse module (NASREC.md §5.1): project the dense output to 8·E units (unless already 8·E) and reshape to 8 rows.
import * as tf from '@tensorflow/tfjs';
import { INTERACT_ROWS } from '../../space/types.ts';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { Linear } from '../layers.ts';
import type { ParamStore } from '../params.ts';

export interface DenseToSparseOp {
  /** The d → 8·E projection, or null when d = 8·E (identity; §13.5). */
  readonly proj: Linear | null;
  /** @param x [B, inDim] @returns [B, E, 8] channel-major: row r, channel e is unit r·E + e of the projection */
  apply(x: tf.Tensor2D): tf.Tensor3D;
}

/**
 * `name/w` [in, 8E], `name/b` (LN off), `name/ln/{g,b}` (LN on). Playground note: with E = 8 (Tiny) the module is
 * 64 wide, so a 64-wide dense output is not projected (the official rule, applied to our widths).
 */
export function createDenseToSparse(
  store: ParamStore,
  name: string,
  inDim: number,
  embeddingDim: number,
  layerNorm: boolean,
): DenseToSparseOp {
  const width = INTERACT_ROWS * embeddingDim;
  const proj = inDim === width ? null : createLinear(store, name, inDim, width, !layerNorm);
  const ln = maybeLayerNorm(store, `${name}/ln`, width, layerNorm && proj !== null);
  return {
    proj,
    apply(x) {
      const p = proj === null ? x : (ln(proj.apply(x)) as tf.Tensor2D);
      const rows = tf.reshape(p, [x.shape[0], INTERACT_ROWS, embeddingDim]);
      return tf.transpose(rows, [0, 2, 1]) as tf.Tensor3D;
    },
  };
}
