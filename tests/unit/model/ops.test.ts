// Each operator of NASREC.md §5 on small tensors against values computed by hand.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatLastWith } from '../../../src/core/model/concat.ts';
import { ConstCache } from '../../../src/core/model/constants.ts';
import { gatherColumns, inverseIndex } from '../../../src/core/model/gatherColumns.ts';
import { fusedKernelsActive } from '../../../src/core/kernels/hostMemory.ts';
import { createLayerNorm, layerNorm, layerNormOpByOp } from '../../../src/core/model/layers.ts';
import { createAttention } from '../../../src/core/model/ops/attention.ts';
import { createDenseToSparse } from '../../../src/core/model/ops/denseToSparse.ts';
import { createDotProduct } from '../../../src/core/model/ops/dotProduct.ts';
import { createEfc } from '../../../src/core/model/ops/efc.ts';
import { createFc } from '../../../src/core/model/ops/fc.ts';
import { createFm } from '../../../src/core/model/ops/fm.ts';
import { createSigmoidGating } from '../../../src/core/model/ops/sigmoidGating.ts';
import { createSum } from '../../../src/core/model/ops/sum.ts';
import { ParamStore } from '../../../src/core/model/params.ts';
import { dpRows, trilIndices } from '../../../src/core/model/widths.ts';
import { expectClose, rng } from './helpers.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

let counter = 0;
const newStore = () => new ParamStore(`ops-test-${++counter}`, rng(1));
const set = (store: ParamStore, name: string, v: number[] | number[][]): void => {
  const p = store.params.get(name);
  if (p === undefined) throw new Error(`no parameter ${name}`);
  p.assign(tf.tensor(v, p.shape));
};
/** Channel-major [1, E, N] from rows N × E. */
const sparse = (rows: number[][]): tf.Tensor3D => tf.transpose(tf.tensor3d([rows]), [0, 2, 1]) as tf.Tensor3D;
const rowsOf = (t: tf.Tensor3D): number[][] => (tf.transpose(t, [0, 2, 1]).arraySync() as number[][][])[0]!;
const flat = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const ln = (x: number[], g = 1): number[] => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / x.length;
  return x.map((y) => (g * (y - m)) / Math.sqrt(v + 1e-5));
};

