// Hand-designed baselines written as named architectures of a space (DLRM-like, DeepFM-like), where it can express them.
import { makeArch } from './arch.ts';
import type { Arch, ArchBlock, SpaceConfig } from './types.ts';

/** A baseline the space can express, or the reason it cannot. */
export type NamedArch = { name: string; arch: Arch } | { name: string; reason: string };

/** The middle width choice (a hand designer's moderate width, not the search's largest). */
function middle(choices: readonly number[]): number {
  return [...choices].sort((a, b) => a - b)[Math.floor((choices.length - 1) / 2)]!;
}

function block(space: SpaceConfig, fields: Partial<ArchBlock> & Pick<ArchBlock, 'denseOp' | 'denseIdx'>): ArchBlock {
  return {
    sparseIdx: [0],
    left: 0,
    right: 0,
    sparseOp: space.sparseOps.includes('efc') ? 'efc' : space.sparseOps[0]!,
    denseDim: middle(space.denseDims),
    sparseDim: middle(space.sparseDims),
    interact: false,
    deepFm: false,
    ...fields,
  };
}

/**
 * DLRM-like: a bottom MLP on the dense features (block 0, FC), the DLRM dot-product interaction of its output
 * with the raw embeddings (block 1, DP), then a top MLP (FC blocks). The sparse stream of every block is an
 * EFC of the raw embeddings; the final layer reads the last block's dense and sparse outputs (NASREC.md §3).
 */
export function dlrmLike(space: SpaceConfig): NamedArch {
  const name = 'DLRM-like';
  if (!space.denseOps.includes('fc') || !space.denseOps.includes('dp')) return { name, reason: 'needs the FC and Dot-Product dense operators' };
  const n = space.blocks;
  const dpAt = n === 1 ? 0 : 1;
  const blocks = Array.from({ length: n }, (_, i) =>
    i === dpAt ? block(space, { denseOp: 'dp', denseIdx: [i] }) : block(space, { denseOp: 'fc', denseIdx: [i] }),
  );
  return { name, arch: makeArch(blocks, space) };
}

/**
 * DeepFM-like: an MLP of FC blocks over the dense features with the FM module (sparse→dense, `deep_fm`) of each
 * block's embedding projection added into it, so factorization-machine interactions of the embeddings reach
 * every layer. Needs FC and the interaction modules.
 */
export function deepFmLike(space: SpaceConfig): NamedArch {
  const name = 'DeepFM-like';
  if (!space.denseOps.includes('fc')) return { name, reason: 'needs the FC dense operator' };
  if (!space.interactionModules) return { name, reason: 'needs the interaction modules (FM)' };
  const blocks = Array.from({ length: space.blocks }, (_, i) => block(space, { denseOp: 'fc', denseIdx: [i], deepFm: true }));
  return { name, arch: makeArch(blocks, space) };
}

/** Every named-architecture baseline of a space, in a fixed order. */
export function namedBaselines(space: SpaceConfig): NamedArch[] {
  return [dlrmLike(space), deepFmLike(space)];
}
