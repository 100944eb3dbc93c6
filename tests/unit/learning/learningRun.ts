// The documented learning run (README "Does the supernet learn?"): one epoch of the 400k-row built-in sample.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { toSeed } from '../../../src/core/rng.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import type { PresetName } from '../../../src/core/space/types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/core/train/config.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';

/** Sample rows, batch and steps of the run: 320k train rows / 256 = 1250 steps, one epoch as NASRec (§8.2). */
export const LEARNING_RUN = { rows: 400_000, seed: 1, batchSize: 256, steps: 1250, fullPathWarmupSteps: 250 } as const;

export interface LearningResult {
  baseRateLogLoss: number;
  dataset: Dataset;
  /** The trained supernet (the caller disposes it). */
  trainer: SupernetTrainer;
  /** Validation log loss (mean over the trainer's fixed evaluation architectures) after each `every` steps. */
  curve: { step: number; valLoss: number }[];
}

/** Trains the `preset` supernet on the wasm backend, as `npm run cli -- train` does in Node; returns it trained. */
export async function learningRun(preset: PresetName, every: number): Promise<LearningResult> {
  await tf.setBackend('wasm');
  const sample = createCriteoSample({ rows: LEARNING_RUN.rows, seed: toSeed(LEARNING_RUN.seed) });
  const { dataset, stats } = await loadDataset({ name: 'sample', chunks: sample.chunks() }, { split: { mode: 'random', seed: toSeed(LEARNING_RUN.seed) } });
  const config = { ...DEFAULT_TRAIN_CONFIG, batchSize: LEARNING_RUN.batchSize, steps: LEARNING_RUN.steps, fullPathWarmupSteps: LEARNING_RUN.fullPathWarmupSteps };
  const trainer = new SupernetTrainer({ data: dataset, space: SPACE_PRESETS[preset], config, seed: toSeed(LEARNING_RUN.seed), createSupernet });
  const curve: LearningResult['curve'] = [];
  try {
    for (let step = 1; step <= config.steps; step++) {
      await trainer.trainStep();
      if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
      if (step % every === 0) curve.push({ step, valLoss: await trainer.evaluate() });
    }
  } catch (err) {
    trainer.dispose();
    throw err;
  }
  return { baseRateLogLoss: stats.splits.val.baseRateLogLoss, dataset, trainer, curve };
}
