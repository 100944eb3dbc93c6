// Sparse→dense FM module (`FactorizationMachine3D`, NASREC.md §5): (Σ_n S_n)² − Σ_n S_n², no ½, then E → out unless equal.
import * as tf from '@tensorflow/tfjs';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { Linear } from '../layers.ts';
import type { ParamStore } from '../params.ts';

export interface FmOp {
  /** E → out projection, or null when out = E (then LN is skipped too, as in the official code). */
  readonly proj: Linear | null;
  /** @param s [B, E, N] channel-major @returns [B, outDim], before any width mask */
  apply(s: tf.Tensor3D): tf.Tensor2D;
}

/** `name/w` [E, out], `name/b` (LN off), `name/ln/{g,b}` (LN on); none of them when out = E (E = 8 in Tiny, 16 in NASRec). */
export function createFm(store: ParamStore, name: string, embeddingDim: number, outDim: number, layerNorm: boolean): FmOp {
  const proj = embeddingDim === outDim ? null : createLinear(store, name, embeddingDim, outDim, !layerNorm);
  const ln = maybeLayerNorm(store, `${name}/ln`, outDim, layerNorm && proj !== null);
  return {
    proj,
    apply(s) {
      const v = tf.sub(tf.square(tf.sum(s, 2)), tf.sum(tf.square(s), 2)) as tf.Tensor2D;
      return proj === null ? v : (ln(proj.apply(v)) as tf.Tensor2D);
    },
  };
}
