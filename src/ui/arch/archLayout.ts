// Geometry of the block graph: nodes on one row, dense edges arcing above, sparse edges below. Pure.
import type { PathBlock } from '../../core/space/types.ts';
import { liveBlocks, usesDenseIdx, usesLeftRight } from './liveBlocks.ts';

/** Rows inside a node, top to bottom (CSS pixels). */
export const NODE_ROWS = { denseOp: 22, title: 17, dims: 14, flags: 15, sparseOp: 22 } as const;
export const NODE_H = NODE_ROWS.denseOp + NODE_ROWS.title + NODE_ROWS.dims + NODE_ROWS.flags + NODE_ROWS.sparseOp;
const MARGIN_X = 8;
/** Room on the right for the "→ output" arrow. */
export const OUTPUT_W = 56;
const ARC_BASE = 12;
const ARC_PER_SPAN = 12;

export type EdgeKind = 'dense' | 'sparse' | 'left' | 'right' | 'leftright';

export interface EdgeLayout {
  key: string;
  kind: EdgeKind;
  /** Source input index (0 = raw input) and target block index. */
  from: number;
  to: number;
  /** SVG path `d`. */
  d: string;
  /** Whether the target reads this input (its op uses it) and the target is alive. */
  used: boolean;
  /** Where to put the "L"/"R" tag for left/right edges. */
  labelAt?: { x: number; y: number };
}

export interface NodeLayout {
  /** 0 = raw input, k ≥ 1 = block k−1. */
  index: number;
  x: number;
  y: number;
  width: number;
  alive: boolean;
}

export interface GraphLayout {
  width: number;
  height: number;
  nodes: NodeLayout[];
  edges: EdgeLayout[];
  /** Where the output arrow starts and ends (from the last block). */
  output: { x1: number; x2: number; y: number } | undefined;
}

/** Lays out the raw input and `blocks` in `width` pixels. */
export function layoutArch(blocks: readonly PathBlock[], width: number): GraphLayout {
  const columns = blocks.length + 1;
  const slot = Math.max((width - 2 * MARGIN_X - OUTPUT_W) / columns, 40);
  const nodeW = Math.min(136, slot - 14);
  const arcRoom = ARC_BASE + ARC_PER_SPAN * Math.max(blocks.length, 1) + 6;
  const top = arcRoom;
  const alive = liveBlocks(blocks);
  const nodes: NodeLayout[] = Array.from({ length: columns }, (_, k) => ({
    index: k,
    x: MARGIN_X + slot * k + (slot - nodeW) / 2,
    y: top,
    width: nodeW,
    alive: k === 0 ? true : (alive[k - 1] ?? false),
  }));
  const edges = blocks.flatMap((b, i) => blockEdges(b, i, nodes, alive[i] ?? false));
  const last = nodes[columns - 1];
  const output = blocks.length > 0 && last ? { x1: last.x + nodeW, x2: last.x + nodeW + OUTPUT_W - 8, y: top + NODE_H / 2 } : undefined;
  return { width, height: top + NODE_H + arcRoom, nodes, edges, output };
}

function blockEdges(block: PathBlock, i: number, nodes: NodeLayout[], alive: boolean): EdgeLayout[] {
  const target = nodes[i + 1];
  if (!target) return [];
  const edges: EdgeLayout[] = [];
  const dense = usesDenseIdx(block);
  const lr = usesLeftRight(block);
  for (const j of block.denseIdx) edges.push(arc('dense', j, i, nodes, target, 0.3, dense && alive));
  for (const j of block.sparseIdx) edges.push(arc('sparse', j, i, nodes, target, 0.3, alive));
  // Full path: Sum/SG read every input, the same arcs as the dense inputs; no separate L/R arcs.
  if (block.leftRightAll) return edges;
  if (block.left === block.right) edges.push(arc('leftright', block.left, i, nodes, target, 0.62, lr && alive));
  else {
    edges.push(arc('left', block.left, i, nodes, target, 0.55, lr && alive));
    edges.push(arc('right', block.right, i, nodes, target, 0.78, lr && alive));
  }
  return edges;
}

/** A cubic arc from input `j`'s node to block `i`'s node, above (dense side) or below (sparse side). */
function arc(kind: EdgeKind, j: number, i: number, nodes: NodeLayout[], target: NodeLayout, endAt: number, used: boolean): EdgeLayout {
  const source = nodes[j] ?? nodes[0];
  const below = kind === 'sparse';
  const sx = (source?.x ?? 0) + (source?.width ?? 0) * (below ? 0.15 : kind === 'dense' ? 0.12 : 0.2);
  const ex = target.x + target.width * endAt;
  const y = below ? target.y + NODE_H : target.y;
  const h = (ARC_BASE + ARC_PER_SPAN * (i + 1 - j)) * (below ? 1 : -1);
  const d = `M${sx},${y} C${sx},${y + h} ${ex},${y + h} ${ex},${y}`;
  // The tag sits on the arc just before its arrowhead (cubic at t = 0.8), not on the arrowhead itself.
  const t = 0.8;
  const onArc = { x: (1 - t) ** 3 * sx + 3 * (1 - t) ** 2 * t * sx + 3 * (1 - t) * t ** 2 * ex + t ** 3 * ex, y: y + 3 * (1 - t) * t * h };
  const label = kind === 'left' || kind === 'right' || kind === 'leftright' ? { labelAt: { x: onArc.x + 3, y: onArc.y - 3 } } : {};
  return { key: `${kind}-${j}-${i}`, kind, from: j, to: i, d, used, ...label };
}
