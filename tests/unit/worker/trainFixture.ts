// Shared by the training-job tests: a 40-step Tiny recipe at batch 8 and a 400-row sample loaded on the cpu backend.
import * as tf from '@tensorflow/tfjs';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { toSeed } from '../../../src/core/rng.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../../src/core/train/config.ts';

/** 40 steps, validation at 20 and 40, losses read every 5 steps. */
export const TRAIN: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, steps: 40, batchSize: 8, fullPathWarmupSteps: 0, evalEvery: 20, evalRows: 16, readbackEvery: 5 };

/** Selects tfjs's cpu backend and loads the built-in sample's 400 rows (seed 4, 128 buckets per field). */
export async function smallSample(): Promise<Dataset> {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 400, seed: toSeed(4) });
  return (await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 128, split: { mode: 'random', seed: toSeed(4) } })).dataset;
}
