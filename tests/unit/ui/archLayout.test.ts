// Geometry of the block graph: node positions, arcs and their SVG paths, used/alive flags, the output arrow.
import { describe, expect, it } from 'vitest';
import { layoutArch, NODE_H, OUTPUT_W } from '../../../src/ui/arch/archLayout.ts';
import { pathBlockOf } from '../../../src/ui/arch/liveBlocks.ts';
import { fullPath, SPACE_PRESETS } from '../../../src/core/space/index.ts';
import { archBlock } from '../archBlock.ts';

const block = archBlock;

/** The numbers of an SVG path `d`, in order. */
const nums = (d: string) => (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
const closeAll = (got: number[], want: number[]) => {
  expect(got).toHaveLength(want.length);
  want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 9));
};

// Two blocks in 432 px: 3 columns of (432 − 2·8 − 56)/3 = 120 px, nodes 106 px wide, arcs need 12 + 12·2 + 6 = 42 px.
const TWO = [
  pathBlockOf(block({ denseOp: 'sum', denseIdx: [0], sparseIdx: [0], left: 0, right: 0 })),
  pathBlockOf(block({ denseOp: 'fc', denseIdx: [0, 1], sparseIdx: [1], left: 0, right: 1 })),
];

describe('layoutArch geometry', () => {
  const g = layoutArch(TWO, 432);

  it('node height is the sum of its rows', () => {
    expect(NODE_H).toBe(22 + 17 + 14 + 15 + 22);
  });

  it('places the raw input and each block in equal slots, centred, below the arc room', () => {
    expect(g.nodes.map((n) => n.index)).toEqual([0, 1, 2]);
    expect(g.nodes.map((n) => n.x)).toEqual([15, 135, 255]);
    expect(g.nodes.every((n) => n.y === 42 && n.width === 106)).toBe(true);
    expect(g.width).toBe(432);
    expect(g.height).toBe(42 + 90 + 42);
  });

  it('draws the output arrow from the right edge of the last block, at mid-height', () => {
    expect(g.output).toEqual({ x1: 361, x2: 361 + OUTPUT_W - 8, y: 42 + 45 });
  });

  it('lists the edges block by block: dense, sparse, then left/right (one shared arc when left = right)', () => {
    expect(g.edges.map((e) => e.key)).toEqual(['dense-0-0', 'sparse-0-0', 'leftright-0-0', 'dense-0-1', 'dense-1-1', 'sparse-1-1', 'left-0-1', 'right-1-1']);
    expect(g.edges.map((e) => [e.from, e.to])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
      [0, 1],
      [1, 1],
    ]);
  });

  it('marks as used only the inputs the block’s op reads', () => {
    const used = Object.fromEntries(g.edges.map((e) => [e.key, e.used]));
    expect(used).toEqual({
      'dense-0-0': false, // Sum ignores denseIdx
      'sparse-0-0': true,
      'leftright-0-0': true,
      'dense-0-1': true,
      'dense-1-1': true,
      'sparse-1-1': true,
      'left-0-1': false, // FC ignores left/right
      'right-1-1': false,
    });
  });

  it('draws a dense arc above the nodes, higher for a longer span', () => {
    // From node 0 (x 15 + 106·0.12) to block 1's node (x 255 + 106·0.3), span 2 → 12 + 24 = 36 px up from y 42.
    const e = g.edges.find((x) => x.key === 'dense-0-1')!;
    closeAll(nums(e.d), [27.72, 42, 27.72, 6, 286.8, 6, 286.8, 42]);
    expect(e.d.startsWith('M')).toBe(true);
    expect(e.labelAt).toBeUndefined();
  });

  it('draws a sparse arc below the nodes', () => {
    // From node 1 (x 135 + 106·0.15) at the bottom edge y 42 + 90, span 1 → 24 px down.
    const e = g.edges.find((x) => x.key === 'sparse-1-1')!;
    closeAll(nums(e.d), [150.9, 132, 150.9, 156, 286.8, 156, 286.8, 132]);
  });

  it('puts the L/R tag on the arc at t = 0.8, offset 3 px right and up', () => {
    // sx = 15 + 106·0.2 = 36.2, ex = 255 + 106·0.55 = 313.3, h = −36:
    // x = 0.104·36.2 + 0.896·313.3 + 3 = 287.4816, y = 42 + 0.48·(−36) − 3 = 21.72
    const e = g.edges.find((x) => x.key === 'left-0-1')!;
    expect(e.labelAt!.x).toBeCloseTo(287.4816, 9);
    expect(e.labelAt!.y).toBeCloseTo(21.72, 9);
    expect(g.edges.find((x) => x.key === 'leftright-0-0')!.labelAt).toBeDefined();
  });
});

describe('layoutArch liveness and special cases', () => {
  it('greys out a dead block: its node is not alive and none of its edges is used', () => {
    // Block 1's sparse side feeds nothing, so its read of block 0's sparse output does not keep block 0 alive.
    const blocks = [block(), block({ denseIdx: [0], sparseIdx: [1] }), block({ denseIdx: [2], sparseIdx: [0] })].map(pathBlockOf);
    const g = layoutArch(blocks, 600);
    expect(g.nodes.map((n) => n.alive)).toEqual([true, false, true, true]);
    expect(g.edges.filter((e) => e.to === 0).every((e) => !e.used)).toBe(true);
  });

  it('the full path draws every dense and sparse input and no separate left/right arcs', () => {
    const g = layoutArch(fullPath(SPACE_PRESETS.tiny), 800);
    expect(g.edges).toHaveLength(2 * (1 + 2 + 3));
    expect(g.edges.every((e) => e.kind === 'dense' || e.kind === 'sparse')).toBe(true);
    expect(g.edges.every((e) => e.used)).toBe(true);
  });

  it('an empty path is just the raw input, with no edges and no output arrow', () => {
    const g = layoutArch([], 300);
    expect(g.nodes).toHaveLength(1);
    expect(g.nodes[0]!.alive).toBe(true);
    expect(g.edges).toEqual([]);
    expect(g.output).toBeUndefined();
    expect(g.height).toBe(30 + 90 + 30);
  });

  it('keeps slots at least 40 px wide when the width is too small', () => {
    const g = layoutArch(TWO, 0);
    expect(g.nodes.map((n) => n.x)).toEqual([15, 55, 95]);
    expect(g.nodes[0]!.width).toBe(26);
    expect(g.edges.every((e) => !e.d.includes('NaN'))).toBe(true);
  });

  it('caps node width at 136 px on a wide canvas', () => {
    expect(layoutArch(TWO, 3000).nodes[0]!.width).toBe(136);
  });
});
