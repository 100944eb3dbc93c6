// The weight-sharing supernet (NASREC.md §3, §7): every op allocated once at maximum size, paths chosen per call.
import * as tf from '@tensorflow/tfjs';
import type { InputShape, SpaceConfig, SupernetPath } from '../space/types.ts';
import { ConstCache } from './constants.ts';
import { flattenFeatures, prepareInputs } from './inputs.ts';
import { createLinear } from './layers.ts';
import { nextNetPrefix, ParamStore } from './params.ts';
import { createSupernetBlock } from './supernetBlock.ts';
import type { NasrecSupernet, NetOptions } from './types.ts';
import { validatePath } from './validatePath.ts';
import { supernetWidths } from './widths.ts';

/**
 * Builds the supernet of `space` for inputs of shape `input`. Weights are drawn from `options.rng` in creation
 * order (blocks 0.., each in DENSE_OPS then SPARSE_OPS order, FM, dense→sparse; then the final layer).
 * Every tensor shape of a forward pass depends only on the batch size, never on the path (§0, §14).
 */
export function createSupernet(space: SpaceConfig, input: InputShape, options: NetOptions): NasrecSupernet {
  if (space.blocks < 1) throw new RangeError(`a supernet needs at least one block, got ${space.blocks}`);
  const store = new ParamStore(nextNetPrefix('supernet'), options.rng);
  const consts = new ConstCache();
  const widths = supernetWidths(space, input);
  const blocks = Array.from({ length: space.blocks }, (_, i) =>
    createSupernetBlock(store, consts, space, widths, i, options.layerNorm),
  );
  // §7 "Final layer": Linear(Dmax + (Smax + 8)·E → 1), with bias, no sigmoid.
  const final = createLinear(store, 'final', widths.featureWidth, 1, true);

  const features = (dense0: tf.Tensor2D, sparse0: tf.Tensor3D, path: SupernetPath): tf.Tensor2D => {
    validatePath(path, space, widths);
    return tf.tidy(() => {
      const denseList: tf.Tensor2D[] = [dense0];
      const sparseList: tf.Tensor3D[] = [prepareInputs(dense0, sparse0, input, space.embeddingDim)];
      blocks.forEach((block, i) => {
        const out = block.forward(denseList, sparseList, path[i]!);
        denseList.push(out.dense);
        sparseList.push(out.sparse);
      });
      // Only the last block feeds the logit (§3 "Output").
      return flattenFeatures(denseList[space.blocks]!, sparseList[space.blocks]!);
    });
  };
  const head = (feats: tf.Tensor2D): tf.Tensor2D => final.apply(feats);

  return {
    space,
    input,
    layerNorm: options.layerNorm,
    featureWidth: widths.featureWidth,
    get variables() {
      return store.variables;
    },
    get params() {
      return store.params;
    },
    forward: (dense0, sparse0, path) => tf.tidy(() => head(features(dense0, sparse0, path))),
    features,
    head,
    finalLayerVariables: () => (final.b === null ? [final.w] : [final.w, final.b]),
    dispose() {
      store.dispose();
      consts.dispose();
    },
  };
}
