// FC operator (`ElasticLinear`, NASREC.md §5): ReLU(x·W + b), or ReLU(LN(x·W)) when LayerNorm is on.
import * as tf from '@tensorflow/tfjs';
import { createLinear, maybeLayerNorm } from '../layers.ts';
import type { ParamStore } from '../params.ts';

export interface FcOp {
  /** @param x [B, inDim] @returns [B, outDim], before any width mask */
  apply(x: tf.Tensor2D): tf.Tensor2D;
}

/** Parameters `name/w` [inDim, outDim], `name/b` (LN off only), `name/ln/{g,b}` (LN on only). */
export function createFc(store: ParamStore, name: string, inDim: number, outDim: number, layerNorm: boolean): FcOp {
  const linear = createLinear(store, name, inDim, outDim, !layerNorm);
  const ln = maybeLayerNorm(store, `${name}/ln`, outDim, layerNorm);
  return { apply: (x) => tf.relu(ln(linear.apply(x))) as tf.Tensor2D };
}
