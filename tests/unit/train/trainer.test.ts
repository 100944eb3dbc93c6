// The supernet trainer: no tensor leaks, determinism, and the wasm backend agreeing with cpu (the worker's self-test).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { toSeed } from '../../../src/core/rng.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../../src/core/train/config.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';
import { selfTest } from '../../../src/worker/backends/selfTest.ts';

let data: Dataset;
const config: TrainConfig = { ...DEFAULT_TRAIN_CONFIG, steps: 100, batchSize: 8, fullPathWarmupSteps: 10, evalRows: 16, readbackEvery: 10 };

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 600, seed: toSeed(2) });
  data = (await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 256, split: { mode: 'random', seed: toSeed(2) } })).dataset;
});

afterAll(async () => {
  await tf.setBackend('cpu');
});

async function losses(seed: number, steps: number): Promise<number[]> {
  const trainer = new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config, seed: toSeed(seed), createSupernet });
  try {
    for (let i = 0; i < steps; i++) await trainer.trainStep();
    return (await trainer.readLosses()).map((l) => l.value);
  } finally {
    trainer.dispose();
  }
}

describe('SupernetTrainer', () => {
  it('keeps tf.memory().numTensors flat over 100 steps, reads and evaluations, and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config, seed: toSeed(1), createSupernet });
    for (let i = 0; i < 5; i++) await trainer.trainStep(); // optimizer state is created lazily on first updates
    await trainer.readLosses();
    const counts: number[] = [];
    for (let i = 0; i < 95; i++) {
      await trainer.trainStep();
      if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
      if (i % 30 === 0) await trainer.evaluate();
      if (trainer.pendingLossCount === 0) counts.push(tf.memory().numTensors);
    }
    expect(trainer.step).toBe(100);
    // Accumulators appear the first time an op is sampled; after that nothing may grow.
    expect(counts.at(-1)! - counts[Math.floor(counts.length / 2)]!).toBeLessThanOrEqual(0);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives the same losses for the same seed and different ones for another', async () => {
    const a = await losses(5, 12);
    expect(a).toHaveLength(12);
    expect(await losses(5, 12)).toEqual(a);
    expect(await losses(6, 12)).not.toEqual(a);
  });

  it('resumes from resumeState exactly: 35 + 35 steps in two trainers give the losses, weights and tables of 70 in one (past the warm-up and an epoch)', async () => {
    const make = () => new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config, seed: toSeed(9), createSupernet });
    expect(data.splits.train.length / config.batchSize).toBeLessThan(70); // the batch stream wraps within the run
    const straight = make();
    for (let i = 0; i < 70; i++) await straight.trainStep();
    const straightLosses = (await straight.readLosses()).map((l) => l.value);

    const first = make();
    for (let i = 0; i < 35; i++) await first.trainStep();
    const firstLosses = (await first.readLosses()).map((l) => l.value);
    const state = await first.resumeState({ note: 'kept' });
    first.dispose();
    expect(state.checkpoint.meta.steps).toBe(35);
    expect(state.checkpoint.meta.extra).toEqual({ note: 'kept' });

    const resumed = make();
    resumed.restore(state);
    expect(resumed.step).toBe(35);
    for (let i = 0; i < 35; i++) await resumed.trainStep();
    const resumedLosses = (await resumed.readLosses()).map((l) => l.value);
    expect([...firstLosses, ...resumedLosses]).toEqual(straightLosses);
    for (const [name, v] of straight.net.params) expect(Array.from(resumed.net.params.get(name)!.dataSync())).toEqual(Array.from(v.dataSync()));
    straight.embeddings.tables.forEach((t, f) => expect(resumed.embeddings.tables[f]).toEqual(t));
    straight.dispose();
    resumed.dispose();
  });

  it('refuses to resume from a checkpoint of another space or past the run’s steps', async () => {
    const tiny = new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config, seed: toSeed(3), createSupernet });
    for (let i = 0; i < 2; i++) await tiny.trainStep();
    await tiny.readLosses();
    const state = await tiny.resumeState();
    tiny.dispose();
    const short = new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config: { ...config, steps: 1, fullPathWarmupSteps: 0, evalEvery: 1 }, seed: toSeed(3), createSupernet });
    expect(() => short.restore(state)).toThrow(/past this run's 1 steps/);
    short.dispose();
    const small = new SupernetTrainer({ data, space: SPACE_PRESETS.small, config, seed: toSeed(3), createSupernet });
    expect(() => small.restore(state)).toThrow(/embedding dimension 8 ≠ 16/);
    small.dispose();
  });

  it('rejects a bad configuration with a message naming the setting', () => {
    expect(() => new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config: { ...config, batchSize: 0 }, seed: toSeed(1), createSupernet })).toThrow(/batchSize/);
    expect(() => new SupernetTrainer({ data, space: SPACE_PRESETS.tiny, config: { ...config, lr: -1 }, seed: toSeed(1), createSupernet })).toThrow(/lr/);
  });
});

describe('backend self-test (the worker runs it before using a backend)', () => {
  it('passes for the wasm backend: its loss and gradients agree with the cpu backend', async () => {
    expect(await selfTest('wasm')).toBeUndefined();
  });
});
