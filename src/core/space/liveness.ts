// Which parts of an architecture or path feed the logit (NASREC.md §3 "Consequence", §12.2: dead code is not counted).
import { archToPath } from './path.ts';
import type { Arch, PathBlock, SupernetPath } from './types.ts';

/** What of one block the logit depends on. */
export interface BlockLiveness {
  /** Some output of the block reaches the logit. */
  live: boolean;
  /** Its dense op(s) run for the logit: the dense output is read, or the dense→sparse rows are. */
  dense: boolean;
  /** Its sparse op(s) run for the logit: the sparse output is read, or its FM reads them. */
  sparse: boolean;
  /** The sparse→dense FM runs for the logit. */
  fm: boolean;
  /** The dense→sparse projection runs for the logit. */
  interact: boolean;
}

/** Whether a block's dense inputs (`denseIdx`) are read: only FC and Dot-Product read them. */
export const readsDenseIdx = (b: PathBlock): boolean => b.denseOps.some((op) => op === 'fc' || op === 'dp');
/** Whether a block's left/right inputs are read: only Sum and Sigmoid-Gating read them. */
export const readsLeftRight = (b: PathBlock): boolean => b.denseOps.some((op) => op === 'sum' || op === 'sg');
const readsSparseIdx = (b: PathBlock) => b.denseOps.includes('dp');

/** Inputs (0 = raw, j ≥ 1 = block j−1) of the binary ops' left and right slots. */
export function leftRightInputs(b: PathBlock, i: number): number[] {
  return b.leftRightAll ? Array.from({ length: i + 1 }, (_, j) => j) : [b.left, b.right];
}

/**
 * Stream-level liveness, as a tracer's dead-code elimination sees the graph: walking back from the logit
 * (which reads the last block's dense and sparse outputs), a dense output is needed by FC/DP (`denseIdx`)
 * and Sum/SG (left/right) of live consumers, a sparse output by sparse ops and DP (`sparseIdx`); inside a
 * block the dense→sparse rows need the dense op, and the FM needs the sparse op (§5.1).
 */
export function pathLiveness(path: SupernetPath): BlockLiveness[] {
  const n = path.length;
  const denseUsed = new Array<boolean>(n + 1).fill(false);
  const sparseUsed = new Array<boolean>(n + 1).fill(false);
  denseUsed[n] = sparseUsed[n] = true;
  const out = new Array<BlockLiveness>(n);
  for (let i = n - 1; i >= 0; i--) {
    const b = path[i]!;
    const interact = b.interact && sparseUsed[i + 1]!;
    const dense = denseUsed[i + 1]! || interact;
    const fm = b.deepFm && dense;
    const sparse = sparseUsed[i + 1]! || fm;
    if (dense) {
      if (readsDenseIdx(b)) for (const j of b.denseIdx) denseUsed[j] = true;
      if (readsSparseIdx(b)) for (const j of b.sparseIdx) sparseUsed[j] = true;
      if (readsLeftRight(b)) for (const j of leftRightInputs(b, i)) denseUsed[j] = true;
    }
    if (sparse) for (const j of b.sparseIdx) sparseUsed[j] = true;
    out[i] = { live: dense || sparse, dense, sparse, fm, interact };
  }
  return out;
}

/**
 * Blocks the last block does not reach through inputs it uses (§3): dense inputs count only for FC/DP,
 * left/right only for Sum/SG, sparse inputs always (sparse op and DP). The last block is always live.
 * @returns dead block indices, ascending (the released Criteo NASRec-Full model: [3, 4, 5])
 */
export function deadBlocks(arch: Arch): number[] {
  const path = archToPath(arch);
  const live = path.map(() => false);
  const stack = path.length > 0 ? [path.length - 1] : [];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (live[i]) continue;
    live[i] = true;
    const b = path[i]!;
    const used = [...b.sparseIdx, ...(readsDenseIdx(b) ? b.denseIdx : []), ...(readsLeftRight(b) ? leftRightInputs(b, i) : [])];
    for (const j of used) if (j >= 1 && !live[j - 1]) stack.push(j - 1);
  }
  return live.flatMap((alive, i) => (alive ? [] : [i]));
}
