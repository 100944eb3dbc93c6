// FLOPs and params of the released models (NASREC.md §6, §12.2), supernet size (§7), per-path updates, space size (§4).
import { describe, expect, it } from 'vitest';
import { makeArch } from '../../../src/core/space/arch.ts';
import { archCost, streamWidths } from '../../../src/core/space/cost.ts';
import { pathLiveness } from '../../../src/core/space/liveness.ts';
import { archFromNasrecJson } from '../../../src/core/space/nasrecJson.ts';
import { archToPath, fullPath } from '../../../src/core/space/path.ts';
import { paperScale, presetSpace, SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch, samplePath } from '../../../src/core/space/sampler.ts';
import { spaceSize } from '../../../src/core/space/spaceSize.ts';
import { pathOpParams, supernetParams } from '../../../src/core/space/supernetCost.ts';
import type { ArchBlock, SpaceConfig } from '../../../src/core/space/types.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { fixtureText, INPUTS, type Config, type Dataset } from './helpers.ts';

/** §12.2, measured with the official code: per-example FLOPs (M), live and all (dead blocks included) non-embedding params (M). */
const REFERENCE: [Dataset, Config, number, number, number][] = [
  ['criteo', 'autoctr', 2.208, 1.74, 1.78],
  ['criteo', 'xlarge', 1.466, 0.75, 2.22],
  ['avazu', 'autoctr', 3.086, 2.74, 2.84],
  ['avazu', 'xlarge', 1.877, 1.48, 3.18],
  ['kdd', 'autoctr', 3.483, 2.6, 2.61],
  ['kdd', 'xlarge', 1.1, 0.4, 0.44],
];
const released = (ds: Dataset, c: Config) => archFromNasrecJson(fixtureText(ds, c));
const near = (value: number, reference: number, tolerance: number) => Math.abs(value / reference - 1) <= tolerance;

describe('archCost(arch, space, input, { layerNorm: false })', () => {
  for (const [ds, config, flopsM, paramsM, allM] of REFERENCE) {
    it(`counts ${ds} ${config === 'xlarge' ? 'NASRec-Full' : 'NASRec-Small'}: ${flopsM}M FLOPs, ${paramsM}M live / ${allM}M all params (±1 %)`, () => {
      const { arch, space } = released(ds, config);
      const cost = archCost(arch, space, INPUTS[ds], { layerNorm: false });
      expect(near(cost.flops, flopsM * 1e6, 0.01), `FLOPs ${cost.flops}`).toBe(true);
      // The reference params are given to 2 decimals (0.40M, 0.75M): allow the rounding.
      expect(near(cost.params, paramsM * 1e6, Math.max(0.01, 0.005 / paramsM)), `params ${cost.params}`).toBe(true);
      expect(cost.perBlock.reduce((a, b) => a + b.flops, cost.final.flops)).toBe(cost.flops);
      const all = archCost(arch, space, INPUTS[ds], { layerNorm: false, includeDead: true });
      expect(near(all.params, allM * 1e6, Math.max(0.01, 0.005 / allM)), `all params ${all.params}`).toBe(true);
    });
  }
  it('rebuilds the §6 widths of the Criteo Full model: block 2 reads 160 / 162 rows, block 6 reads 813 / 104', () => {
    const { arch } = released('criteo', 'xlarge');
    const { dense, rows } = streamWidths(arch, INPUTS.criteo);
    expect(dense).toEqual([13, 128, 32, 768, 768, 16, 768, 128]);
    expect(rows).toEqual([26, 72, 64, 32, 56, 16, 24, 48]);
    const cost = archCost(arch, paperScale('full'), INPUTS.criteo, { layerNorm: false });
    expect(cost.perBlock.slice(3, 6)).toEqual([0, 0, 0].map(() => ({ params: 0, flops: 0 })));
    expect(cost.final).toEqual({ params: 128 + 48 * 16 + 1, flops: 896 });
    // Block 1 by hand (§5): DP 13→16 (208), rows 26→8 (16·26·8), 9×9×16 bmm, 36 pairs→32; EFC 26→64 on 16 channels.
    expect(cost.perBlock[1]!.flops).toBe(208 + 16 * 26 * 8 + 9 * 9 * 16 + 36 * 32 + 16 * 26 * 64);
  });
  it('drops dead streams as the tracer does: Criteo Small block 2 feeds only dense outputs', () => {
    const { arch } = released('criteo', 'autoctr');
    expect(pathLiveness(archToPath(arch))[2]).toMatchObject({ live: true, dense: true, sparse: false });
  });
  it('adds 5·numel FLOPs and 2·size params per LayerNorm when LayerNorm is on', () => {
    const space = presetSpace('tiny');
    const b: ArchBlock = { denseIdx: [0], sparseIdx: [0], left: 0, right: 0, denseOp: 'fc', sparseOp: 'efc', denseDim: 32, sparseDim: 16, interact: false, deepFm: false };
    const arch = makeArch([b, { ...b, denseIdx: [1], sparseIdx: [1] }, { ...b, denseIdx: [2], sparseIdx: [2] }], space);
    const input = { dense: 13, sparse: 26 };
    const off = archCost(arch, space, input, { layerNorm: false });
    const on = archCost(arch, space, input, { layerNorm: true });
    // Per block: FC loses its bias (−32) and gains LN(32) (+64); EFC loses its bias (−16) and gains LN over 16 rows (+32).
    expect(on.params - off.params).toBe(3 * (32 + 16));
    expect(on.flops - off.flops).toBe(3 * (5 * 32 + 5 * 16 * 8));
    expect(off.perBlock[0]).toEqual({ params: 13 * 32 + 32 + 26 * 16 + 16, flops: 13 * 32 + 8 * 26 * 16 });
  });
});

