// Which blocks of a path feed the output (NASREC.md §3 "dead code"). Pure: no DOM, no React.
import type { ArchBlock, PathBlock } from '../../core/space/types.ts';

/** Whether a block's dense inputs (`denseIdx`) are read: only FC and Dot-Product read them. */
export function usesDenseIdx(block: PathBlock): boolean {
  return block.denseOps.some((op) => op === 'fc' || op === 'dp');
}

/** Whether a block's left/right inputs are read: only Sum and Sigmoid-Gating read them. */
export function usesLeftRight(block: PathBlock): boolean {
  return block.denseOps.some((op) => op === 'sum' || op === 'sg');
}

/**
 * Marks every block the last block reaches through inputs it actually uses (sparse inputs always,
 * dense inputs for FC/DP, left/right for Sum/SG). Input index 0 is the raw input; j ≥ 1 is block j−1.
 * @returns alive[i] for block i; the last block is always alive.
 */
export function liveBlocks(blocks: readonly PathBlock[]): boolean[] {
  const alive = blocks.map(() => false);
  const stack: number[] = blocks.length > 0 ? [blocks.length - 1] : [];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const block = blocks[i];
    if (alive[i] || !block) continue;
    alive[i] = true;
    for (const j of usedInputs(block, i)) if (j >= 1) stack.push(j - 1);
  }
  return alive;
}

/** Input indices block `i` reads, each once (0 = raw input). `leftRightAll` (full path) feeds Sum/SG every input 0..i. */
export function usedInputs(block: PathBlock, i: number): number[] {
  const used = new Set(block.sparseIdx);
  if (usesDenseIdx(block)) for (const j of block.denseIdx) used.add(j);
  if (usesLeftRight(block)) {
    if (block.leftRightAll) for (let j = 0; j <= i; j++) used.add(j);
    used.add(block.left);
    used.add(block.right);
  }
  return [...used].sort((a, b) => a - b);
}

/** An architecture's block as a one-op path block, so one graph draws both. */
export function pathBlockOf(block: ArchBlock): PathBlock {
  const { denseOp, sparseOp, ...rest } = block;
  return { ...rest, denseOps: [denseOp], sparseOps: [sparseOp] };
}
