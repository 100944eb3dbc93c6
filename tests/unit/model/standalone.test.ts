// The standalone network (NASREC.md §5, §5.1, §13.5): reference agreement, projection skips, dead blocks, interact = 0.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStandalone } from '../../../src/core/model/standalone.ts';
import { makeArch } from '../../../src/core/space/arch.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import type { ArchBlock, InputShape, SpaceConfig } from '../../../src/core/space/types.ts';
import { expectClose, makeBatch, readWeights, rng, values } from './helpers.ts';
import { refStandaloneLogit } from './reference/refNets.ts';
import { archBlock } from '../archBlock.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny = presetSpace('tiny');
const narrow: SpaceConfig = { ...presetSpace('tiny'), preset: 'custom', denseDims: [16, 32, 48], sparseDims: [4, 8], embeddingDim: 4 };
const input: InputShape = { dense: 5, sparse: 4 };

const block = archBlock;

describe.each([
  { space: tiny, layerNorm: false, label: 'Tiny, LayerNorm off' },
  { space: tiny, layerNorm: true, label: 'Tiny, LayerNorm on' },
  { space: narrow, layerNorm: false, label: 'E = 4, LayerNorm off' },
])('createStandalone ($label)', ({ space, layerNorm }) => {
  it('matches the reference on 8 random architectures', () => {
    const r = rng(21);
    const batch = makeBatch(rng(22), 3, input, space.embeddingDim);
    for (let k = 0; k < 8; k++) {
      const arch = sampleArch(space, r);
      const net = createStandalone(arch, space, input, { rng: rng(23 + k), layerNorm });
      const got = values(net.forward(batch.dense0, batch.sparse0));
      const w = readWeights(net.params);
      expectClose(got, batch.examples.map((ex) => refStandaloneLogit(w, { space, input, layerNorm }, arch, ex, net.live)));
      net.dispose();
    }
    batch.dispose();
  });
});

describe('createStandalone projection skips (§13.5)', () => {
  const names = (blocks: ArchBlock[], inp: InputShape = input, space = tiny): string[] => {
    const net = createStandalone(makeArch(blocks, space), space, inp, { rng: rng(1), layerNorm: false });
    const out = [...net.params.keys()];
    net.dispose();
    return out;
  };
  const rest = [block({ denseIdx: [1], sparseIdx: [1] }), block({ denseIdx: [2], sparseIdx: [2] })];

  it('gives DP no W1 when its dense input is E wide and no row projection when its input rows equal P', () => {
    // dense = 8 = E; d = 16 → P = 6 = input rows.
    const got = names([block({ denseOp: 'dp', denseDim: 16 }), ...rest], { dense: 8, sparse: 6 });
    expect(got.filter((n) => n.startsWith('b0/dp'))).toEqual(['b0/dp/w3/w', 'b0/dp/w3/b']);
  });

  it('gives DP no W3 when the pair count equals d (d = 36 → P = 8 → 36 pairs)', () => {
    const space: SpaceConfig = { ...tiny, preset: 'custom', denseDims: [16, 36] };
    const got = names([block({ denseOp: 'dp', denseDim: 36 }), ...rest], input, space);
    expect(got.filter((n) => n.startsWith('b0/dp'))).toEqual(['b0/dp/w1/w', 'b0/dp/w1/b', 'b0/dp/w2/w', 'b0/dp/w2/b']);
  });

  it('gives Sum and SG no output projection when max(left, right) = d', () => {
    const blocks = [block({ denseDim: 32 }), block({ denseOp: 'sum', left: 1, right: 0, denseDim: 32 }), block({ denseOp: 'sg', denseIdx: [2], left: 1, right: 2, denseDim: 32 })];
    const got = names(blocks);
    expect(got.filter((n) => n.startsWith('b1/sum'))).toEqual([]);
    expect(got.filter((n) => n.startsWith('b2/sg'))).toEqual(['b2/sg/u/w', 'b2/sg/u/b']);
  });

  it('gives the FM no projection when d = E and the dense→sparse module none when d = 8·E', () => {
    const space: SpaceConfig = { ...tiny, preset: 'custom', denseDims: [8, 64] };
    const got = names([block({ denseDim: 8, deepFm: true }), block({ denseDim: 64, interact: true, sparseIdx: [1] }), block({ denseIdx: [2], sparseIdx: [2], denseDim: 8 })], input, space);
    expect(got.some((n) => n.startsWith('b0/fm'))).toBe(false);
    expect(got.some((n) => n.startsWith('b1/d2s'))).toBe(false);
  });

  it('skips dead blocks and sizes the final layer from the last block (interact = 0 appends nothing)', () => {
    const blocks = [block({}), block({ denseOp: 'sum', left: 0, right: 0, sparseIdx: [0], denseDim: 32, sparseDim: 16 }), block({ denseIdx: [2], sparseIdx: [2], denseDim: 64, interact: false })];
    const net = createStandalone(makeArch(blocks, tiny), tiny, input, { rng: rng(2), layerNorm: false });
    expect(net.live).toEqual([false, true, true]);
    expect([...net.params.keys()].some((n) => n.startsWith('b0/'))).toBe(false);
    expect(net.params.get('final/w')?.shape).toEqual([64 + 8 * 8, 1]);
    net.dispose();
  });

  it('appends the 8 dense→sparse rows to the last block when interact = 1', () => {
    const blocks = [block({}), block({ denseIdx: [1], sparseIdx: [1] }), block({ denseIdx: [2], sparseIdx: [2], denseDim: 32, sparseDim: 16, interact: true })];
    const net = createStandalone(makeArch(blocks, tiny), tiny, input, { rng: rng(3), layerNorm: false });
    expect(net.params.get('final/w')?.shape).toEqual([32 + (16 + 8) * 8, 1]);
    expect(net.params.get('b2/d2s/w')?.shape).toEqual([32, 64]);
    net.dispose();
  });
});

describe('createStandalone resources', () => {
  const arch = sampleArch(tiny, rng(5));
  it('leaks no tensor in a forward inside tf.tidy and frees everything on dispose', () => {
    const before = tf.memory().numTensors;
    const net = createStandalone(arch, tiny, input, { rng: rng(6), layerNorm: true });
    const batch = makeBatch(rng(7), 4, input, tiny.embeddingDim);
    const run = (): void => tf.tidy(() => void net.forward(batch.dense0, batch.sparse0));
    run(); // warms the cached constants
    const warm = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(warm);
    batch.dispose();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
  it('draws the same weights for the same seed', () => {
    const a = createStandalone(arch, tiny, input, { rng: rng(8), layerNorm: false });
    const b = createStandalone(arch, tiny, input, { rng: rng(8), layerNorm: false });
    a.variables.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(b.variables[i]!.dataSync())));
    a.dispose();
    b.dispose();
  });
});
