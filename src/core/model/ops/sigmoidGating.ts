// Sigmoid-Gating operator (post-09/2022 form, NASREC.md §5): W·(sigmoid(U·left + c) ⊙ right) + b, no activation.
import * as tf from '@tensorflow/tfjs';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { ParamStore } from '../params.ts';
import { padColumns } from './pad.ts';
import type { BinaryDims, BinaryOp } from './sum.ts';

/** The gated product before projection, exposed for tests. */
export interface SigmoidGatingOp extends BinaryOp {
  /** @returns [B, m] sigmoid(pad(left)·U + c) ⊙ pad(right) */
  gate(left: tf.Tensor2D, right: tf.Tensor2D): tf.Tensor2D;
}

/**
 * `name/u/w` [m, m] and `name/u/b` (the square self-linear, always biased); `name/w` [m, out] and `name/b`
 * (always biased, even with LN) when m ≠ out; `name/ln/{g,b}` whenever LN is on.
 */
export function createSigmoidGating(store: ParamStore, name: string, dims: BinaryDims): SigmoidGatingOp {
  const m = Math.max(dims.leftDim, dims.rightDim);
  const self = createLinear(store, `${name}/u`, m, m, true);
  const proj = m === dims.outDim ? null : createLinear(store, name, m, dims.outDim, true);
  const ln = maybeLayerNorm(store, `${name}/ln`, dims.outDim, dims.layerNorm);
  const gate = (left: tf.Tensor2D, right: tf.Tensor2D): tf.Tensor2D =>
    tf.mul(tf.sigmoid(self.apply(padColumns(left, m))), padColumns(right, m)) as tf.Tensor2D;
  return {
    proj,
    gate,
    apply(left, right) {
      const z = gate(left, right);
      return ln(proj === null ? z : proj.apply(z)) as tf.Tensor2D;
    },
  };
}
