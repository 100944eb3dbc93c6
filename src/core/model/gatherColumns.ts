// Column gather with a gather-based gradient: tf.gather's stock gradient (UnsortedSegmentSum) is slow on cpu and missing on wasm.
import * as tf from '@tensorflow/tfjs';

/**
 * y[:, k] = x[:, idx[k]] for distinct indices. The gradient scatters dy back by gathering from [dy, 0] with
 * the inverse index (columns not selected read the zero column), which every backend runs fast.
 * @param x [B, K]
 * @param idx [M] distinct column indices into x
 * @param inverse [K] position of each column of x in idx, or M when it is not selected
 * @returns [B, M]
 */
export function gatherColumns(x: tf.Tensor2D, idx: tf.Tensor1D, inverse: tf.Tensor1D): tf.Tensor2D {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const value = tf.gather(args[0] as tf.Tensor2D, idx, 1);
    // Saved tensors outlive the forward scope; a captured `inverse` created there would be disposed by then.
    (args[1] as tf.GradSaveFunc)([inverse]);
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]): tf.Tensor => {
      const padded = tf.concat([dy as tf.Tensor2D, tf.zeros([dy.shape[0] ?? 0, 1])], 1);
      return tf.gather(padded, saved[0] as tf.Tensor1D, 1);
    };
    return { value, gradFunc };
  });
  return f(x) as tf.Tensor2D;
}

/** The inverse index of `idx` over `k` columns (see `gatherColumns`). */
export function inverseIndex(idx: Int32Array, k: number): Int32Array {
  const inv = new Int32Array(k).fill(idx.length);
  idx.forEach((col, pos) => {
    inv[col] = pos;
  });
  return inv;
}