describe('supernetParams(space, input, { layerNorm: true })', () => {
  it('counts NASRec-Full at paper scale for Criteo as §7: 171.5M, per block 1.27 … 58.2M', () => {
    const count = supernetParams(paperScale('full'), INPUTS.criteo, { layerNorm: true });
    expect(count.total / 1e6).toBeCloseTo(171.5, 0);
    expect(near(count.total, 171.5e6, 0.001)).toBe(true);
    const perBlockM = [1.27, 5.52, 11.9, 20.3, 30.9, 43.5, 58.2];
    count.perBlock.forEach((b, i) => expect(near(b.total, perBlockM[i]! * 1e6, 0.005), `block ${i}: ${b.total}`).toBe(true));
    // Block 6's SG gate alone is 6157 × 6157 (+ bias): §7 "≈ 37.9M".
    expect(count.perBlock[6]!.dense.sg).toBeGreaterThan(6157 * 6157);
    expect(count.final).toBe(1024 + 72 * 16 + 1);
  });
  it('counts NASRec-Small at paper scale for Criteo as §7: 31.1M, and KDD almost the same as Criteo', () => {
    expect(near(supernetParams(paperScale('small'), INPUTS.criteo, { layerNorm: true }).total, 31.1e6, 0.005)).toBe(true);
    const kdd = supernetParams(paperScale('full'), INPUTS.kdd, { layerNorm: true }).total;
    expect(near(kdd, 171.5e6, 0.01)).toBe(true);
  });
  it('reports 0 for ops the space does not enable, and no interaction modules when they are off', () => {
    const count = supernetParams({ ...presetSpace('small'), interactionModules: false }, INPUTS.criteo, { layerNorm: true });
    expect(count.perBlock[3]!.dense.sg).toBe(0);
    expect(count.perBlock[3]!.sparse.attn).toBe(0);
    expect(count.perBlock[3]!).toMatchObject({ interact: 0, fm: 0 });
    expect(count.perBlock[3]!.dense.fc).toBeGreaterThan(0);
  });
});

describe('pathOpParams(path, space, input, options)', () => {
  const spaces: SpaceConfig[] = [paperScale('full'), SPACE_PRESETS.full, SPACE_PRESETS.small, SPACE_PRESETS.tiny];
  it('counts the whole supernet for the full path, with LayerNorm on or off', () => {
    for (const space of spaces) {
      for (const layerNorm of [true, false]) {
        expect(pathOpParams(fullPath(space), space, INPUTS.avazu, { layerNorm })).toEqual(supernetParams(space, INPUTS.avazu, { layerNorm }));
      }
    }
  });
  it('never counts more than the supernet holds, op by op, and nothing for inactive ops or dead blocks', () => {
    const rng = rngFromSeed(toSeed(21));
    for (const space of spaces) {
      const total = supernetParams(space, INPUTS.criteo, { layerNorm: true });
      for (let k = 0; k < 50; k++) {
        const { path } = samplePath(space, rng, k % 2 === 0 ? 'single-op-any-connection' : 'any-path');
        const live = pathLiveness(path);
        const counted = pathOpParams(path, space, INPUTS.criteo, { layerNorm: true });
        counted.perBlock.forEach((b, i) => {
          for (const [op, n] of Object.entries(b.dense)) {
            expect(n).toBeLessThanOrEqual(total.perBlock[i]!.dense[op as 'fc']);
            if (!path[i]!.denseOps.includes(op as 'fc') || !live[i]!.dense) expect(n).toBe(0);
          }
          for (const [op, n] of Object.entries(b.sparse)) if (!path[i]!.sparseOps.includes(op as 'efc') || !live[i]!.sparse) expect(n).toBe(0);
          if (!live[i]!.live) expect(b.total).toBe(0);
        });
      }
    }
  });
  it('counts the live, unmasked weights of a hand-checked path', () => {
    const space = presetSpace('tiny'); // Dmax 64, Smax 16, E 8
    const b: ArchBlock = { denseIdx: [0], sparseIdx: [0], left: 0, right: 0, denseOp: 'fc', sparseOp: 'efc', denseDim: 32, sparseDim: 8, interact: false, deepFm: false };
    const arch = makeArch([b, { ...b, denseIdx: [1], sparseIdx: [0, 1] }, { ...b, denseOp: 'sum', left: 2, right: 0, sparseIdx: [2] }], space);
    const counted = pathOpParams(archToPath(arch), space, { dense: 13, sparse: 26 }, { layerNorm: false });
    expect(counted.perBlock[0]!.dense.fc).toBe(13 * 32 + 32); // FC rows 0..31 over the 13 raw columns
    expect(counted.perBlock[0]!.sparse.efc).toBe(26 * 8 + 8);
    expect(counted.perBlock[1]!.dense.fc).toBe(32 * 32 + 32); // live: block 2's Sum reads it (left = 2)
    expect(counted.perBlock[1]!.sparse.efc).toBe((26 + 8) * 8 + 8);
    expect(counted.perBlock[2]!.dense.sum).toBe((32 + 13) * 32 + 32); // Sum over two distinct live slots
    expect(counted.final).toBe(32 + 8 * 8 + 1);
  });
});

