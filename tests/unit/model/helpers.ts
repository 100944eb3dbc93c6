// Shared test helpers: seeded inputs, weights read back for the reference, tolerance checks.
import * as tf from '@tensorflow/tfjs';
import { expect } from 'vitest';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import type { Rng } from '../../../src/core/rng.ts';
import type { ParamTable } from '../../../src/core/model/types.ts';
import type { InputShape } from '../../../src/core/space/types.ts';
import { RefWeights } from './reference/refOps.ts';
import type { RefExample } from './reference/refNets.ts';

export const rng = (seed: number): Rng => rngFromSeed(toSeed(seed));

/** Reads every variable back (cpu backend only) as Float64 for the reference. */
export function readWeights(params: ParamTable): RefWeights {
  return new RefWeights(new Map([...params].map(([name, v]) => [name, Float64Array.from(v.dataSync())])));
}

export interface Batch {
  dense0: tf.Tensor2D;
  sparse0: tf.Tensor3D;
  examples: RefExample[];
  dispose(): void;
}

/** A random batch: dense features in [0, 2) (log-transformed counts are ≥ 0), embeddings ~ N(0, 0.5²). */
export function makeBatch(r: Rng, batch: number, input: InputShape, e: number): Batch {
  const examples: RefExample[] = Array.from({ length: batch }, () => ({
    dense: Array.from({ length: input.dense }, () => 2 * r.next()),
    sparse: Array.from({ length: input.sparse }, () => Array.from({ length: e }, () => 0.5 * r.normal())),
  }));
  const dense0 = tf.tensor2d(examples.map((x) => x.dense));
  const sparse0 = tf.tensor3d(examples.map((x) => x.sparse));
  return {
    dense0,
    sparse0,
    examples,
    dispose: () => {
      dense0.dispose();
      sparse0.dispose();
    },
  };
}

/** Element-wise |a − b| ≤ tol·max(1, |b|). */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i] ?? NaN;
    const b = expected[i] ?? NaN;
    if (!(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)))) {
      throw new Error(`entry ${i}: got ${a}, expected ${b} (tolerance ${tol})`);
    }
  }
}

/** Logits of a [B, 1] tensor (disposes it). */
export function values(t: tf.Tensor): number[] {
  const v = Array.from(t.dataSync());
  t.dispose();
  return v;
}
