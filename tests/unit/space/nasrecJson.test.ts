// The official NasRec config JSON: decoding the released models (NASREC.md §4, §6), round trips, errors, dead blocks.
import { describe, expect, it } from 'vitest';
import { archKey } from '../../../src/core/space/arch.ts';
import { ArchError } from '../../../src/core/space/errors.ts';
import { deadBlocks } from '../../../src/core/space/liveness.ts';
import { archFromNasrecJson, archToNasrecJson, isNasrecJson, type NasrecConfigJson } from '../../../src/core/space/nasrecJson.ts';
import { paperScale, SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { fixtureText, type Config, type Dataset } from './helpers.ts';

const RELEASED: [Dataset, Config][] = [
  ['criteo', 'xlarge'],
  ['criteo', 'autoctr'],
  ['avazu', 'xlarge'],
  ['avazu', 'autoctr'],
  ['kdd', 'xlarge'],
  ['kdd', 'autoctr'],
];

/** The official JSON with every index list sorted (the form our export writes). */
function canonical(json: NasrecConfigJson): NasrecConfigJson {
  const sort = (xs: number[]) => [...xs].sort((a, b) => a - b);
  return {
    ...json,
    macro: json.macro.map((m) => ({ ...m, dense_idx: sort(m.dense_idx), sparse_idx: sort(m.sparse_idx) })),
    micro: json.micro.map((m) => ({ ...m, active_nodes: sort(m.active_nodes) })),
  };
}

describe('archFromNasrecJson', () => {
  it('decodes the released Criteo NASRec-Full model as in the §6 table', () => {
    const { arch, space, config, layerNorm, testLoss } = archFromNasrecJson(fixtureText('criteo', 'xlarge'));
    expect(config).toBe('xlarge');
    expect(space).toEqual(paperScale('full'));
    expect(layerNorm).toBe(true);
    expect(testLoss).toBeCloseTo(0.4511, 4);
    const [b0, b1, b2, , , , b6] = arch.blocks;
    expect(b0).toMatchObject({ denseOp: 'sg', sparseOp: 'attn', left: 0, right: 0, sparseIdx: [0], denseDim: 128, sparseDim: 64, interact: true, deepFm: false });
    expect(b1).toMatchObject({ denseOp: 'dp', sparseOp: 'efc', denseIdx: [0], sparseIdx: [0], denseDim: 32, sparseDim: 64, interact: false, deepFm: false });
    expect(b2).toMatchObject({ denseOp: 'dp', sparseOp: 'efc', denseIdx: [1, 2], sparseIdx: [0, 1, 2], denseDim: 768, sparseDim: 32, deepFm: true });
    expect(b6).toMatchObject({ denseOp: 'fc', sparseOp: 'attn', denseIdx: [0, 2, 3], sparseIdx: [1, 3], denseDim: 128, sparseDim: 48, deepFm: true });
  });
  it('maps autoctr node indices (0 FC, 1 DP, 2 EFC) onto the Small space', () => {
    const { arch, space } = archFromNasrecJson(fixtureText('criteo', 'autoctr'));
    expect(space).toEqual(paperScale('small'));
    expect(arch.blocks.map((b) => b.denseOp)).toEqual(['fc', 'dp', 'fc', 'fc', 'dp', 'fc', 'fc']);
    expect(arch.blocks.every((b) => b.sparseOp === 'efc')).toBe(true);
  });
  it('round-trips every released config both ways', () => {
    for (const [ds, config] of RELEASED) {
      const original = JSON.parse(fixtureText(ds, config)) as NasrecConfigJson;
      const { arch, space } = archFromNasrecJson(original);
      const exported = archToNasrecJson(arch, space, { layerNorm: true, testLoss: original.test_loss! });
      expect(exported).toEqual(canonical(original));
      expect(archKey(archFromNasrecJson(JSON.stringify(exported)).arch)).toBe(archKey(arch));
    }
  });
  it('round-trips playground architectures through the official format, given their space', () => {
    const rng = rngFromSeed(toSeed(11));
    for (const name of ['full', 'small', 'tiny'] as const) {
      const space = SPACE_PRESETS[name];
      for (let k = 0; k < 30; k++) {
        const arch = sampleArch(space, rng);
        const json = archToNasrecJson(arch, space);
        expect(json.config).toBe(name === 'small' ? 'autoctr' : 'xlarge');
        expect(archFromNasrecJson(json, space).arch).toEqual(arch);
      }
    }
  });
  it('recognises official configs and rejects malformed ones, naming block and field', () => {
    const json = JSON.parse(fixtureText('criteo', 'xlarge')) as NasrecConfigJson;
    expect(isNasrecJson(json)).toBe(true);
    expect(isNasrecJson({ version: 1, blocks: [] })).toBe(false);
    const micro = (i: number, over: object) => ({ ...json, micro: json.micro.map((m, j) => (j === i ? { ...m, ...over } : m)) });
    const macro = (i: number, over: object) => ({ ...json, macro: json.macro.map((m, j) => (j === i ? { ...m, ...over } : m)) });
    const message = (value: unknown) => {
      try {
        archFromNasrecJson(value);
      } catch (err) {
        expect(err).toBeInstanceOf(ArchError);
        return (err as Error).message;
      }
      return 'no error';
    };
    expect(message(micro(3, { active_nodes: [0, 1] }))).toBe('block 3, active_nodes: must name exactly one dense and one sparse node');
    expect(message(micro(3, { active_nodes: [0, 9] }))).toBe('block 3, active_nodes: node 9 does not exist (0..5)');
    expect(message(micro(2, { dense_in_dims: 100 }))).toMatch(/^block 2, denseDim: 100 is not a dense width/);
    expect(message(micro(0, { deep_fm: 2 }))).toBe('block 0, deep_fm: must be 0 or 1, got 2');
    expect(message(micro(0, { width: 2 }))).toBe('block 0, width: unknown field "width"');
    expect(message(macro(4, { dense_left_idx: [0, 1] }))).toBe('block 4, dense_left_idx: must list exactly one input');
    expect(message(macro(1, { dense_idx: [2] }))).toBe('block 1, denseIdx: input 2 does not exist (block 1 reads 0..1)');
    expect(message({ ...json, num_blocks: 6 })).toBe('"macro" must list 6 blocks (num_blocks is 6)');
    expect(message({ ...json, config: 'large' })).toMatch(/config must be "xlarge" or "autoctr"/);
    expect(message('{')).toMatch(/not valid JSON/);
  });
});

describe('deadBlocks(arch)', () => {
  it('finds blocks 3, 4, 5 dead in the released Criteo NASRec-Full model (§3)', () => {
    expect(deadBlocks(archFromNasrecJson(fixtureText('criteo', 'xlarge')).arch)).toEqual([3, 4, 5]);
  });
  it('finds the dead blocks of the other released models', () => {
    const dead = RELEASED.map(([ds, c]) => deadBlocks(archFromNasrecJson(fixtureText(ds, c)).arch));
    expect(dead).toEqual([[3, 4, 5], [5], [3, 4, 5], [], [5], []]);
  });
  it('follows only the inputs the ops use: dense inputs for FC/DP, left/right for Sum/SG, sparse always', () => {
    const space = { ...SPACE_PRESETS.tiny, blocks: 3 };
    const arch = sampleArch(space, rngFromSeed(toSeed(1)));
    const edit = (over: object) => ({ blocks: arch.blocks.map((b, i) => (i === 2 ? { ...b, ...over } : { ...b, denseIdx: [0], sparseIdx: [0], left: 0, right: 0 })) });
    // Block 2 reads block 1 only through denseIdx: live for FC, dead for Sum (which reads left/right = raw input).
    expect(deadBlocks(edit({ denseOp: 'fc', denseIdx: [2], sparseIdx: [0], left: 0, right: 0 }))).toEqual([0]);
    expect(deadBlocks(edit({ denseOp: 'sum', denseIdx: [2], sparseIdx: [0], left: 0, right: 0 }))).toEqual([0, 1]);
    expect(deadBlocks(edit({ denseOp: 'sg', denseIdx: [0], sparseIdx: [0], left: 1, right: 0 }))).toEqual([1]);
    expect(deadBlocks(edit({ denseOp: 'sum', denseIdx: [0], sparseIdx: [1], left: 0, right: 0 }))).toEqual([1]);
  });
});
