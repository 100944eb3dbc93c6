// Path sampling for supernet training (NASREC.md §8.1) and random architectures for the evolution's first population (§10.1).
import type { Rng } from '../rng.ts';
import { makeArch } from './arch.ts';
import { binomialHalf, chooseDistinct, chooseSubset, pick } from './draws.ts';
import { fullMacro, fullMicro } from './path.ts';
import type { Arch, ArchBlock, PathBlock, SamplingStrategy, SpaceConfig, SupernetPath } from './types.ts';
import { validateSpace } from './validateSpace.ts';

type Macro = Pick<PathBlock, 'denseIdx' | 'sparseIdx' | 'left' | 'right' | 'leftRightAll'>;
type Micro = Omit<PathBlock, keyof Macro>;

/** The official any-path sampler caps the number of simultaneously active ops at 4 (`anypath_choice_fn`). */
const MAX_ANY_PATH_OPS = 4;

/**
 * Full-path warm-up probability at step t (§8.1): p_t = 1 − t/T for 0 ≤ t < T, else 0. (The official counter
 * also counts the lazy warm-up forward and treats its own t = 0 as 0; we take the step index as t, so p_0 = 1.)
 */
export function warmupProbability(step: number, warmupSteps: number): number {
  return warmupSteps > 0 && step < warmupSteps ? 1 - Math.max(0, step) / warmupSteps : 0;
}

/** any-connection macro: k = 1 + Binomial(min(n−1, maxInputs−1), ½) distinct inputs per stream; left/right uniform, with replacement. */
function anyMacro(space: SpaceConfig, rng: Rng, i: number): Macro {
  const n = i + 1;
  const draws = Math.min(n - 1, space.maxInputs - 1);
  const denseIdx = chooseDistinct(rng, n, 1 + binomialHalf(rng, draws));
  const sparseIdx = chooseDistinct(rng, n, 1 + binomialHalf(rng, draws));
  return { denseIdx, sparseIdx, left: rng.int(0, n), right: rng.int(0, n) };
}

/** single-path macro: one uniform input per stream, left/right uniform. */
function singleMacro(rng: Rng, i: number): Macro {
  const n = i + 1;
  return { denseIdx: [rng.int(0, n)], sparseIdx: [rng.int(0, n)], left: rng.int(0, n), right: rng.int(0, n) };
}

/** The ops given, then widths and flags drawn uniformly (flags off when the space has the interaction modules off). */
function micro(space: SpaceConfig, rng: Rng, denseOps: PathBlock['denseOps'], sparseOps: PathBlock['sparseOps']): Micro {
  const on = space.interactionModules;
  return {
    denseOps,
    sparseOps,
    denseDim: pick(rng, space.denseDims),
    sparseDim: pick(rng, space.sparseDims),
    interact: on && rng.bernoulli(0.5),
    deepFm: on && rng.bernoulli(0.5),
  };
}

/** single-operator micro: one dense op and one sparse op, uniform. */
function singleMicro(space: SpaceConfig, rng: Rng): Micro {
  return micro(space, rng, [pick(rng, space.denseOps)], [pick(rng, space.sparseOps)]);
}

/** any-path micro: 1 + Binomial(min(#ops−1, 3), ½) distinct ops per stream, kept in space order (summed, §7). */
function anyMicro(space: SpaceConfig, rng: Rng): Micro {
  const count = (ops: readonly unknown[]) => 1 + binomialHalf(rng, Math.min(ops.length, MAX_ANY_PATH_OPS) - 1);
  const denseOps = chooseSubset(rng, space.denseOps, count(space.denseOps));
  return micro(space, rng, denseOps, chooseSubset(rng, space.sparseOps, count(space.sparseOps)));
}

/** One path block from its two halves (explicit fields: object spreads of mixed shapes are slow in a hot loop). */
function join(m: Macro, u: Micro): PathBlock {
  const { denseIdx, sparseIdx, left, right } = m;
  const { denseOps, sparseOps, denseDim, sparseDim, interact, deepFm } = u;
  const block: PathBlock = { denseIdx, sparseIdx, left, right, denseOps, sparseOps, denseDim, sparseDim, interact, deepFm };
  if (m.leftRightAll) block.leftRightAll = true;
  return block;
}

/**
 * Samples the path of one supernet training step (§8.1). Strategies: 'single-op-any-connection' (NASRec
 * default: any-connection macro + single-operator micro), 'single-path', 'any-path', 'full-path'.
 * Full-path warm-up: while step t < T, with p_t = 1 − t/T the full supernet runs instead; as in the official
 * code the macro decision (one draw for all blocks) and each block's micro decision are separate Bernoulli(p_t)
 * draws. A full macro connects every input to every stream and to both binary slots (`leftRightAll`); a full
 * micro enables every op at the largest widths with both interaction modules on.
 * @param space a valid space (not re-validated here: this runs every training step; see validateSpace)
 * @returns the path, and `full` = true when every one of those draws came out full
 */
export function samplePath(
  space: SpaceConfig,
  rng: Rng,
  strategy: SamplingStrategy,
  options: { step?: number; fullPathWarmupSteps?: number } = {},
): { path: SupernetPath; full: boolean } {
  const blocks = Array.from({ length: space.blocks }, (_, i) => i);
  if (strategy === 'full-path') return { path: blocks.map((i) => join(fullMacro(i), fullMicro(space))), full: true };
  const p = warmupProbability(options.step ?? 0, options.fullPathWarmupSteps ?? 0);
  const warm = () => p > 0 && rng.bernoulli(p);
  const macroFull = warm();
  const macros = blocks.map((i) => (macroFull ? fullMacro(i) : strategy === 'single-path' ? singleMacro(rng, i) : anyMacro(space, rng, i)));
  let full = macroFull;
  const path = blocks.map((i) => {
    const microFull = warm();
    full &&= microFull;
    return join(macros[i]!, microFull ? fullMicro(space) : strategy === 'any-path' ? anyMicro(space, rng) : singleMicro(space, rng));
  });
  return { path, full };
}

/**
 * A uniformly random architecture as the evolution's initial population draws it (§10.1, `fixed-path`):
 * input counts uniform on 1..min(i+1, maxInputs) per stream, distinct inputs, left/right uniform, one op per
 * stream, widths and flags uniform.
 */
export function sampleArch(space: SpaceConfig, rng: Rng): Arch {
  validateSpace(space);
  const blocks = Array.from({ length: space.blocks }, (_, i): ArchBlock => {
    const n = i + 1;
    const most = Math.min(n, space.maxInputs);
    const denseIdx = chooseDistinct(rng, n, 1 + rng.int(0, most));
    const sparseIdx = chooseDistinct(rng, n, 1 + rng.int(0, most));
    const left = rng.int(0, n);
    const right = rng.int(0, n);
    const { denseOps, sparseOps, denseDim, sparseDim, interact, deepFm } = singleMicro(space, rng);
    return { denseIdx, sparseIdx, left, right, denseOp: denseOps[0]!, sparseOp: sparseOps[0]!, denseDim, sparseDim, interact, deepFm };
  });
  return makeArch(blocks, space);
}
