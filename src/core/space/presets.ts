// The search-space presets as data (NASREC.md §0, §4): playground scale, and the paper's own scale for cost counting.
import type { PresetName, SpaceConfig } from './types.ts';

/** Dense widths of the paper's spaces (`dense_node_dims`, §4). */
export const PAPER_DENSE_DIMS: readonly number[] = [16, 32, 64, 128, 256, 512, 768, 1024];
/** Sparse row choices of the paper's spaces (`sparse_node_dims`, §4). */
export const PAPER_SPARSE_DIMS: readonly number[] = [16, 32, 48, 64];
/** Embedding dimension of every NASRec model (§2.3). */
export const PAPER_EMBEDDING_DIM = 16;

function deepFreeze<T extends object>(value: T): Readonly<T> {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

/**
 * Playground presets (§0): `full` = NASRec-Full ("xlarge"), `small` = NASRec-Small ("autoctr": FC, DP, EFC),
 * `tiny` = a 3-block teaching space. Frozen: copy with `presetSpace(name)` before editing.
 */
export const SPACE_PRESETS: Readonly<Record<PresetName, SpaceConfig>> = deepFreeze({
  full: {
    preset: 'full',
    blocks: 7,
    denseOps: ['fc', 'sg', 'sum', 'dp'],
    sparseOps: ['efc', 'attn'],
    denseDims: [16, 32, 64, 128, 256],
    sparseDims: [8, 16, 24, 32],
    interactionModules: true,
    maxInputs: 4,
    embeddingDim: 16,
  },
  small: {
    preset: 'small',
    blocks: 7,
    denseOps: ['fc', 'dp'],
    sparseOps: ['efc'],
    denseDims: [16, 32, 64, 128, 256],
    sparseDims: [8, 16, 24, 32],
    interactionModules: true,
    maxInputs: 4,
    embeddingDim: 16,
  },
  tiny: {
    preset: 'tiny',
    blocks: 3,
    denseOps: ['fc', 'sg', 'sum', 'dp'],
    sparseOps: ['efc', 'attn'],
    denseDims: [16, 32, 64],
    sparseDims: [8, 16],
    interactionModules: true,
    maxInputs: 4,
    embeddingDim: 8,
  },
});

/** A fresh, mutable copy of a space (arrays included). */
export function copySpace(space: SpaceConfig): SpaceConfig {
  return {
    ...space,
    denseOps: [...space.denseOps],
    sparseOps: [...space.sparseOps],
    denseDims: [...space.denseDims],
    sparseDims: [...space.sparseDims],
  };
}

/** A fresh, mutable copy of a preset. */
export function presetSpace(name: PresetName): SpaceConfig {
  return copySpace(SPACE_PRESETS[name]);
}

/**
 * The same preset at the paper's scale (§4): dense widths 16…1024, sparse rows 16…64, E = 16; blocks, ops,
 * flags and maxInputs unchanged. `preset` keeps the name it started from. For cost counting (§7, §12.2).
 */
export function paperScale(preset: PresetName): SpaceConfig {
  return {
    ...presetSpace(preset),
    denseDims: [...PAPER_DENSE_DIMS],
    sparseDims: [...PAPER_SPARSE_DIMS],
    embeddingDim: PAPER_EMBEDDING_DIM,
  };
}
