// Supernet paths built from values: an architecture as a one-op path, and the full supernet path (§7, §8.1).
import type { Arch, PathBlock, SpaceConfig, SupernetPath } from './types.ts';

const range = (n: number) => Array.from({ length: n }, (_, j) => j);

/** The path of one architecture: one dense and one sparse op per block, everything else as chosen. */
export function archToPath(arch: Arch): SupernetPath {
  return arch.blocks.map(({ denseOp, sparseOp, denseIdx, sparseIdx, ...rest }) => ({
    ...rest,
    denseIdx: [...denseIdx],
    sparseIdx: [...sparseIdx],
    denseOps: [denseOp],
    sparseOps: [sparseOp],
  }));
}

/** The full macro choice of block i (§8.1): every input 0..i on every stream, and on both binary slots. */
export function fullMacro(i: number): Pick<PathBlock, 'denseIdx' | 'sparseIdx' | 'left' | 'right' | 'leftRightAll'> {
  return { denseIdx: range(i + 1), sparseIdx: range(i + 1), left: 0, right: i, leftRightAll: true };
}

/**
 * The full micro choice (§8.1, `_get_full_path_choice`): every enabled op, the largest widths, and both
 * interaction modules on (off when the space has them off).
 */
export function fullMicro(space: SpaceConfig): Omit<PathBlock, 'denseIdx' | 'sparseIdx' | 'left' | 'right' | 'leftRightAll'> {
  return {
    denseOps: [...space.denseOps],
    sparseOps: [...space.sparseOps],
    denseDim: space.denseDims[space.denseDims.length - 1] ?? 0,
    sparseDim: space.sparseDims[space.sparseDims.length - 1] ?? 0,
    interact: space.interactionModules,
    deepFm: space.interactionModules,
  };
}

/** The whole supernet as one path: what a full-path warm-up step runs (§8.1). */
export function fullPath(space: SpaceConfig): SupernetPath {
  return range(space.blocks).map((i) => ({ ...fullMacro(i), ...fullMicro(space) }));
}
