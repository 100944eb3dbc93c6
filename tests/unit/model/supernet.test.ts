// Supernet behaviour (NASREC.md §7, §14): masks, zero gradients, fixed shapes, sizes, resources, path checks.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { archToPath, fullPath } from '../../../src/core/space/path.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { samplePath, sampleArch } from '../../../src/core/space/sampler.ts';
import { supernetParams } from '../../../src/core/space/supernetCost.ts';
import type { InputShape, PathBlock, SupernetPath } from '../../../src/core/space/types.ts';
import { makeBatch, rng, values } from './helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const space = presetSpace('tiny'); // Dmax 64, Smax 16, E 8, rows per block 24
const input: InputShape = { dense: 5, sparse: 4 };
const E = space.embeddingDim;

/** A path of Tiny where every block reads the previous one; the last block's choices are overridden. */
function chain(last: Partial<PathBlock>, first: Partial<PathBlock> = {}): SupernetPath {
  const base = (i: number): PathBlock => ({
    denseIdx: [i],
    sparseIdx: [i],
    left: i,
    right: i,
    denseOps: ['fc'],
    sparseOps: ['efc'],
    denseDim: 32,
    sparseDim: 8,
    interact: false,
    deepFm: false,
  });
  return [{ ...base(0), ...first }, base(1), { ...base(2), ...last }];
}

const loss = (net: ReturnType<typeof createSupernet>, b: ReturnType<typeof makeBatch>, path: SupernetPath) => () =>
  tf.mean(tf.square(net.forward(b.dense0, b.sparse0, path))) as tf.Scalar;

describe('createSupernet masks', () => {
  const net = createSupernet(space, input, { rng: rng(1), layerNorm: false });
  const batch = makeBatch(rng(2), 4, input, E);
  afterAll(() => {
    net.dispose();
    batch.dispose();
  });

  it('zeroes dense units ≥ d, sparse rows ≥ s and the 8 interact rows when interact = 0', () => {
    const path = chain({ denseOps: ['fc', 'dp', 'sg', 'sum'], sparseOps: ['efc', 'attn'], denseDim: 16, sparseDim: 8, deepFm: true });
    const f = net.features(batch.dense0, batch.sparse0, path);
    const v = f.arraySync();
    f.dispose();
    for (const row of v) {
      expect(row.slice(16, 64).every((x) => x === 0)).toBe(true);
      for (let c = 0; c < E; c++) {
        const rows = row.slice(64 + c * 24, 64 + (c + 1) * 24);
        expect(rows.slice(0, 8).some((x) => x !== 0)).toBe(true);
        expect(rows.slice(8).every((x) => x === 0)).toBe(true);
      }
    }
  });

  it('passes zero gradient to weight columns of masked units and to weight rows of masked or unselected inputs', () => {
    const path = chain({ denseIdx: [0, 2], denseDim: 16 }, { denseDim: 32 });
    const { grads, value } = tf.variableGrads(loss(net, batch, path));
    const g = (name: string) => grads[net.params.get(name)!.name]!.arraySync() as number[][];
    const w2 = g('b2/fc/w'); // rows: raw 5 | block0 64 | block1 64 ; columns: 64
    expect(w2.every((r) => r.slice(16).every((x) => x === 0))).toBe(true); // outputs ≥ d = 16
    expect(w2.slice(5, 69).every((r) => r.every((x) => x === 0))).toBe(true); // slot 1 not selected
    expect(w2.slice(69 + 32).every((r) => r.every((x) => x === 0))).toBe(true); // block 1 units ≥ 32
    expect(w2.slice(0, 5).some((r) => r.slice(0, 16).some((x) => x !== 0))).toBe(true);
    expect(grads[net.params.get('b2/sg/u/w')!.name]).toBeUndefined(); // inactive op: not computed
    value.dispose();
    Object.values(grads).forEach((t) => t.dispose());
  });
});

describe('createSupernet shapes', () => {
  /** (kernel, input shapes) of one forward, or of one forward + backward. */
  async function signatures(net: ReturnType<typeof createSupernet>, b: ReturnType<typeof makeBatch>, path: SupernetPath, backward = true): Promise<string[]> {
    const info = await tf.profile(() => {
      if (!backward) return void tf.tidy(() => void net.forward(b.dense0, b.sparse0, path));
      const { value, grads } = tf.variableGrads(loss(net, b, path));
      value.dispose();
      Object.values(grads).forEach((t) => t.dispose());
    });
    // tf.customGrad wrappers show up as 'unnamed scope' entries listing their differentiable inputs; the kernels
    // they run are listed on their own, so the wrappers are left out.
    return info.kernels.filter((k) => k.name !== 'unnamed scope').map((k) => `${k.name}:${JSON.stringify(k.inputShapes)}`);
  }

  // Backward passes differ in which gradients autodiff prunes (an input fed only by the raw features needs none).
  it('runs the same forward kernels on the same shapes for two paths that differ in widths, inputs and left/right', async () => {
    const net = createSupernet(space, input, { rng: rng(3), layerNorm: true });
    const b = makeBatch(rng(4), 4, input, E);
    const ops = { denseOps: ['fc', 'sg', 'dp'], sparseOps: ['attn'], interact: true, deepFm: true } as const;
    const p1 = chain({ ...ops, denseOps: [...ops.denseOps], sparseOps: [...ops.sparseOps], denseIdx: [0, 2], left: 0, right: 1, denseDim: 16, sparseDim: 8 });
    const p2 = chain({ ...ops, denseOps: [...ops.denseOps], sparseOps: [...ops.sparseOps], denseIdx: [1, 2], left: 2, right: 0, denseDim: 64, sparseDim: 16 }, { denseDim: 16 });
    const [s1, s2] = [await signatures(net, b, p1, false), await signatures(net, b, p2, false)];
    const firstDiff = s1.findIndex((x, k) => x !== s2[k]);
    expect(firstDiff === -1 ? 'same' : `${firstDiff}: ${s1[firstDiff]} vs ${s2[firstDiff]}`).toBe('same');
    expect(s2.length).toBe(s1.length);
    net.dispose();
    b.dispose();
  });

  it('never runs a forward or backward kernel shape the full path does not run, for 10 sampled paths', async () => {
    const net = createSupernet(space, input, { rng: rng(5), layerNorm: true });
    const b = makeBatch(rng(6), 4, input, E);
    const full = new Set(await signatures(net, b, fullPath(space)));
    const r = rng(7);
    for (let k = 0; k < 10; k++) {
      const { path } = samplePath(space, r, k % 2 === 0 ? 'single-op-any-connection' : 'any-path');
      for (const s of await signatures(net, b, path)) expect(full.has(s), s).toBe(true);
    }
    net.dispose();
    b.dispose();
  });
});