describe('operators', () => {
  it('FC is ReLU(x·W + b), and ReLU(LN(x·W)) without bias when LayerNorm is on', () => {
    const s = newStore();
    const fc = createFc(s, 'fc', 2, 2, false);
    set(s, 'fc/w', [[1, -1], [2, 1]]);
    set(s, 'fc/b', [0.5, -4]);
    expect(flat(fc.apply(tf.tensor2d([[1, 2]])))).toEqual([5.5, 0]); // [1+4+0.5, −1+2−4]
    const s2 = newStore();
    const fcLn = createFc(s2, 'fc', 2, 2, true);
    expect(s2.params.has('fc/b')).toBe(false);
    set(s2, 'fc/w', [[1, 0], [0, 3]]);
    expectClose(flat(fcLn.apply(tf.tensor2d([[1, 1]]))), [0, ln([1, 3])[1]!]);
  });

  it('Sum zero-pads the narrower input, adds, and skips the projection when max width = d', () => {
    const s = newStore();
    const sum = createSum(s, 'sum', { leftDim: 2, rightDim: 1, outDim: 2, layerNorm: false });
    expect(sum.proj).toBeNull();
    expect(flat(sum.apply(tf.tensor2d([[1, 2]]), tf.tensor2d([[3]])))).toEqual([4, 2]);
    const projected = createSum(s, 'sum3', { leftDim: 2, rightDim: 1, outDim: 1, layerNorm: false });
    set(s, 'sum3/w', [[1], [10]]);
    set(s, 'sum3/b', [0.5]);
    expect(flat(projected.apply(tf.tensor2d([[1, 2]]), tf.tensor2d([[3]])))).toEqual([24.5]);
  });

  it('Sigmoid-Gating is W·(sigmoid(U·left + c) ⊙ right) + b', () => {
    const s = newStore();
    const sg = createSigmoidGating(s, 'sg', { leftDim: 2, rightDim: 2, outDim: 1, layerNorm: false });
    set(s, 'sg/u/w', [[1, 0], [0, 0]]);
    set(s, 'sg/u/b', [0, 1]);
    set(s, 'sg/w', [[1], [2]]);
    set(s, 'sg/b', [0.25]);
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    // gate = sigmoid([2, 1]); right = [3, 5]
    expectClose(flat(sg.apply(tf.tensor2d([[2, 7]]), tf.tensor2d([[3, 5]]))), [sig(2) * 3 + 2 * sig(1) * 5 + 0.25]);
  });

  it('Dot-Product takes the strict lower triangle of [dense, rows]·[dense, rows]ᵀ in row-major order', () => {
    // E = 2 dense input (no W1), d = 3 → P = 2 = input rows (no W2), pairs = 3 = d (no W3): no parameters at all.
    const s = newStore();
    const dp = createDotProduct(s, new ConstCache(), 'dp', { denseIn: 2, rowsIn: 2, outDim: 3, embeddingDim: 2, layerNorm: false });
    expect([dp.w1, dp.w2, dp.w3, s.variables.length]).toEqual([null, null, null, 0]);
    const out = dp.apply(tf.tensor2d([[1, 2]]), sparse([[3, 4], [5, -1]]));
    expect(flat(out)).toEqual([3 + 8, 5 - 2, 15 - 4]); // t1·t0, t2·t0, t2·t1
    expect(Array.from(trilIndices(2))).toEqual([3, 6, 7]);
    expect([16, 32, 64, 128, 256, 512, 768, 1024].map(dpRows)).toEqual([6, 8, 11, 16, 23, 32, 39, 45]);
  });

  it('EFC is an FC over the row axis shared by all channels, then ReLU', () => {
    const s = newStore();
    const efc = createEfc(s, 'efc', { rowsIn: 2, rowsOut: 1, embeddingDim: 2, layerNorm: false });
    set(s, 'efc/w', [[2], [-1]]);
    set(s, 'efc/b', [1]);
    expect(rowsOf(efc.apply(sparse([[1, 3], [4, 1]])))).toEqual([[0, 6]]); // [2−4+1, 6−1+1] → ReLU
  });

  it('FM is (Σ rows)² − Σ rows² per channel, with no ½', () => {
    const fm = createFm(newStore(), 'fm', 2, 2, false);
    expect(fm.proj).toBeNull();
    expect(flat(fm.apply(sparse([[1, 2], [3, 4]])))).toEqual([6, 16]);
  });

  it('dense→sparse reshapes 8·E units into 8 rows of E (unit r·E + e is row r, channel e)', () => {
    const d2s = createDenseToSparse(newStore(), 'd2s', 16, 2, false);
    expect(d2s.proj).toBeNull();
    const x = tf.tensor2d([Array.from({ length: 16 }, (_, k) => k)]);
    expect(rowsOf(d2s.apply(x))).toEqual(Array.from({ length: 8 }, (_, r) => [2 * r, 2 * r + 1]));
  });

  it('LayerNorm normalises the last axis with the biased variance and eps 1e-5', () => {
    const norm = createLayerNorm(newStore(), 'ln', 4, 2);
    expectClose(flat(norm.apply(tf.tensor2d([[1, 2, 3, 4]]))), ln([1, 2, 3, 4], 2));
  });
});

describe('attention', () => {
  /** E = 4 (2 heads of dim 2), identity projections, a zero FFN and unit LN gains. */
  function identityAttention() {
    const s = newStore();
    const attn = createAttention(s, 'a', { rowsIn: 2, rowsOut: 2, embeddingDim: 4, layerNorm: false });
    const eye = (n: number): number[][] => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    set(s, 'a/w', eye(2));
    set(s, 'a/mha/in/w', eye(4).map((r) => [...r, ...r, ...r]));
    set(s, 'a/mha/out/w', eye(4));
    set(s, 'a/ffn1/w', eye(4).map((r) => r.map(() => 0)));
    set(s, 'a/ffn2/w', eye(4).map((r) => r.map(() => 0)));
    set(s, 'a/lnA/g', [1, 1, 1, 1]);
    set(s, 'a/lnF/g', [1, 1, 1, 1]);
    expect(s.params.get('a/ffn1/b')).toBeDefined();
    return attn;
  }
  const softmax = (v: number[]) => v.map((x) => Math.exp(x) / v.reduce((a, y) => a + Math.exp(y), 0));
  /** One head of dimension 2 over two tokens, by hand. */
  const head = (q: number[][], i: number) => {
    const p = softmax(q.map((k) => (q[i]![0]! * k[0]! + q[i]![1]! * k[1]!) / Math.SQRT2));
    return [0, 1].map((c) => p[0]! * q[0]![c]! + p[1]! * q[1]![c]!);
  };

  it('computes softmax(QKᵀ/√2)V per head of dimension 2, adds the residual and normalises twice', () => {
    const x = [[1, 0, 0, 1], [0, 2, 1, 0]];
    const out = rowsOf(identityAttention().apply(sparse(x), null));
    const expected = x.map((tok, i) => {
      const ctx = [...head(x.map((t) => t.slice(0, 2)), i), ...head(x.map((t) => t.slice(2)), i)];
      return ln(ln(tok.map((v, c) => v + ctx[c]!))); // FFN = 0: F = H, then LN_f
    });
    out.forEach((row, i) => expectClose(row, expected[i]!));
  });

  it('keeps rows zeroed by the supernet mask in the softmax (§13.8)', () => {
    const x = [[1, 0, 0, 1], [0, 2, 1, 0]];
    const masked = rowsOf(identityAttention().apply(sparse(x), tf.tensor1d([1, 0])));
    const zeroed = [x[0]!, [0, 0, 0, 0]];
    const ctx = [...head(zeroed.map((t) => t.slice(0, 2)), 0), ...head(zeroed.map((t) => t.slice(2)), 0)];
    expectClose(masked[0]!, ln(ln(x[0]!.map((v, c) => v + ctx[c]!))));
    expect(ctx[0]).toBeLessThan(1); // the zero row took softmax weight from row 0
  });
});

