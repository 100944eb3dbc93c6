// A standalone ("fixed") network built from one Arch with fresh weights (NASREC.md §5, §5.1, §11).
import * as tf from '@tensorflow/tfjs';
import { INTERACT_ROWS } from '../space/types.ts';
import type { Arch, InputShape, SpaceConfig } from '../space/types.ts';
import { ConstCache } from './constants.ts';
import { flattenFeatures, prepareInputs } from './inputs.ts';
import { createLinear } from './layers.ts';
import { deadBlocks } from '../space/liveness.ts';
import { nextNetPrefix, ParamStore } from './params.ts';
import { createStandaloneBlock } from './standaloneBlock.ts';
import type { StandaloneBlock, StreamWidths } from './standaloneBlock.ts';
import type { NasrecStandalone, NetOptions } from './types.ts';

/** Output widths of every stream index of an arch: 0 = raw input, j ≥ 1 = block j−1 (rows include the 8 interact rows). */
export function standaloneWidths(arch: Arch, input: InputShape): StreamWidths {
  return {
    dense: [input.dense, ...arch.blocks.map((b) => b.denseDim)],
    rows: [input.sparse, ...arch.blocks.map((b) => b.sparseDim + (b.interact ? INTERACT_ROWS : 0))],
  };
}

/**
 * Builds the network of `arch` with the true input widths of each block. Dead blocks (§3) get no parameters and
 * are not computed. `options.layerNorm` is off for the final model (§11); the attention's inner LNs always exist.
 */
export function createStandalone(arch: Arch, space: SpaceConfig, input: InputShape, options: NetOptions): NasrecStandalone {
  if (arch.blocks.length !== space.blocks)
    throw new RangeError(`arch has ${arch.blocks.length} blocks, the space has ${space.blocks}`);
  const store = new ParamStore(nextNetPrefix('standalone'), options.rng);
  const consts = new ConstCache();
  const widths = standaloneWidths(arch, input);
  const dead = new Set(deadBlocks(arch));
  const live = arch.blocks.map((_, i) => !dead.has(i));
  const blocks: (StandaloneBlock | null)[] = arch.blocks.map((b, i) =>
    live[i]
      ? createStandaloneBlock(store, consts, b, widths, { index: i, embeddingDim: space.embeddingDim, layerNorm: options.layerNorm })
      : null,
  );
  const n = arch.blocks.length;
  const final = createLinear(store, 'final', (widths.dense[n] ?? 0) + (widths.rows[n] ?? 0) * space.embeddingDim, 1, true);

  return {
    arch,
    input,
    layerNorm: options.layerNorm,
    live,
    get variables() {
      return store.variables;
    },
    get params() {
      return store.params;
    },
    forward: (dense0, sparse0) =>
      tf.tidy(() => {
        const denseList: (tf.Tensor2D | null)[] = [dense0];
        const sparseList: (tf.Tensor3D | null)[] = [prepareInputs(dense0, sparse0, input, space.embeddingDim)];
        for (const block of blocks) {
          const out = block === null ? null : block.forward(denseList, sparseList);
          denseList.push(out?.dense ?? null);
          sparseList.push(out?.sparse ?? null);
        }
        return final.apply(flattenFeatures(denseList[n]!, sparseList[n]!));
      }),
    dispose() {
      store.dispose();
      consts.dispose();
    },
  };
}
