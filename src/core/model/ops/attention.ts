// Attention operator (`Transformer`, NASREC.md §5): row projection, multi-head self-attention, add & LN, FFN, add & LN.
import * as tf from '@tensorflow/tfjs';
import { createLayerNorm, createLinear, maybeLayerNorm } from '../layers.ts';
import type { LayerNorm, Linear } from '../layers.ts';
import { matMul } from '../matmul.ts';
import type { ParamStore } from '../params.ts';
import type { SparseOpDims } from './efc.ts';

/** Head dimension of the official model (16 dims / 8 heads). Playground: heads = E/2, so E = 8 gives 4 heads. */
export const HEAD_DIM = 2;
/** Initial gain of the two attention LayerNorms (`LN_INIT`, §5, §13.9). */
export const ATTENTION_LN_GAIN = 0.17;

export interface AttentionOp {
  readonly proj: Linear;
  readonly heads: number;
  /**
   * @param s [B, E, rowsIn] channel-major
   * @param rowMask [rowsOut] supernet row mask applied after the projection, or null. Masked rows stay in
   *   the softmax (§7, §13.8): they are zero before the Q/K/V projections, not excluded from attention.
   * @returns [B, E, rowsOut], before the output row mask
   */
  apply(s: tf.Tensor3D, rowMask: tf.Tensor1D | null): tf.Tensor3D;
}

/**
 * Parameters: `name/w` [rowsIn, rowsOut], `name/b` (LN off), `name/ln` (LN on, over rows); `name/mha/in/w`
 * [E, 3E] (Q|K|V columns, Xavier over the whole fused matrix as PyTorch's `in_proj_weight`), `name/mha/in/b`,
 * `name/mha/out/{w,b}`, `name/lnA/{g,b}`, `name/ffn1/{w,b}`, `name/ffn2/{w,b}`, `name/lnF/{g,b}`. The two inner
 * LayerNorms (eps 1e-5, gain 0.17) exist whatever `layerNorm` says.
 */
export function createAttention(store: ParamStore, name: string, dims: SparseOpDims): AttentionOp {
  const e = dims.embeddingDim;
  if (e % HEAD_DIM !== 0) throw new RangeError(`attention needs an even embedding dim, got ${e}`);
  const heads = e / HEAD_DIM;
  const proj = createLinear(store, name, dims.rowsIn, dims.rowsOut, !dims.layerNorm);
  const projLn = maybeLayerNorm(store, `${name}/ln`, dims.rowsOut, dims.layerNorm);
  const inW = store.xavierShaped(`${name}/mha/in/w`, [e, 3 * e], e, 3 * e);
  const inB = store.filled(`${name}/mha/in/b`, 3 * e, 0);
  const out = createLinear(store, `${name}/mha/out`, e, e, true);
  const lnA = createLayerNorm(store, `${name}/lnA`, e, ATTENTION_LN_GAIN);
  const ffn1 = createLinear(store, `${name}/ffn1`, e, e, true);
  const ffn2 = createLinear(store, `${name}/ffn2`, e, e, true);
  const lnF = createLayerNorm(store, `${name}/lnF`, e, ATTENTION_LN_GAIN);
  const n = dims.rowsOut;
  return {
    proj,
    heads,
    apply(s, rowMask) {
      const batch = s.shape[0];
      let sp = projLn(proj.applyRows(s)) as tf.Tensor3D;
      if (rowMask !== null) sp = tf.mul(sp, rowMask);
      // Tokens [B·N, E] for the per-token projections.
      const x = tf.reshape(tf.transpose(sp, [0, 2, 1]), [batch * n, e]) as tf.Tensor2D;
      // Q, K and V as three products with column blocks of the fused weight: splitting one [B·N, 3E] product
      // costs far more on tfjs-wasm (SplitV forward, a JS Concat backward: 8 of 54 ms of a Tiny step).
      const [q, k, v] = [0, 1, 2].map((part) =>
        tf.add(matMul(x, tf.slice(inW, [0, part * e], [e, e]) as tf.Tensor2D), tf.slice(inB, [part * e], [e])),
      ) as [tf.Tensor2D, tf.Tensor2D, tf.Tensor2D];
      const attended = multiHead(q, k, v, batch, n, heads);
      const h = residualNorm(lnA, x, out.apply(attended));
      const f = residualNorm(lnF, h, ffn2.apply(tf.relu(ffn1.apply(h)) as tf.Tensor2D));
      return tf.transpose(tf.reshape(f, [batch, n, e]), [0, 2, 1]);
    },
  };
}

/** softmax(Q·Kᵀ/√2)·V per head. @param q, k, v [B·N, E], columns (head, dim) @returns [B·N, E] heads concatenated */
function multiHead(q2: tf.Tensor2D, k2: tf.Tensor2D, v2: tf.Tensor2D, batch: number, n: number, heads: number): tf.Tensor2D {
  const e = heads * HEAD_DIM;
  // [B, N, H, 2] → [B, H, N, 2] per tensor: three 4-D transposes cost a few percent of one 5-D transpose on
  // tfjs-wasm (0.5 ms against 6 ms at B = 256, N = 16).
  const [q, k, v] = [q2, k2, v2].map(
    (t) => tf.reshape(tf.transpose(tf.reshape(t, [batch, n, heads, HEAD_DIM]), [0, 2, 1, 3]), [batch * heads, n, HEAD_DIM]) as tf.Tensor3D,
  ) as [tf.Tensor3D, tf.Tensor3D, tf.Tensor3D];
  // Scale Q (N×2 per head) rather than the N×N scores, as PyTorch does.
  const scores = matMul(tf.mul(q, 1 / Math.sqrt(HEAD_DIM)) as tf.Tensor3D, k, false, true);
  const context = matMul(tf.softmax(scores) as tf.Tensor3D, v); // [B·H, N, 2]
  const merged = tf.transpose(tf.reshape(context, [batch, heads, n, HEAD_DIM]), [0, 2, 1, 3]);
  return tf.reshape(merged, [batch * n, e]) as tf.Tensor2D;
}

function residualNorm(ln: LayerNorm, x: tf.Tensor2D, y: tf.Tensor2D): tf.Tensor2D {
  return ln.apply(tf.add(x, y) as tf.Tensor2D);
}
