// matMul: on wasm (explicit transposes) it gives tf.matMul's value and gradients for every operand layout.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matMul } from '../../../src/core/model/matmul.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';

const random = rngFromSeed(toSeed(5));
const values = (n: number): number[] => Array.from({ length: n }, () => random.normal());

/** Value and both gradients (of Σ y·w for a fixed weighting w) on the current backend. */
function run(
  f: typeof matMul,
  a: { data: number[]; shape: number[] },
  b: { data: number[]; shape: number[] },
  weights: number[],
  flags: [boolean, boolean],
): number[][] {
  return tf.tidy(() => {
    const x = tf.tensor(a.data, a.shape) as unknown as tf.Tensor2D;
    const y = tf.tensor(b.data, b.shape) as unknown as tf.Tensor2D;
    const loss = (p: tf.Tensor, q: tf.Tensor): tf.Scalar => {
      const out = f(p as tf.Tensor2D, q as tf.Tensor2D, ...flags);
      return tf.sum(tf.mul(out, tf.tensor(weights, out.shape)));
    };
    const out = f(x, y, ...flags);
    const [ga, gb] = tf.grads(loss)([x, y]);
    return [out, ga!, gb!].map((t) => Array.from(t.dataSync()));
  });
}

describe('matMul', () => {
  beforeAll(async () => {
    await tf.setBackend('wasm');
  });
  afterAll(async () => {
    await tf.setBackend('cpu');
  });

  const layouts: [boolean, boolean][] = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ];
  for (const rank of [2, 3]) {
    for (const flags of layouts) {
      it(`matches tf.matMul on the cpu backend: rank ${rank}, transposeA ${flags[0]}, transposeB ${flags[1]}`, async () => {
        const [m, k, n, batch] = [3, 4, 5, 2];
        const lead = rank === 3 ? [batch] : [];
        const aShape = [...lead, ...(flags[0] ? [k, m] : [m, k])];
        const bShape = [...lead, ...(flags[1] ? [n, k] : [k, n])];
        const a = { data: values(aShape.reduce((p, q) => p * q)), shape: aShape };
        const b = { data: values(bShape.reduce((p, q) => p * q)), shape: bShape };
        const weights = values(lead.reduce((p, q) => p * q, 1) * m * n);
        const got = run(matMul, a, b, weights, flags);
        await tf.setBackend('cpu');
        const want = run(tf.matMul as typeof matMul, a, b, weights, flags);
        await tf.setBackend('wasm');
        for (let i = 0; i < 3; i++) {
          expect(got[i]!.length).toBe(want[i]!.length);
          got[i]!.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 4));
        }
      });
    }
  }

  it('sums both gradients when one tensor is both operands (the dot-product Gram matrix tᵀt)', () => {
    const t = tf.tensor3d(values(2 * 3 * 4), [2, 3, 4]);
    const g = tf.grad((x: tf.Tensor) => tf.sum(tf.square(matMul(x as tf.Tensor3D, x as tf.Tensor3D, true, false))))(t);
    // d/dt Σ (tᵀt)² = 4·t·(tᵀt)
    const want = tf.mul(4, tf.matMul(t, tf.matMul(t, t, true, false)));
    expect(Array.from(g.dataSync()).map((v) => v.toFixed(3))).toEqual(Array.from(want.dataSync()).map((v) => v.toFixed(3)));
    tf.dispose([t, g, want]);
  });

  it('rejects operands of different rank', () => {
    const a = tf.zeros([2, 3]) as tf.Tensor2D;
    const b = tf.zeros([1, 3, 2]) as tf.Tensor3D;
    expect(() => matMul(a, b as unknown as tf.Tensor2D)).toThrow(/equal rank/);
    tf.dispose([a, b]);
  });
});
