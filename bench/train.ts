// Supernet training speed in Node: steady-state step time per preset and tfjs backend (wasm, cpu), kernels per step.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { loadDataset } from '../src/core/data/loader.ts';
import { createCriteoSample } from '../src/core/data/synthetic/index.ts';
import { createSupernet } from '../src/core/model/supernet.ts';
import { toSeed } from '../src/core/rng.ts';
import { SPACE_PRESETS } from '../src/core/space/presets.ts';
import type { PresetName } from '../src/core/space/types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../src/core/train/config.ts';
import { SupernetTrainer } from '../src/core/train/trainer.ts';
import type { BenchOutput } from './run.ts';

/** Cases: preset, backend, batch, timed steps (after 5 warm-up steps; the sampled paths differ per step). */
const CASES: { preset: PresetName; backend: 'wasm' | 'cpu'; batch: number; steps: number }[] = [
  { preset: 'tiny', backend: 'wasm', batch: 256, steps: 40 },
  { preset: 'small', backend: 'wasm', batch: 256, steps: 15 },
  { preset: 'full', backend: 'wasm', batch: 256, steps: 10 },
  { preset: 'tiny', backend: 'cpu', batch: 256, steps: 8 },
];

export async function trainBench(): Promise<BenchOutput> {
  const sample = createCriteoSample({ rows: 20_000, seed: toSeed(1) });
  const { dataset } = await loadDataset({ name: 'sample', chunks: sample.chunks() }, { split: { mode: 'random', seed: toSeed(1) } });
  const table = ['preset  backend  batch  ms/step  steps/s  samples/s  kernels/step'];
  const results: Record<string, unknown>[] = [];
  for (const c of CASES) {
    if (!(await tf.setBackend(c.backend))) throw new Error(`the ${c.backend} backend did not start`);
    const config = { ...DEFAULT_TRAIN_CONFIG, batchSize: c.batch, steps: 10_000, fullPathWarmupSteps: 0 };
    const trainer = new SupernetTrainer({ data: dataset, space: SPACE_PRESETS[c.preset], config, seed: toSeed(1), createSupernet });
    try {
      for (let i = 0; i < 5; i++) await trainer.trainStep();
      await trainer.readLosses();
      const started = performance.now();
      for (let i = 0; i < c.steps; i++) {
        await trainer.trainStep();
        if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
      }
      await trainer.readLosses();
      const ms = (performance.now() - started) / c.steps;
      const profile = await tf.profile(async () => {
        await trainer.trainStep();
      });
      await trainer.readLosses();
      const row = { ...c, msPerStep: ms, stepsPerSec: 1000 / ms, samplesPerSec: (1000 * c.batch) / ms, kernelsPerStep: profile.kernels.length };
      results.push(row);
      table.push(
        `${c.preset.padEnd(7)} ${c.backend.padEnd(8)} ${String(c.batch).padStart(5)} ${ms.toFixed(0).padStart(8)} ${row.stepsPerSec.toFixed(2).padStart(8)} ${row.samplesPerSec.toFixed(0).padStart(10)} ${String(row.kernelsPerStep).padStart(13)}`,
      );
    } finally {
      trainer.dispose();
    }
  }
  return { table, json: { results } };
}
