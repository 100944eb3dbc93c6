// The widths of an architecture unrolled for code generation (NASREC.md §3, §5, §5.1): per-block input widths,
// which projections exist, which blocks and ops the logit depends on. Pure arithmetic (no tfjs), the same rules as
// model/standaloneBlock.ts.
import { dpPairs, dpRows } from '../../model/widths.ts';
import { deadBlocks } from '../../space/liveness.ts';
import { INTERACT_ROWS, type Arch, type ArchBlock, type InputShape } from '../../space/types.ts';

/** One block as the generated code builds it. */
export interface BlockPlan {
  index: number;
  block: ArchBlock;
  /** False for a dead block (§3): omitted from the generated module, as from our standalone network. */
  live: boolean;
  /** Width of the concatenated dense inputs (`denseIdx`) and rows of the concatenated sparse inputs (`sparseIdx`). */
  denseIn: number;
  rowsIn: number;
  leftDim: number;
  rightDim: number;
  /** Rows of the block's sparse output: sparseDim, plus 8 with the dense→sparse module. */
  rowsOut: number;
  /** Dot-Product rows P and pair count (when the dense op is DP). */
  dpRows: number;
  dpPairs: number;
  /** The dense→sparse module projects the pre-FM output (d ≠ 8·E); otherwise it reshapes the post-FM output (§5.1). */
  d2sProjects: boolean;
  /**
   * Ops of a live block whose output the logit does not depend on (`fc`, `efc`, `fm`, `d2s`…): they run, as in the
   * official eager model, but their weights get no gradient (a block can be live through one stream only, §3).
   */
  unusedOps: string[];
  /** Whether a later block (or the final layer) reads this block's dense and sparse outputs. */
  denseRead: boolean;
  sparseRead: boolean;
}

export interface NetPlan {
  input: InputShape;
  embeddingDim: number;
  /** Stream widths: index 0 = raw input, j ≥ 1 = block j−1. */
  denseWidths: number[];
  rowWidths: number[];
  blocks: BlockPlan[];
  /** The final layer reads dense [B, finalDense] and sparse [B, finalRows, E]. */
  finalDense: number;
  finalRows: number;
}

/**
 * Per block, the ops whose output reaches the logit, walking back from it: a dense output is read by FC/DP
 * (`denseIdx`) and Sum/SG (left, right), a sparse output by the sparse op and DP (`sparseIdx`). Inside a block the
 * dense→sparse rows need the dense op, and the FM too only when the module is the identity (it reads the post-FM
 * output; a projection reads the pre-FM one, §5.1). space/liveness.ts's pathLiveness does not make that last
 * distinction (it counts such an FM as used), which does not change which blocks live.
 */
function usage(arch: Arch, embeddingDim: number): { unused: string[][]; denseRead: boolean[]; sparseRead: boolean[] } {
  const n = arch.blocks.length;
  const denseRead = new Array<boolean>(n + 1).fill(false);
  const sparseRead = new Array<boolean>(n + 1).fill(false);
  denseRead[n] = sparseRead[n] = true;
  const out: string[][] = new Array<string[]>(n);
  for (let i = n - 1; i >= 0; i--) {
    const b = arch.blocks[i]!;
    const d2s = b.interact && sparseRead[i + 1]!;
    const fm = b.deepFm && (denseRead[i + 1]! || (d2s && b.denseDim === INTERACT_ROWS * embeddingDim));
    const dense = denseRead[i + 1]! || d2s;
    const sparse = sparseRead[i + 1]! || fm;
    if (dense && (b.denseOp === 'fc' || b.denseOp === 'dp')) for (const j of b.denseIdx) denseRead[j] = true;
    if (dense && (b.denseOp === 'sum' || b.denseOp === 'sg')) denseRead[b.left] = denseRead[b.right] = true;
    if (sparse || (dense && b.denseOp === 'dp')) for (const j of b.sparseIdx) sparseRead[j] = true;
    out[i] = [...(dense ? [] : [b.denseOp]), ...(sparse ? [] : [b.sparseOp]), ...(b.deepFm && !fm ? ['fm'] : []), ...(b.interact && !d2s ? ['d2s'] : [])];
  }
  return { unused: out, denseRead, sparseRead };
}

/** Unrolls `arch` over the input shape. */
export function netPlan(arch: Arch, input: InputShape, embeddingDim: number): NetPlan {
  const denseWidths = [input.dense, ...arch.blocks.map((b) => b.denseDim)];
  const rowWidths = [input.sparse, ...arch.blocks.map((b) => b.sparseDim + (b.interact ? INTERACT_ROWS : 0))];
  const dead = new Set(deadBlocks(arch));
  const { unused, denseRead, sparseRead } = usage(arch, embeddingDim);
  const sum = (idx: readonly number[], w: readonly number[]) => idx.reduce((a, j) => a + w[j]!, 0);
  const blocks = arch.blocks.map((block, index): BlockPlan => {
    const p = dpRows(block.denseDim);
    return {
      index,
      block,
      live: !dead.has(index),
      denseIn: sum(block.denseIdx, denseWidths),
      rowsIn: sum(block.sparseIdx, rowWidths),
      leftDim: denseWidths[block.left]!,
      rightDim: denseWidths[block.right]!,
      rowsOut: rowWidths[index + 1]!,
      dpRows: p,
      dpPairs: dpPairs(p),
      d2sProjects: block.denseDim !== INTERACT_ROWS * embeddingDim,
      unusedOps: dead.has(index) ? [] : unused[index]!,
      denseRead: denseRead[index + 1]!,
      sparseRead: sparseRead[index + 1]!,
    };
  });
  const n = arch.blocks.length;
  return { input, embeddingDim, denseWidths, rowWidths, blocks, finalDense: denseWidths[n]!, finalRows: rowWidths[n]! };
}
