// The fused optimizer kernels (cpu, wasm): one Adagrad kernel and one norm kernel equal PyTorch's formula and the op-by-op path.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, describe, expect, it } from 'vitest';
import { ADAGRAD_EPS } from '../../../src/core/train/embeddings.ts';
import { fusedSumOfSquares } from '../../../src/core/kernels/adagrad.ts';
import { fusedKernelsActive } from '../../../src/core/kernels/hostMemory.ts';
import { Adagrad, clipCoefficientTensor, gradNormSq } from '../../../src/core/train/optimizer.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';

afterAll(async () => {
  await tf.setBackend('cpu');
});

/** Random float32 values in [−scale, scale). */
function randoms(n: number, seed: number, scale = 1): Float32Array {
  const rng = rngFromSeed(toSeed(seed));
  return Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);
}

/** PyTorch Adagrad in float64 over `steps` of gradients: the reference (NASREC.md §8.2). */
function adagradReference(theta0: Float32Array, grads: Float32Array[], lr: number, coef: number): { theta: number[]; acc: number[] } {
  const theta = Array.from(theta0);
  const acc = theta.map(() => 0);
  for (const g of grads) {
    g.forEach((raw, i) => {
      const gi = raw * coef;
      acc[i] = acc[i]! + gi * gi;
      theta[i] = theta[i]! - (lr * gi) / (Math.sqrt(acc[i]!) + ADAGRAD_EPS);
    });
  }
  return { theta, acc };
}

for (const backend of ['cpu', 'wasm'] as const) {
  describe(`fused optimizer kernels on ${backend}`, () => {
    it(`are the path Adagrad takes on ${backend}`, async () => {
      await tf.setBackend(backend);
      expect(fusedKernelsActive()).toBe(true);
    });

    it('update three variables of different shapes in one kernel, as the formula says, over three steps with clipping', async () => {
      await tf.setBackend(backend);
      const shapes = [[3], [4, 5], [2, 3, 2]];
      const inits = shapes.map((s, k) => randoms(tf.util.sizeFromShape(s), 10 + k));
      const steps = [0, 1, 2].map((step) => shapes.map((s, k) => randoms(tf.util.sizeFromShape(s), 100 + 10 * step + k, 3)));
      const variables = shapes.map((s, k) => tf.variable(tf.tensor(inits[k]!, s)));
      const optimizer = new Adagrad();
      const before = tf.memory().numTensors;
      const profile = await tf.profile(() => {
        const grads = steps[0]!.map((g, k) => tf.tensor(g, shapes[k]!));
        optimizer.apply(new Map(variables.map((v, k) => [v, grads[k]!])), 0.05, 0.7);
        tf.dispose(grads);
      });
      // First step creates the accumulators (3 zero tensors); afterwards one kernel updates every variable.
      expect(profile.kernels.filter((k) => k.name === 'NasrecAdagradUpdate')).toHaveLength(1);
      for (const step of steps.slice(1)) {
        const grads = step.map((g, k) => tf.tensor(g, shapes[k]!));
        const kernels = (await tf.profile(() => optimizer.apply(new Map(variables.map((v, k) => [v, grads[k]!])), 0.05, 0.7))).kernels;
        expect(kernels.map((k) => k.name)).toEqual(['NasrecAdagradUpdate']);
        tf.dispose(grads);
      }
      expect(tf.memory().numTensors).toBe(before + shapes.length); // only the accumulators are new
      variables.forEach((v, k) => {
        const ref = adagradReference(inits[k]!, steps.map((s) => s[k]!), 0.05, 0.7);
        const got = v.dataSync();
        const acc = optimizer.accumulator(v)!.dataSync();
        ref.theta.forEach((t, i) => expect(got[i]).toBeCloseTo(t, 5));
        ref.acc.forEach((a, i) => expect(acc[i]).toBeCloseTo(a, 4));
      });
      optimizer.dispose();
      tf.dispose(variables);
    });

    it('match the op-by-op path (used on WebGPU) to float32 rounding, with the clip coefficient as a tensor', async () => {
      await tf.setBackend(backend);
      const a = tf.variable(tf.tensor2d(randoms(64 * 8, 3), [64, 8]));
      const b = tf.variable(tf.tensor2d(randoms(64 * 8, 3), [64, 8]));
      const fused = new Adagrad();
      const opByOp = new Adagrad({ fused: false });
      for (let step = 0; step < 4; step++) {
        const g = tf.tensor2d(randoms(64 * 8, 50 + step, 2), [64, 8]);
        const coef = clipCoefficientTensor([g], 5);
        fused.apply(new Map([[a, g]]), 0.12, coef);
        opByOp.apply(new Map([[b, g]]), 0.12, coef);
        tf.dispose([g, coef]);
      }
      const maxAbsDiff = (x: ArrayLike<number>, y: ArrayLike<number>): number =>
        Array.from(x).reduce((m, xi, i) => Math.max(m, Math.abs(xi - y[i]!)), 0);
      expect(maxAbsDiff(a.dataSync(), b.dataSync())).toBeLessThan(1e-6);
      expect(maxAbsDiff(fused.accumulator(a)!.dataSync(), opByOp.accumulator(b)!.dataSync())).toBeLessThan(1e-5);
      fused.dispose();
      opByOp.dispose();
      tf.dispose([a, b]);
    });

    it('sum the squares of every gradient in one kernel', async () => {
      await tf.setBackend(backend);
      const xs = [tf.tensor1d([3, 4]), tf.tensor2d([[1, 2]]), tf.tensor3d(randoms(24, 7), [2, 3, 4])];
      const expected = 9 + 16 + 1 + 4 + Array.from(randoms(24, 7)).reduce((s, x) => s + x * x, 0);
      const profile = await tf.profile(() => tf.dispose(gradNormSq(xs)));
      expect(profile.kernels.map((k) => k.name)).toEqual(['NasrecSumOfSquares']);
      const n = fusedSumOfSquares(xs);
      expect(n.shape).toEqual([]);
      expect(n.dataSync()[0]).toBeCloseTo(expected, 4);
      tf.dispose([...xs, n]);
    });

    it('refuse int32 tensors with a clear error', async () => {
      await tf.setBackend(backend);
      const x = tf.tensor1d([1, 2], 'int32');
      expect(() => fusedSumOfSquares([x])).toThrow(/float32/);
      x.dispose();
    });
  });
}
