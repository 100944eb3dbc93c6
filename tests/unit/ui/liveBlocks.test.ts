// Which blocks feed the output, as the arch graph draws them: stream-level liveness, checked against deadBlocks.
import { describe, expect, it } from 'vitest';
import { liveBlocks, pathBlockOf, usesDenseIdx, usesLeftRight } from '../../../src/ui/arch/liveBlocks.ts';
import { archToPath, deadBlocks, fullPath, makeArch, sampleArch, SPACE_PRESETS } from '../../../src/core/space/index.ts';
import type { ArchBlock, PathBlock } from '../../../src/core/space/types.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { archBlock } from '../archBlock.ts';

const block = archBlock;
const alive = (blocks: ArchBlock[]) => liveBlocks(blocks.map(pathBlockOf));

describe('liveBlocks on sampled architectures', () => {
  const archs = Array.from({ length: 300 }, (_, k) => sampleArch(SPACE_PRESETS.full, rngFromSeed(toSeed(k))));

  it('never calls alive a block that deadBlocks calls dead', () => {
    for (const arch of archs) {
      const live = liveBlocks(arch.blocks.map(pathBlockOf));
      for (const i of deadBlocks(arch)) expect(live[i]).toBe(false);
    }
  });

  it('always keeps the last block alive and gives one flag per block', () => {
    for (const arch of archs) {
      const live = liveBlocks(arch.blocks.map(pathBlockOf));
      expect(live).toHaveLength(arch.blocks.length);
      expect(live[live.length - 1]).toBe(true);
    }
  });

  it('finds some dead blocks among the samples (the check above is not vacuous)', () => {
    expect(archs.some((a) => deadBlocks(a).length > 0)).toBe(true);
  });

  it('pathBlockOf gives the same path block as archToPath', () => {
    for (const arch of archs.slice(0, 50)) expect(arch.blocks.map(pathBlockOf)).toEqual(archToPath(arch));
  });
});

describe('liveBlocks on hand-built paths', () => {
  it('a block read only through the dense inputs of a Sum block is dead (Sum reads left/right)', () => {
    const blocks = [block(), block({ denseOp: 'sum', denseIdx: [1], sparseIdx: [0], left: 0, right: 0 })];
    expect(alive(blocks)).toEqual([false, true]);
    expect(deadBlocks(makeArch([...blocks, block({ denseIdx: [2], sparseIdx: [2] })], SPACE_PRESETS.tiny))).toEqual([0]);
  });

  it('a block read through the left/right slots of a Sum block is alive', () => {
    expect(alive([block(), block({ denseOp: 'sum', denseIdx: [0], left: 1, right: 0 })])).toEqual([true, true]);
  });

  it('is finer than deadBlocks: a sparse output read only by a block whose sparse side is unused does not count', () => {
    // Block 2 reads block 1's dense output only; block 1 reads block 0's sparse output, but block 1's sparse
    // op feeds nothing (no FM, not read), so block 0 reaches the logit only in deadBlocks' coarser view.
    const blocks = [block(), block({ denseIdx: [0], sparseIdx: [1] }), block({ denseIdx: [2], sparseIdx: [0] })];
    expect(alive(blocks)).toEqual([false, true, true]);
    expect(deadBlocks(makeArch(blocks, SPACE_PRESETS.tiny))).toEqual([]);
  });

  it('a DeepFM module makes the sparse inputs of a dense-only consumer count', () => {
    const blocks = [block(), block({ denseIdx: [0], sparseIdx: [1], deepFm: true }), block({ denseIdx: [2], sparseIdx: [0] })];
    expect(alive(blocks)).toEqual([true, true, true]);
  });

  it('every block of the full supernet path is alive', () => {
    for (const name of ['tiny', 'small', 'full'] as const) {
      expect(liveBlocks(fullPath(SPACE_PRESETS[name])).every(Boolean)).toBe(true);
    }
  });

  it('an empty path has no blocks', () => {
    expect(liveBlocks([])).toEqual([]);
  });
});

describe('usesDenseIdx and usesLeftRight', () => {
  const pb = (denseOps: PathBlock['denseOps']): PathBlock => ({ ...pathBlockOf(block()), denseOps });

  it('FC and Dot-Product read the dense inputs; Sum and Sigmoid-Gating read left/right', () => {
    expect((['fc', 'dp', 'sum', 'sg'] as const).map((op) => usesDenseIdx(pb([op])))).toEqual([true, true, false, false]);
    expect((['fc', 'dp', 'sum', 'sg'] as const).map((op) => usesLeftRight(pb([op])))).toEqual([false, false, true, true]);
  });

  it('a multi-op path block reads both when it mixes the kinds', () => {
    expect(usesDenseIdx(pb(['fc', 'sum']))).toBe(true);
    expect(usesLeftRight(pb(['fc', 'sum']))).toBe(true);
  });
});
