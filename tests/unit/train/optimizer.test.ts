import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { EmbeddingTables, ADAGRAD_EPS } from '../../../src/core/train/embeddings.ts';
import { Adagrad, bceWithLogits, clipCoefficient, gradNormSq } from '../../../src/core/train/optimizer.ts';
import { learningRate, MIN_LR } from '../../../src/core/train/schedule.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('Adagrad (PyTorch semantics)', () => {
  it('follows acc += g², θ −= lr·g/(√acc + 1e-2) from a zero accumulator over several steps', () => {
    const v = tf.variable(tf.tensor1d([1, -2, 0.5]));
    const opt = new Adagrad();
    const theta = [1, -2, 0.5];
    const acc = [0, 0, 0];
    const steps = [
      [0.3, -1, 0],
      [0.1, 0.2, -0.4],
      [-0.5, 0.5, 2],
    ];
    for (const g of steps) {
      const grad = tf.tensor1d(g);
      opt.apply(new Map([[v, grad]]), 0.12, 1);
      grad.dispose();
      g.forEach((gi, i) => {
        acc[i] = acc[i]! + gi * gi;
        theta[i] = theta[i]! - (0.12 * gi) / (Math.sqrt(acc[i]!) + ADAGRAD_EPS);
      });
    }
    const got = v.dataSync();
    theta.forEach((t, i) => expect(got[i]).toBeCloseTo(t, 6));
    const gotAcc = opt.accumulator(v)!.dataSync();
    acc.forEach((a, i) => expect(gotAcc[i]).toBeCloseTo(a, 5));
    opt.dispose();
    v.dispose();
  });
});

describe('global-norm clipping', () => {
  it('scales by maxNorm / (norm + 1e-6) only when the norm exceeds maxNorm', () => {
    expect(clipCoefficient(10, 5)).toBeCloseTo(5 / (10 + 1e-6), 12);
    expect(clipCoefficient(4, 5)).toBe(1);
    expect(clipCoefficient(0, 5)).toBe(1);
  });
  it('gradNormSq sums the squares of every gradient', () => {
    const a = tf.tensor1d([3, 4]);
    const b = tf.tensor2d([[1, 2]]);
    const n = gradNormSq([a, b]);
    expect(n.dataSync()[0]).toBeCloseTo(9 + 16 + 1 + 4, 5);
    tf.dispose([a, b, n]);
  });
});

describe('learningRate (one cycle of CosineAnnealingWarmupRestarts)', () => {
  it('starts at 1e-8, rises linearly to the peak over 10 % of steps, then decays by cosine to 1e-8', () => {
    const T = 1000;
    expect(learningRate(0, T, 0.12, 0.1)).toBe(MIN_LR);
    expect(learningRate(50, T, 0.12, 0.1)).toBeCloseTo(MIN_LR + (0.12 - MIN_LR) * 0.5, 12);
    expect(learningRate(100, T, 0.12, 0.1)).toBeCloseTo(0.12, 12);
    expect(learningRate(550, T, 0.12, 0.1)).toBeCloseTo(MIN_LR + (0.12 - MIN_LR) * 0.5, 12);
    expect(learningRate(1000, T, 0.12, 0.1)).toBeCloseTo(MIN_LR, 12);
  });
});

describe('bceWithLogits', () => {
  it('equals −mean(y log σ(x) + (1−y) log(1−σ(x))) and stays finite for large logits', () => {
    const x = [-30, -1, 0, 2.5, 40];
    const y = [0, 1, 1, 0, 1];
    const expected = x.reduce((s, xi, i) => {
      const p = 1 / (1 + Math.exp(-xi));
      return s - (y[i]! ? Math.log(p) : Math.log1p(-p));
    }, 0) / x.length;
    const l = bceWithLogits(tf.tensor1d(x), tf.tensor1d(y));
    expect(l.dataSync()[0]).toBeCloseTo(expected, 5);
    l.dispose();
  });
});

describe('EmbeddingTables sparse update', () => {
  it('equals a dense Adagrad step over the whole table (duplicates summed) and touches only batch rows', () => {
    const rows = [50, 7];
    const E = 4;
    const B = 6;
    const tables = new EmbeddingTables(rows, E, B, rngFromSeed(toSeed(3)));
    const before = tables.tables.map((t) => t.slice());
    const indices = Int32Array.from([3, 9, 3, 0, 49, 9, /* field 1 */ 1, 1, 1, 6, 0, 2]);
    const rng = rngFromSeed(toSeed(4));
    const grad = Float32Array.from({ length: B * rows.length * E }, () => rng.normal());
    // Dense reference: scatter-add into full tables, then Adagrad on every row.
    const dense = rows.map((n) => new Float64Array(n * E));
    for (let f = 0; f < rows.length; f++) {
      for (let b = 0; b < B; b++) {
        const row = indices[f * B + b]!;
        for (let k = 0; k < E; k++) dense[f]![row * E + k] = dense[f]![row * E + k]! + grad[(b * rows.length + f) * E + k]!;
      }
    }
    let normSq = 0;
    for (const d of dense) for (const g of d) normSq += g * g;
    expect(tables.gradNormSq(indices, B, grad)).toBeCloseTo(normSq, 3);
    const coef = clipCoefficient(Math.sqrt(normSq), 5);
    for (let step = 0; step < 2; step++) tables.applyAdagrad(indices, B, grad, 0.1, coef);
    for (let f = 0; f < rows.length; f++) {
      for (let i = 0; i < rows[f]! * E; i++) {
        const g = dense[f]![i]! * coef;
        let w = before[f]![i]!;
        let acc = 0;
        for (let step = 0; step < 2; step++) {
          acc += g * g;
          w -= (0.1 * g) / (Math.sqrt(acc) + ADAGRAD_EPS);
        }
        expect(tables.tables[f]![i]).toBeCloseTo(w, 5);
        if (g === 0) expect(tables.tables[f]![i]).toBe(before[f]![i]);
      }
    }
  });
  it('gathers rows into [B, F, E]', () => {
    const tables = new EmbeddingTables([5, 3], 2, 2, rngFromSeed(toSeed(1)));
    const out = new Float32Array(2 * 2 * 2);
    tables.gather(Int32Array.from([4, 0, 2, 1]), 2, out);
    expect(Array.from(out.subarray(0, 2))).toEqual(Array.from(tables.tables[0]!.subarray(8, 10)));
    expect(Array.from(out.subarray(2, 4))).toEqual(Array.from(tables.tables[1]!.subarray(4, 6)));
    expect(Array.from(out.subarray(4, 6))).toEqual(Array.from(tables.tables[0]!.subarray(0, 2)));
  });
  it('initialises rows Xavier-normal with std √(2/(rows+E))', () => {
    const tables = new EmbeddingTables([20_000], 16, 8, rngFromSeed(toSeed(9)));
    const t = tables.tables[0]!;
    let s = 0;
    for (const x of t) s += x * x;
    expect(Math.sqrt(s / t.length)).toBeCloseTo(Math.sqrt(2 / 20_016), 4);
  });
});
