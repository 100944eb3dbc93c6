// Which blocks of a path feed the output, for drawing (NASREC.md §3 "dead code"); the rules live in core/space.
import { pathLiveness, readsDenseIdx, readsLeftRight } from '../../core/space/index.ts';
import type { ArchBlock, PathBlock } from '../../core/space/types.ts';

export { readsDenseIdx as usesDenseIdx, readsLeftRight as usesLeftRight };

/** alive[i] for block i: some output of it reaches the logit (stream-level, as core's cost model sees it). */
export function liveBlocks(blocks: readonly PathBlock[]): boolean[] {
  return pathLiveness(blocks).map((b) => b.live);
}

/** An architecture's block as a one-op path block, so one graph draws both. */
export function pathBlockOf(block: ArchBlock): PathBlock {
  const { denseOp, sparseOp, ...rest } = block;
  return { ...rest, denseOps: [denseOp], sparseOps: [sparseOp] };
}
