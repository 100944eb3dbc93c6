// Sentences describing a block of an architecture, for tooltips and screen readers.
import type { PathBlock } from '../../core/space/types.ts';
import { usesDenseIdx, usesLeftRight } from '../arch/liveBlocks.ts';
import { OP_STYLES } from '../ops.ts';

/** "the raw input" / "block 2" for input index j (0 = raw input, j ≥ 1 = block j). */
export function inputName(j: number): string {
  return j === 0 ? 'the raw input' : `block ${j}`;
}

function names(idx: readonly number[]): string {
  return idx.length === 0 ? 'nothing' : idx.map(inputName).join(', ');
}

/** One paragraph about block `i` (0-based; shown 1-based): ops, widths, inputs, interaction modules. */
export function describeBlock(block: PathBlock, i: number, dead: boolean): string {
  const dense = block.denseOps.map((op) => OP_STYLES[op].name).join(' + ');
  const sparse = block.sparseOps.map((op) => OP_STYLES[op].name).join(' + ');
  const parts = [`Block ${i + 1}${dead ? ' (unused: the output does not depend on it)' : ''}.`];
  parts.push(`Dense: ${dense}, width ${block.denseDim}.`);
  if (usesDenseIdx(block)) parts.push(`Dense inputs: ${names(block.denseIdx)}.`);
  if (usesLeftRight(block)) {
    parts.push(block.leftRightAll ? 'Left and right: every earlier input.' : `Left: ${inputName(block.left)}; right: ${inputName(block.right)}.`);
  }
  parts.push(`Sparse: ${sparse}, ${block.sparseDim} rows, inputs: ${names(block.sparseIdx)}.`);
  parts.push(`Dense→sparse module ${block.interact ? 'on' : 'off'}; FM (sparse→dense) ${block.deepFm ? 'on' : 'off'}.`);
  return parts.join(' ');
}
