// One evolution mutation of an architecture (NASREC.md §10.1, `Tokenizer.mutate_spec`): resample one field of one block.
import type { Rng } from '../rng.ts';
import { makeArch } from './arch.ts';
import { chooseDistinct, pick } from './draws.ts';
import type { Arch, ArchBlock, SpaceConfig } from './types.ts';

/** Connection fields a macro mutation resamples (`dense_idx`, `sparse_idx`, `dense_left_idx`, `dense_right_idx`). */
export const MACRO_FIELDS = ['denseIdx', 'sparseIdx', 'left', 'right'] as const;
/** Operator and width fields a micro mutation resamples. */
export const MICRO_FIELDS = ['denseOp', 'sparseOp', 'denseDim', 'sparseDim', 'interact', 'deepFm'] as const;

export type MacroField = (typeof MACRO_FIELDS)[number];
export type MicroField = (typeof MICRO_FIELDS)[number];
/** An ArchBlock field a mutation may change: every field of a block. */
export type MutableField = MacroField | MicroField;

/** A fresh draw of one field of block i, with sampleArch's distribution (§10.1). */
function redraw(field: MutableField, i: number, space: SpaceConfig, rng: Rng): ArchBlock[MutableField] {
  const n = i + 1;
  switch (field) {
    case 'denseIdx':
    case 'sparseIdx':
      // Input count uniform on 1..min(i+1, maxInputs), then that many distinct inputs, ascending.
      return chooseDistinct(rng, n, 1 + rng.int(0, Math.min(n, space.maxInputs)));
    case 'left':
    case 'right':
      return rng.int(0, n);
    case 'denseOp':
      return pick(rng, space.denseOps);
    case 'sparseOp':
      return pick(rng, space.sparseOps);
    case 'denseDim':
      return pick(rng, space.denseDims);
    case 'sparseDim':
      return pick(rng, space.sparseDims);
    case 'interact':
    case 'deepFm':
      return space.interactionModules && rng.bernoulli(0.5);
  }
}

/**
 * One mutation (§10.1, `Tokenizer.mutate_spec`): a uniform block, then macro or micro with probability ½ each;
 * macro resamples one of MACRO_FIELDS (¼ each), micro one of MICRO_FIELDS (⅙ each), drawn as sampleArch draws it.
 * The field probabilities do not depend on the space, as in the official code: a field with a single choice
 * (the sparse op of Small; the flags when `interactionModules` is off) is still picked and redrawn to itself.
 * Deviation: the official micro mutation redraws `active_nodes` (dense and sparse op together) as one field;
 * here each op is its own field, so one mutation changes at most one ArchBlock field.
 *
 * A redraw may return the value already there: the mutation is then a no-op (`arch` equals the input),
 * as in the official code. Callers that need a new architecture (the evolution) mutate again.
 * @param arch a valid architecture of `space`; not modified
 * @returns the mutated architecture (validated by makeArch), the 0-based block and the field that was resampled
 */
export function mutateArch(arch: Arch, space: SpaceConfig, rng: Rng): { arch: Arch; block: number; field: MutableField } {
  const block = rng.int(0, space.blocks);
  const field: MutableField = rng.bernoulli(0.5) ? pick(rng, MACRO_FIELDS) : pick(rng, MICRO_FIELDS);
  const blocks = arch.blocks.map((b, i) => (i === block ? { ...b, [field]: redraw(field, i, space, rng) } : b));
  return { arch: makeArch(blocks, space), block, field };
}
