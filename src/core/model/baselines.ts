// Baselines the NASRec space cannot express, as small separate models: hashed logistic regression and a DCN-like net.
import * as tf from '@tensorflow/tfjs';
import { addCosts, linearCost, type Cost } from '../space/opCost.ts';
import type { InputShape } from '../space/types.ts';
import { createLinear } from './layers.ts';
import { matMul } from './matmul.ts';
import { nextNetPrefix, ParamStore } from './params.ts';
import type { NetOptions, TrainableNet } from './types.ts';

/** A baseline network: logits from dense features and gathered embeddings of its own `embeddingDim`. */
export interface BaselineNet extends TrainableNet {
  readonly name: string;
  /** Embedding width this model trains with (1 for logistic regression: one weight per hashed bucket). */
  readonly embeddingDim: number;
  /** Non-embedding parameters and per-example FLOPs by the official convention (linear MACs, §12.2). */
  readonly cost: Cost;
  /** @param dense0 [B, D] @param sparse0 [B, F, embeddingDim] @returns [B, 1] logits */
  forward(dense0: tf.Tensor2D, sparse0: tf.Tensor3D): tf.Tensor2D;
}

/**
 * Hashed logistic regression: logit = dense0·w + Σ_f e_f[bucket_f] + b, where each e_f is a one-wide embedding
 * table over the field's hashed buckets (the classic CTR baseline).
 */
export function createLogisticRegression(input: InputShape, options: Pick<NetOptions, 'rng'>): BaselineNet {
  const store = new ParamStore(nextNetPrefix('lr'), options.rng);
  const dense = createLinear(store, 'dense', input.dense, 1, true);
  return {
    name: 'Logistic regression',
    embeddingDim: 1,
    cost: linearCost(input.dense, 1, 1, true),
    get variables() {
      return store.variables;
    },
    forward: (dense0, sparse0) => tf.tidy(() => tf.add(dense.apply(dense0), tf.reshape(tf.sum(sparse0, [1, 2]), [-1, 1])) as tf.Tensor2D),
    dispose: () => store.dispose(),
  };
}

/** DCN-like sizes: cross layers and the deep tower's widths. */
export interface DcnSizes {
  crossLayers: number;
  deep: number[];
}

/**
 * DCN-like (Wang et al. 2017, DCN v1): x0 = [dense0, flatten(embeddings)]; cross layers
 * x_{l+1} = x0 ⊙ (x_l·w_l) + b_l + x_l; a parallel deep tower of ReLU FC layers; logit = Linear([x_L, deep]).
 * The cross layer has no counterpart among NASRec's operators, hence a separate model.
 */
export function createDcn(input: InputShape, embeddingDim: number, options: Pick<NetOptions, 'rng'>, sizes: DcnSizes = { crossLayers: 2, deep: [64, 64] }): BaselineNet {
  const store = new ParamStore(nextNetPrefix('dcn'), options.rng);
  const width = input.dense + input.sparse * embeddingDim;
  const cross = Array.from({ length: sizes.crossLayers }, (_, l) => createLinear(store, `cross${l}`, width, 1, false));
  const crossBias = Array.from({ length: sizes.crossLayers }, (_, l) => store.filled(`cross${l}/b`, width, 0));
  const deep = sizes.deep.map((w, l) => createLinear(store, `deep${l}`, l === 0 ? width : sizes.deep[l - 1]!, w, true));
  const final = createLinear(store, 'final', width + (sizes.deep.at(-1) ?? 0), 1, true);
  return {
    name: 'DCN-like',
    embeddingDim,
    // Cross layers: x_l·w_l (width MACs) and a width-sized bias; the deep tower and final layer are linear layers.
    cost: addCosts(
      ...cross.map(() => ({ params: 2 * width, flops: width })),
      ...deep.map((l) => linearCost(l.inDim, l.outDim, 1, true)),
      linearCost(final.inDim, 1, 1, true),
    ),
    get variables() {
      return store.variables;
    },
    forward: (dense0, sparse0) =>
      tf.tidy(() => {
        const batch = dense0.shape[0];
        const x0 = tf.concat([dense0, tf.reshape(sparse0, [batch, input.sparse * embeddingDim])], 1) as tf.Tensor2D;
        let x = x0;
        cross.forEach((layer, l) => {
          x = tf.add(tf.add(tf.mul(x0, matMul(x, layer.w as tf.Tensor2D)), crossBias[l]!), x) as tf.Tensor2D;
        });
        let h = x0;
        for (const layer of deep) h = tf.relu(layer.apply(h)) as tf.Tensor2D;
        return final.apply(tf.concat([x, h], 1) as tf.Tensor2D);
      }),
    dispose: () => store.dispose(),
  };
}