describe('spaceSize(space)', () => {
  it('counts paper-scale NASRec-Full as ≈ 8.1 × 10^43 and NASRec-Small as ≈ 4.9 × 10^39 (§4)', () => {
    const full = spaceSize(paperScale('full'));
    expect(full.text).toBe('8.1 × 10^43');
    expect(full.log10).toBeCloseTo(Math.log10(8.0659e43), 3);
    expect(spaceSize(paperScale('small')).text).toBe('4.9 × 10^39');
    expect(full.exact.toString()).toHaveLength(44);
  });
  it('matches a brute-force enumeration of a small space', () => {
    const space: SpaceConfig = { ...presetSpace('tiny'), blocks: 2, denseOps: ['fc', 'sum'], sparseOps: ['attn'], denseDims: [16], sparseDims: [8, 16], maxInputs: 1 };
    const lists = (i: number) => [[0], [1], [0, 1]].filter((l) => l.every((j) => j <= i));
    const keys = new Set<string>();
    const blocksFor = (i: number) =>
      lists(i).flatMap((d) =>
        lists(i).flatMap((s) =>
          [0, 1].flatMap((left) =>
            [0, 1].flatMap((right) =>
              ['fc', 'sum', 'dp'].flatMap((op) =>
                [8, 16].flatMap((sd) => [false, true].flatMap((f) => [{ denseIdx: d, sparseIdx: s, left, right, denseOp: op, sparseOp: 'attn', denseDim: 16, sparseDim: sd, interact: f, deepFm: !f }])),
              ),
            ),
          ),
        ),
      ) as ArchBlock[];
    for (const b0 of blocksFor(0)) {
      for (const b1 of blocksFor(1)) {
        try {
          keys.add(JSON.stringify(makeArch([b0, b1], space)));
        } catch {
          // not in the space
        }
      }
    }
    // Brute force covered interact = ¬deepFm only: half of the 4 flag combinations per block.
    expect(BigInt(keys.size) * 4n).toBe(spaceSize(space).exact);
    expect(spaceSize(space).text).toBe((keys.size * 4).toLocaleString('en-US'));
  });
  it('writes small counts exactly and counts 1 flag combination when the modules are off', () => {
    const one: SpaceConfig = { ...presetSpace('tiny'), blocks: 1, interactionModules: false };
    expect(spaceSize(one)).toMatchObject({ exact: BigInt(4 * 2 * 3 * 2), text: '48' });
    expect(spaceSize(SPACE_PRESETS.full).text).toMatch(/^\d\.\d × 10\^\d+$/);
    expect(spaceSize({ ...presetSpace('full'), blocks: 1 }).text).toBe('640');
  });
});

describe('sampled architectures', () => {
  it('always cost something and never count their dead blocks', () => {
    const rng = rngFromSeed(toSeed(2));
    for (let k = 0; k < 100; k++) {
      const arch = sampleArch(SPACE_PRESETS.full, rng);
      const cost = archCost(arch, SPACE_PRESETS.full, INPUTS.criteo, { layerNorm: false });
      const live = pathLiveness(archToPath(arch));
      expect(cost.flops).toBeGreaterThan(0);
      cost.perBlock.forEach((c, i) => !live[i]!.live && expect(c).toEqual({ params: 0, flops: 0 }));
    }
  });
});