describe('helpers', () => {
  it('gatherColumns has the gradient of tf.gather', () => {
    const x = tf.tensor2d([[1, 2, 3], [4, 5, 6]]);
    const idx = new Int32Array([2, 0]);
    const w = tf.tensor2d([[1, -2], [3, 0.5]]);
    const f = (g: (t: tf.Tensor2D) => tf.Tensor2D) => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(g(t as tf.Tensor2D), w)))(x);
    const ours = f((t) => gatherColumns(t, tf.tensor1d(idx, 'int32'), tf.tensor1d(inverseIndex(idx, 3), 'int32')));
    expect(ours.arraySync()).toEqual(f((t) => tf.gather(t, tf.tensor1d(idx, 'int32'), 1)).arraySync());
  });

  it('caches one rank-1 mask tensor per (max, d) with ones in the first d units', () => {
    const c = new ConstCache();
    expect(c.mask(4, 2)).toBe(c.mask(4, 2));
    expect(flat(c.mask(4, 2))).toEqual([1, 1, 0, 0]);
    expect(() => c.mask(4, 5)).toThrow('width 5 is not in [1, 4]');
    c.dispose();
    expect(c.size).toBe(0);
  });
});

describe('layerNorm gradient', () => {
  const paths = { 'fused kernels': layerNorm, 'tfjs ops (WebGPU)': layerNormOpByOp };
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const [pathName, norm] of Object.entries(paths)) {
      it(`equals the autodiff gradient of the plain formula for x, gain and bias: ${pathName} on ${backend}`, async () => {
        await tf.setBackend(backend);
        expect(fusedKernelsActive()).toBe(true); // so `layerNorm` takes the fused path here
        const x = tf.tensor3d([[[1, 2, 4], [0, -1, 3]], [[2, 2, 1], [5, 0, 0]]]);
        const g = tf.tensor1d([0.5, 1, -2]);
        const b = tf.tensor1d([0.1, 0, 0.3]);
        const w = tf.tensor3d([[[1, -1, 2], [0.5, 0, 1]], [[3, 1, -1], [2, 2, 2]]]);
        const plain = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => {
          const { mean, variance } = tf.moments(xx, -1, true);
          return tf.add(tf.mul(tf.div(tf.sub(xx, mean), tf.sqrt(tf.add(variance, 1e-5))), gg), bb);
        };
        const loss = (f: typeof plain) => (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(f(xx, gg, bb), w));
        expectClose(flat(norm(x, g, b)), flat(plain(x, g, b)), 1e-5);
        const ours = tf.grads(loss((xx, gg, bb) => norm(xx, gg, bb)))([x, g, b]);
        const ref = tf.grads(loss(plain))([x, g, b]);
        ours.forEach((t, i) => {
          expect(t.shape).toEqual(ref[i]!.shape);
          expectClose(Array.from(t.dataSync()), Array.from(ref[i]!.dataSync()), 1e-4);
        });
        await tf.setBackend('cpu');
      });
    }
  }
  it('the fused kernels refuse int32 input with a clear error', () => {
    expect(() => layerNorm(tf.tensor2d([[1, 2]], [1, 2], 'int32'), tf.ones([2]), tf.zeros([2]))).toThrow(/float32/);
  });
});

describe('concatLast', () => {
  it('has the gradient of tf.concat for its non-constant parts, with either strategy', () => {
    const a = tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    const z = tf.zeros([2, 2, 3]);
    const c = tf.tensor3d([[[1], [2]], [[3], [4]]]);
    const w = tf.randomNormal([2, 2, 6], 0, 1, 'float32', 5);
    const stock = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.concat([x, z, y], -1), w)))([a, c]);
    for (const strategy of ['slice', 'transpose'] as const) {
      const ours = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(concatLastWith([x, z, y], [false, true, false], strategy), w)))([a, c]);
      ours.forEach((g, i) => expect(g.arraySync()).toEqual(stock[i]!.arraySync()));
      expect(concatLastWith([a, z, c], [false, true, false], strategy).arraySync()).toEqual(tf.concat([a, z, c], -1).arraySync());
    }
  });
});
