// `score` bench: candidates per minute the search proxy scores (fine-tune + validation, NASREC.md §9) per preset and mode.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { toSeed, rngFromSeed } from '../src/core/rng.ts';
import { createSupernet } from '../src/core/model/supernet.ts';
import { proxyConfig, ProxyScorer, type FineTuneMode } from '../src/core/search/proxy.ts';
import { SPACE_PRESETS } from '../src/core/space/presets.ts';
import { sampleArch } from '../src/core/space/sampler.ts';
import type { PresetName } from '../src/core/space/types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../src/core/train/config.ts';
import { SupernetTrainer } from '../src/core/train/trainer.ts';
import type { BenchOutput } from './run.ts';
import { sampleDataset } from './sample.ts';

/** Cases: preset, fine-tune mode, candidates scored (after one untimed candidate). Proxy settings are the defaults. */
const CASES: { preset: PresetName; mode: FineTuneMode; candidates: number }[] = [
  { preset: 'tiny', mode: 'last', candidates: 8 },
  { preset: 'tiny', mode: 'none', candidates: 8 },
  { preset: 'tiny', mode: 'whole', candidates: 4 },
  { preset: 'small', mode: 'last', candidates: 4 },
  { preset: 'full', mode: 'last', candidates: 3 },
];

export async function scoreBench(): Promise<BenchOutput> {
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  const dataset = await sampleDataset();
  const trainRows = dataset.splits.train.length;
  const table = ['backend    preset  fine-tune  steps  val rows  candidates  s/candidate  candidates/min'];
  const results: Record<string, unknown>[] = [];
  for (const c of CASES) {
    const space = SPACE_PRESETS[c.preset];
    // An untrained supernet costs the same to score as a trained one: the bench measures work, not quality.
    const trainer = new SupernetTrainer({ data: dataset, space, config: DEFAULT_TRAIN_CONFIG, seed: toSeed(1), createSupernet });
    const proxy = proxyConfig(trainRows, { mode: c.mode });
    const scorer = new ProxyScorer(trainer.net, trainer.embeddings, dataset, proxy);
    try {
      const rng = rngFromSeed(toSeed(3));
      await scorer.score(sampleArch(space, rng));
      const started = performance.now();
      for (let i = 0; i < c.candidates; i++) await scorer.score(sampleArch(space, rng));
      const seconds = (performance.now() - started) / 1000 / c.candidates;
      const row = { backend: 'node:wasm', ...c, steps: c.mode === 'none' ? 0 : proxy.steps, valRows: proxy.valRows, secondsPerCandidate: seconds, candidatesPerMinute: 60 / seconds };
      results.push(row);
      table.push(
        `${row.backend.padEnd(10)} ${c.preset.padEnd(6)} ${c.mode.padEnd(9)} ${String(row.steps).padStart(6)} ${String(row.valRows).padStart(9)} ${String(c.candidates).padStart(11)} ${seconds.toFixed(2).padStart(12)} ${row.candidatesPerMinute.toFixed(1).padStart(15)}`,
      );
    } finally {
      trainer.dispose();
    }
  }
  return { table, json: { results } };
}
