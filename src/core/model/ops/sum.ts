// Sum operator (NASREC.md §5): pad left/right to m = max width, add, project m → out unless m = out; no activation.
import * as tf from '@tensorflow/tfjs';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { Linear } from '../layers.ts';
import type { ParamStore } from '../params.ts';
import { padColumns } from './pad.ts';

export interface BinaryDims {
  leftDim: number;
  rightDim: number;
  outDim: number;
  layerNorm: boolean;
}

export interface BinaryOp {
  /** The projection m → out, or null when m = out (skipped, §13.5). */
  readonly proj: Linear | null;
  /** @param left [B, leftDim] @param right [B, rightDim] @returns [B, outDim], before any width mask */
  apply(left: tf.Tensor2D, right: tf.Tensor2D): tf.Tensor2D;
}

/**
 * `name/w` [m, out] and `name/b` (LN off) when m ≠ out; `name/ln/{g,b}` whenever LN is on (the official code
 * normalises even when the projection is skipped).
 */
export function createSum(store: ParamStore, name: string, dims: BinaryDims): BinaryOp {
  const m = Math.max(dims.leftDim, dims.rightDim);
  const proj = m === dims.outDim ? null : createLinear(store, name, m, dims.outDim, !dims.layerNorm);
  const ln = maybeLayerNorm(store, `${name}/ln`, dims.outDim, dims.layerNorm);
  return {
    proj,
    apply(left, right) {
      const z = tf.add(padColumns(left, m), padColumns(right, m)) as tf.Tensor2D;
      return ln(proj === null ? z : proj.apply(z)) as tf.Tensor2D;
    },
  };
}
