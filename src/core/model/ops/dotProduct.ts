// Dot-Product operator, DLRM-style (NASREC.md §5 DP): pairwise dot products of [dense, P sparse rows], strict lower triangle.
import * as tf from '@tensorflow/tfjs';
import { concatLast } from '../concat.ts';
import type { ConstCache } from '../constants.ts';
import { gatherColumns, inverseIndex } from '../gatherColumns.ts';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import { matMul } from '../matmul.ts';
import type { Linear } from '../layers.ts';
import type { ParamStore } from '../params.ts';
import { dpPairs, dpRows, trilIndices } from '../widths.ts';

export interface DotProductDims {
  denseIn: number;
  rowsIn: number;
  outDim: number;
  embeddingDim: number;
  layerNorm: boolean;
}

export interface DotProductOp {
  /** P = round(√(2·outDim)): in the supernet outDim = Dmax, so P is fixed by the max width (official `DotProduct`). */
  readonly rows: number;
  /** W1 (dense → E), or null when denseIn = E. */
  readonly w1: Linear | null;
  /** W2 (rows Nin → P), or null when rowsIn = P. */
  readonly w2: Linear | null;
  /** W3 (pairs → out), or null when the pair count = out. */
  readonly w3: Linear | null;
  /** @param x [B, denseIn] @param s [B, E, rowsIn] @returns [B, outDim], before any width mask */
  apply(x: tf.Tensor2D, s: tf.Tensor3D): tf.Tensor2D;
}

/**
 * Parameters `name/w1`, `name/w2`, `name/w3` (each with a bias when LN is off, skipped by the rules above) and,
 * with LN on, `name/w1/ln` (over E), `name/w2/ln` (over P, the row axis) and `name/ln` (over out, even when W3
 * is skipped). No activation. The official `_sparse_proj` (E → E) is never used and not allocated.
 * Playground: the dense vector is projected to E (8 in Tiny), the embedding dim, as the official code does for 16.
 */
export function createDotProduct(store: ParamStore, consts: ConstCache, name: string, dims: DotProductDims): DotProductOp {
  const { denseIn, rowsIn, outDim, embeddingDim: e, layerNorm } = dims;
  const p = dpRows(outDim);
  const pairs = dpPairs(p);
  const w1 = denseIn === e ? null : createLinear(store, `${name}/w1`, denseIn, e, !layerNorm);
  const ln1 = maybeLayerNorm(store, `${name}/w1/ln`, e, layerNorm && w1 !== null);
  const w2 = rowsIn === p ? null : createLinear(store, `${name}/w2`, rowsIn, p, !layerNorm);
  const ln2 = maybeLayerNorm(store, `${name}/w2/ln`, p, layerNorm && w2 !== null);
  const w3 = pairs === outDim ? null : createLinear(store, `${name}/w3`, pairs, outDim, !layerNorm);
  const ln3 = maybeLayerNorm(store, `${name}/ln`, outDim, layerNorm);
  const tokens = p + 1;
  return {
    rows: p,
    w1,
    w2,
    w3,
    apply(x, s) {
      const batch = x.shape[0];
      const xd = w1 === null ? x : (ln1(w1.apply(x)) as tf.Tensor2D);
      const sp = w2 === null ? s : (ln2(w2.applyRows(s)) as tf.Tensor3D);
      // Channel-major tokens [B, E, P+1]: token 0 is the dense vector, tokens 1..P the projected rows.
      const t = concatLast([tf.reshape(xd, [batch, e, 1]) as tf.Tensor3D, sp]);
      const z = tf.reshape(matMul(t, t, true, false), [batch, tokens * tokens]) as tf.Tensor2D;
      const tril = consts.indices(`tril${p}`, () => trilIndices(p));
      const inv = consts.indices(`triinv${p}`, () => inverseIndex(trilIndices(p), tokens * tokens));
      const flat = gatherColumns(z, tril, inv);
      return ln3(w3 === null ? flat : w3.apply(flat)) as tf.Tensor2D;
    },
  };
}
