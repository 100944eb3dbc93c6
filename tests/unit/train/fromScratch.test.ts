// Training from scratch with early stopping: the rank check's ground truth and the final models.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { createStandalone } from '../../../src/core/model/standalone.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { inputShapeOf } from '../../../src/core/train/batches.ts';
import { scratchConfig, trainFromScratch, type ScratchNet } from '../../../src/core/train/fromScratch.ts';

let data: Dataset;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 3000, seed: toSeed(4) });
  data = (await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 256, split: { mode: 'random', seed: toSeed(4) } })).dataset;
});

/** A net whose logit is one bias that never moves (lr ≈ 0): validation never improves after the first point. */
function frozenBias(): ScratchNet {
  const b = tf.variable(tf.scalar(0.3), true, `frozen-bias-${Math.random()}`);
  // The embeddings enter with weight 0, so they receive a (zero) gradient as the loop requires.
  const forward = (dense0: tf.Tensor2D, sparse0: tf.Tensor3D) =>
    tf.tidy(() => tf.add(tf.add(tf.zeros([dense0.shape[0], 1]), b), tf.mul(0, tf.sum(sparse0, [1, 2], true).reshape([-1, 1]))) as tf.Tensor2D);
  return { variables: [b], forward, dispose: () => b.dispose() };
}

describe('scratchConfig', () => {
  it('runs one epoch of the train split (NASREC.md §11), capped, with 10 evaluations', () => {
    expect(scratchConfig(2400, { batchSize: 32 })).toMatchObject({ steps: 75, batchSize: 32, evalEvery: 8, lr: 0.12, clipNorm: 5 });
    expect(scratchConfig(2400, { batchSize: 32, maxSteps: 20 }).steps).toBe(20);
  });
});

describe('trainFromScratch', () => {
  it('trains a standalone architecture, records the validation curve, reports its best point and test metrics, and frees its tensors', async () => {
    const tensors = tf.memory().numTensors;
    const space = SPACE_PRESETS.tiny;
    const arch = sampleArch(space, rngFromSeed(toSeed(3)));
    const net = createStandalone(arch, space, inputShapeOf(data), { rng: rngFromSeed(toSeed(5)), layerNorm: true });
    const config = { ...scratchConfig(data.splits.train.length, { batchSize: 64, evalRows: 128 }), patience: 0 };
    const points: number[] = [];
    const result = await trainFromScratch({
      data,
      net,
      embeddingDim: space.embeddingDim,
      config,
      embeddingRng: rngFromSeed(toSeed(6)),
      testRows: data.splits.test,
      onEval: (p) => points.push(p.step),
    });
    expect(result.steps).toBe(config.steps);
    expect(result.stoppedEarly).toBe(false);
    expect(points).toEqual(result.curve.map((c) => c.step));
    expect(points.at(-1)).toBe(config.steps);
    expect(result.bestValLoss).toBe(Math.min(...result.curve.map((c) => c.loss)));
    expect(result.curve.find((c) => c.loss === result.bestValLoss)!.step).toBe(result.bestStep);
    expect(result.test!.logLoss).toBeGreaterThan(0);
    expect(result.test!.auc).toBeGreaterThan(0.5);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('stops after `patience` evaluations without a new best', async () => {
    const config = { ...scratchConfig(data.splits.train.length, { batchSize: 64, evalRows: 128, lr: 1e-9 }), evalEvery: 2, patience: 2 };
    const result = await trainFromScratch({ data, net: frozenBias(), embeddingDim: 1, config, embeddingRng: rngFromSeed(toSeed(1)) });
    expect(result.curve.map((c) => c.step)).toEqual([2, 4, 6]);
    expect(result.stoppedEarly).toBe(true);
    expect(result.steps).toBe(6);
  });

  it('ends with the signal’s reason when cancelled', async () => {
    const config = scratchConfig(data.splits.train.length, { batchSize: 64, evalRows: 128 });
    await expect(
      trainFromScratch({ data, net: frozenBias(), embeddingDim: 1, config, embeddingRng: rngFromSeed(toSeed(1)), signal: { aborted: true, reason: new Error('cancelled by the user') } }),
    ).rejects.toThrow('cancelled by the user');
  });
});
