// Weight inheritance supernet → standalone (NASREC.md §7): exact where the two semantics coincide, reported where not.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySupernetWeightsToStandalone } from '../../../src/core/model/copyWeights.ts';
import { createStandalone } from '../../../src/core/model/standalone.ts';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { makeArch } from '../../../src/core/space/arch.ts';
import { archToPath } from '../../../src/core/space/path.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import type { Arch, ArchBlock, InputShape, SpaceConfig } from '../../../src/core/space/types.ts';
import { expectClose, makeBatch, rng, values } from './helpers.ts';
import { archBlock } from '../archBlock.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const space = presetSpace('tiny');
const input: InputShape = { dense: 5, sparse: 4 };
const supernet = createSupernet(space, input, { rng: rng(31), layerNorm: false });
const batch = makeBatch(rng(32), 3, input, space.embeddingDim);
afterAll(() => {
  supernet.dispose();
  batch.dispose();
});

/** Copies into a fresh standalone net and returns both logits with the report. */
function compare(arch: Arch, net = supernet) {
  const standalone = createStandalone(arch, net.space, net.input, { rng: rng(33), layerNorm: net.layerNorm });
  const report = copySupernetWeightsToStandalone(net, arch, standalone);
  const inherited = values(standalone.forward(batch.dense0, batch.sparse0));
  standalone.dispose();
  return { report, inherited, path: values(net.forward(batch.dense0, batch.sparse0, archToPath(arch))) };
}

const maxDiff = (a: number[], b: number[]): number => Math.max(...a.map((x, i) => Math.abs(x - (b[i] ?? NaN))));

describe('copySupernetWeightsToStandalone', () => {
  it('reproduces the supernet path exactly for random FC / SG / DP(d = Dmax) / EFC / attention(s = Smax) / FM / dense→sparse archs', () => {
    const ops: SpaceConfig = { ...space, preset: 'custom', denseOps: ['fc', 'sg', 'dp'] };
    const r = rng(34);
    let exact = 0;
    for (let k = 0; k < 12; k++) {
      const drawn = sampleArch(ops, r);
      const blocks = drawn.blocks.map((b): ArchBlock => ({
        ...b,
        denseDim: b.denseOp === 'dp' ? 64 : b.denseDim, // the supernet's DP projects to P(Dmax) rows
        sparseDim: b.sparseOp === 'attn' ? 16 : b.sparseDim, // masked rows stay in the softmax
        deepFm: b.interact && b.denseDim < 64 ? false : b.deepFm, // identity d2s in the supernet reads post-FM
      }));
      const { report, inherited, path } = compare(makeArch(blocks, space));
      if (report.exact) {
        exact++;
        expectClose(inherited, path);
      } else {
        // Only SG with max(left, right) = d (no projection in the standalone) is left to fall outside.
        expect(report.notes.every((n) => n.includes('/sg'))).toBe(true);
        expect(maxDiff(inherited, path)).toBeGreaterThan(1e-4);
      }
    }
    expect(exact).toBeGreaterThanOrEqual(8);
  });

  it('says when the copy cannot be exact, and then the logits differ (20 unrestricted random archs)', () => {
    const r = rng(35);
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const { report, inherited, path } = compare(sampleArch(space, r));
      report.notes.forEach((n) => seen.add(n.replace(/^b\d\//, '').split(':')[0]!));
      if (report.exact) expectClose(inherited, path);
      else expect(maxDiff(inherited, path)).toBeGreaterThan(1e-4);
    }
    expect(seen.has('attn')).toBe(true);
    expect(seen.has('dp')).toBe(true);
  });

  const block = (b: Partial<ArchBlock>): ArchBlock => archBlock({ denseDim: 32, ...b });
  const withLast = (last: Partial<ArchBlock>): Arch =>
    makeArch([block({}), block({ denseIdx: [1], sparseIdx: [1], denseDim: 16 }), block({ denseIdx: [2], sparseIdx: [2], ...last })], space);

  it('matches for Sum with left = right but not for left ≠ right, where the supernet keeps one set of columns per slot (§7)', () => {
    const same = compare(withLast({ denseOp: 'sum', left: 2, right: 2 }));
    expect(same.report).toEqual({ exact: true, notes: [] });
    expectClose(same.inherited, same.path);
    const diff = compare(withLast({ denseOp: 'sum', left: 1, right: 2, denseDim: 64 }));
    expect(diff.report.notes).toEqual(['b2/sum: left ≠ right, the supernet keeps separate columns per input slot (§7)']);
    expect(maxDiff(diff.inherited, diff.path)).toBeGreaterThan(1e-4);
  });

  it('matches for SG with different left and right inputs (the gate only reads U[left slot, right slot])', () => {
    const { report, inherited, path } = compare(withLast({ denseOp: 'sg', left: 1, right: 2, denseDim: 64 }));
    expect(report.exact).toBe(true);
    expectClose(inherited, path);
  });

  it('reports attention with s < Smax and LayerNorm on as inexact', () => {
    expect(compare(withLast({ sparseOp: 'attn', sparseDim: 8 })).report.notes).toEqual([
      'b2/attn: s = 8 < Smax, masked rows stay in the softmax (§13.8)',
    ]);
    const ln = createSupernet(space, input, { rng: rng(36), layerNorm: true });
    expect(compare(withLast({}), ln).report.notes[0]).toMatch(/^layerNorm/);
    ln.dispose();
  });

  it('leaks no tensors', () => {
    const arch = sampleArch(space, rng(37));
    const standalone = createStandalone(arch, space, input, { rng: rng(38), layerNorm: false });
    const before = tf.memory().numTensors;
    copySupernetWeightsToStandalone(supernet, arch, standalone);
    expect(tf.memory().numTensors).toBe(before);
    standalone.dispose();
  });
});
