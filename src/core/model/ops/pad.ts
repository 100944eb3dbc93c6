// Zero-padding of a dense tensor on the right (the binary ops' `_pad_2Dtensors_if_needed`, NASREC.md §5 Sum step 1).
import * as tf from '@tensorflow/tfjs';

/** @param x [B, w] @returns [B, width] with zeros in columns w..width−1 (x itself when w = width) */
export function padColumns(x: tf.Tensor2D, width: number): tf.Tensor2D {
  const w = x.shape[1];
  return w === width ? x : tf.pad(x, [
    [0, 0],
    [0, width - w],
  ]);
}
