// Checks of the network inputs and the channel-major sparse layout used inside every network.
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../space/types.ts';
import { concatLast } from './concat.ts';

/**
 * Validates dense0 [B, input.dense] and sparse0 [B, input.sparse, E] and returns sparse0 channel-major
 * [B, E, input.sparse]: row-axis projections (EFC, DP, attention) are then plain matrix products.
 */
export function prepareInputs(dense0: tf.Tensor2D, sparse0: tf.Tensor3D, input: InputShape, embeddingDim: number): tf.Tensor3D {
  const [b, d] = dense0.shape;
  const [b2, f, e] = sparse0.shape;
  if (d !== input.dense) throw new RangeError(`dense0 has ${d} features, the net expects ${input.dense}`);
  if (f !== input.sparse || e !== embeddingDim)
    throw new RangeError(`sparse0 is [${b2}, ${f}, ${e}], the net expects [B, ${input.sparse}, ${embeddingDim}]`);
  if (b !== b2) throw new RangeError(`dense0 has batch ${b} but sparse0 has batch ${b2}`);
  return tf.transpose(sparse0, [0, 2, 1]);
}

/** Final-layer input: dense [B, D] then sparse [B, E, N] flattened channel-major (index e·N + n). */
export function flattenFeatures(dense: tf.Tensor2D, sparse: tf.Tensor3D): tf.Tensor2D {
  const [b, e, n] = sparse.shape;
  return concatLast([dense, tf.reshape(sparse, [b, e * n]) as tf.Tensor2D]);
}