describe('createSupernet sizes and resources', () => {
  it.each(['tiny', 'small', 'full'] as const)('allocates as many parameters as the cost model counts (%s, Criteo input)', (preset) => {
    const s = presetSpace(preset);
    const criteo = { dense: 13, sparse: 26 };
    const net = createSupernet(s, criteo, { rng: rng(8), layerNorm: true });
    const count = net.variables.reduce((a, v) => a + v.size, 0);
    expect(count).toBe(supernetParams(s, criteo, { layerNorm: true }).total);
    expect(net.featureWidth).toBe(Math.max(...s.denseDims) + (Math.max(...s.sparseDims) + 8) * s.embeddingDim);
    net.dispose();
  });

  it('gives unique variable names and the same weights for the same seed', () => {
    const a = createSupernet(space, input, { rng: rng(9), layerNorm: true });
    const b = createSupernet(space, input, { rng: rng(9), layerNorm: true });
    expect(new Set([...a.variables, ...b.variables].map((v) => v.name)).size).toBe(2 * a.variables.length);
    a.variables.forEach((v, i) => expect(Array.from(v.dataSync())).toEqual(Array.from(b.variables[i]!.dataSync())));
    expect(a.params.get('b0/attn/lnA/g')!.dataSync()[0]).toBeCloseTo(0.17, 6);
    a.dispose();
    b.dispose();
  });

  it('leaks no tensor in a forward inside tf.tidy or in a training step, and dispose frees everything', () => {
    const before = tf.memory().numTensors;
    const net = createSupernet(space, input, { rng: rng(10), layerNorm: true });
    const b = makeBatch(rng(11), 4, input, E);
    const path = fullPath(space);
    const step = (): void => {
      const { value, grads } = tf.variableGrads(loss(net, b, path));
      value.dispose();
      Object.values(grads).forEach((t) => t.dispose());
    };
    step(); // fills the mask / zero caches
    const warm = tf.memory().numTensors;
    tf.tidy(() => void net.forward(b.dense0, b.sparse0, path));
    expect(tf.memory().numTensors).toBe(warm);
    step();
    expect(tf.memory().numTensors).toBe(warm);
    b.dispose();
    net.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('exposes the final layer: head(features) equals forward, and finalLayerVariables are its weight and bias', () => {
    const net = createSupernet(space, input, { rng: rng(12), layerNorm: true });
    const b = makeBatch(rng(13), 3, input, E);
    const path = archToPath(sampleArch(space, rng(14)));
    const direct = values(net.forward(b.dense0, b.sparse0, path));
    const split = values(tf.tidy(() => net.head(net.features(b.dense0, b.sparse0, path))));
    expect(split).toEqual(direct);
    expect(net.finalLayerVariables().map((v) => v.shape)).toEqual([[net.featureWidth, 1], [1]]);
    net.dispose();
    b.dispose();
  });
});

describe('createSupernet path checks', () => {
  const net = createSupernet(presetSpace('small'), input, { rng: rng(15), layerNorm: false });
  const b = makeBatch(rng(16), 2, input, 16);
  afterAll(() => {
    net.dispose();
    b.dispose();
  });
  const good = (): PathBlock[] =>
    Array.from({ length: 7 }, (_, i) => ({ denseIdx: [i], sparseIdx: [0], left: 0, right: 0, denseOps: ['fc'], sparseOps: ['efc'], denseDim: 16, sparseDim: 8, interact: false, deepFm: false }));
  const run = (path: SupernetPath) => () => net.forward(b.dense0, b.sparse0, path).dispose();

  it('rejects a path whose op, width, index or length does not fit the space, naming the block', () => {
    expect(run(good().slice(1))).toThrow('path has 6 blocks, the space has 7');
    expect(run(good().map((x, i) => (i === 3 ? { ...x, sparseOps: ['attn' as const] } : x)))).toThrow('path block 3: sparse op "attn" is not in the space');
    expect(run(good().map((x, i) => (i === 2 ? { ...x, denseDim: 512 } : x)))).toThrow('path block 2: denseDim 512 is not in [1, 256]');
    expect(run(good().map((x, i) => (i === 1 ? { ...x, denseIdx: [2] } : x)))).toThrow('path block 1: denseIdx has 2, not in [0, 1]');
    expect(run(good())).not.toThrow();
  });

  it('rejects inputs of the wrong shape', () => {
    const wrong = tf.zeros([2, 4]) as tf.Tensor2D;
    expect(() => net.forward(wrong, b.sparse0, good())).toThrow('dense0 has 4 features, the net expects 5');
    wrong.dispose();
  });
});
