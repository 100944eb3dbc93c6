// CLI plumbing shared by train, search and rank: data options, backend, training or loading a supernet, saving it.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset } from '../core/data/loader.ts';
import { DEFAULT_SAMPLE_ROWS } from '../core/data/synthetic/index.ts';
import type { Dataset, DatasetStats } from '../core/data/types.ts';
import { createSupernet } from '../core/model/supernet.ts';
import { toSeed } from '../core/rng.ts';
import { SPACE_PRESETS } from '../core/space/presets.ts';
import type { PresetName, SamplingStrategy, SpaceConfig } from '../core/space/types.ts';
import { loadCheckpoint, saveCheckpoint, type Checkpoint, type CheckpointMeta } from '../core/train/checkpoint.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../core/train/config.ts';
import { SupernetTrainer } from '../core/train/trainer.ts';
import { enumOption, intOption, UsageError } from './args.ts';
import { fileSource, sampleSource } from './nodeSource.ts';

export const STRATEGIES: readonly SamplingStrategy[] = ['single-op-any-connection', 'single-path', 'any-path', 'full-path'];

/** parseArgs options every supernet command takes. */
export const SUPERNET_OPTIONS = {
  data: { type: 'string' },
  sample: { type: 'boolean', default: false },
  rows: { type: 'string' },
  space: { type: 'string' },
  steps: { type: 'string' },
  seed: { type: 'string' },
  batch: { type: 'string' },
  lr: { type: 'string' },
  'warmup-steps': { type: 'string' },
  strategy: { type: 'string' },
  'eval-rows': { type: 'string' },
  json: { type: 'boolean', default: false },
  backend: { type: 'string' },
  'bucket-cap': { type: 'string' },
  supernet: { type: 'string' },
  'no-interaction': { type: 'boolean', default: false },
} as const;

export const SUPERNET_HELP = `  --data FILE | --sample [--rows N]   the data (sample default ${DEFAULT_SAMPLE_ROWS} rows)
  --space tiny|small|full              search-space preset (default tiny)
  --seed S                             run seed: data split, weights, sampling (default 1)
  --steps N                            supernet training steps (default ${DEFAULT_TRAIN_CONFIG.steps}: one epoch of the default sample)
  --batch N, --lr X, --warmup-steps N, --strategy NAME, --eval-rows N, --no-interaction
  --bucket-cap N                       max embedding rows per categorical field (default 65536)
  --backend wasm|cpu                   tfjs backend in Node (default wasm)`;

type Values = { [K in keyof typeof SUPERNET_OPTIONS]?: (typeof SUPERNET_OPTIONS)[K] extends { type: 'boolean' } ? boolean : string };

/** The data a run used, kept in a saved supernet so `--supernet DIR` can reload the same rows. */
interface DataArgs {
  data?: string;
  rows?: number;
  seed: number;
  bucketCap: number;
}

export interface SupernetRun {
  trainer: SupernetTrainer;
  dataset: Dataset;
  stats: DatasetStats;
  space: SpaceConfig;
  preset: PresetName;
  seed: number;
  config: TrainConfig;
  dataArgs: DataArgs;
  /** Seconds spent training (0 when loaded). */
  trainSeconds: number;
  loaded: boolean;
}

const CHECKPOINT_FILES = { meta: 'supernet.json', weights: 'weights.bin', embeddings: 'embeddings.bin' } as const;

/** Reads a saved supernet directory. */
export function readCheckpointDir(dir: string): Checkpoint {
  const meta = JSON.parse(readFileSync(join(dir, CHECKPOINT_FILES.meta), 'utf8')) as CheckpointMeta;
  const floats = (file: string) => {
    const buf = readFileSync(join(dir, file));
    return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  };
  return { meta, weights: floats(CHECKPOINT_FILES.weights), embeddings: floats(CHECKPOINT_FILES.embeddings) };
}

/** Writes `supernet.json`, `weights.bin` and `embeddings.bin` into `dir` (created if missing). */
export async function writeCheckpointDir(dir: string, run: SupernetRun): Promise<void> {
  const checkpoint = await saveCheckpoint(run.trainer.net, run.trainer.embeddings, run.trainer.step, { data: run.dataArgs, preset: run.preset, train: run.config });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CHECKPOINT_FILES.meta), `${JSON.stringify(checkpoint.meta)}\n`);
  writeFileSync(join(dir, CHECKPOINT_FILES.weights), new Uint8Array(checkpoint.weights.buffer));
  writeFileSync(join(dir, CHECKPOINT_FILES.embeddings), new Uint8Array(checkpoint.embeddings.buffer));
}

/**
 * Loads the data and the backend, then trains a supernet, or loads the one saved in `--supernet DIR` (its data
 * options are the defaults then, so the same rows and buckets come back). `log` gets human progress lines.
 */
export async function prepareSupernet(values: Values, log: (line: string) => void): Promise<SupernetRun> {
  const saved = values.supernet ? readCheckpointDir(values.supernet) : undefined;
  const savedData = saved?.meta.extra?.data as DataArgs | undefined;
  if (!saved && !values.sample === !values.data) throw new UsageError('needs exactly one of --data <file> or --sample (or --supernet <dir>)');
  if (values.sample && values.data) throw new UsageError('give --data or --sample, not both');
  const seed = intOption(values.seed, 'seed', savedData?.seed ?? 1);
  const useFile = values.data ?? (values.sample ? undefined : savedData?.data);
  const dataArgs: DataArgs = {
    seed,
    bucketCap: intOption(values['bucket-cap'], 'bucket-cap', savedData?.bucketCap ?? 1 << 16, 2),
    ...(useFile ? { data: useFile } : { rows: intOption(values.rows, 'rows', savedData?.rows ?? DEFAULT_SAMPLE_ROWS, 10) }),
  };
  const source = dataArgs.data ? fileSource(dataArgs.data) : sampleSource(dataArgs.rows!, seed).source;
  const { dataset, stats } = await loadDataset(source, { bucketCap: dataArgs.bucketCap, split: { mode: 'random', seed: toSeed(seed) } });
  const backend = enumOption(values.backend, 'backend', ['wasm', 'cpu'] as const) ?? 'wasm';
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend did not start`);

  const preset = enumOption(values.space, 'space', ['tiny', 'small', 'full'] as const) ?? ((saved?.meta.extra?.preset as PresetName | undefined) ?? 'tiny');
  const space: SpaceConfig = saved ? saved.meta.space : { ...SPACE_PRESETS[preset], interactionModules: !values['no-interaction'] };
  const config = trainConfigFrom(values, (saved?.meta.extra?.train as TrainConfig | undefined) ?? DEFAULT_TRAIN_CONFIG);
  const trainer = new SupernetTrainer({ data: dataset, space, config, seed: toSeed(seed), createSupernet });
  const run: SupernetRun = { trainer, dataset, stats, space, preset, seed, config, dataArgs, trainSeconds: 0, loaded: Boolean(saved) };
  if (saved) {
    loadCheckpoint(saved, trainer.net, trainer.embeddings);
    log(`supernet ${preset}: loaded from ${values.supernet} (${saved.meta.steps} steps); ${stats.rows} rows; backend ${tf.getBackend()}`);
    return run;
  }
  log(`supernet ${preset}: ${trainer.net.variables.reduce((s, v) => s + v.size, 0).toLocaleString('en-US')} parameters; ${stats.rows} rows; backend ${tf.getBackend()}`);
  return run;
}

function trainConfigFrom(values: Values, base: TrainConfig): TrainConfig {
  const steps = intOption(values.steps, 'steps', base.steps, 1);
  const lr = values.lr === undefined ? base.lr : Number(values.lr);
  if (!(lr > 0)) throw new UsageError(`--lr must be a positive number, got "${values.lr}"`);
  return {
    ...base,
    steps,
    lr,
    batchSize: intOption(values.batch, 'batch', base.batchSize, 1),
    fullPathWarmupSteps: intOption(values['warmup-steps'], 'warmup-steps', Math.floor(steps * 0.2)),
    strategy: enumOption(values.strategy, 'strategy', STRATEGIES) ?? base.strategy,
    evalRows: intOption(values['eval-rows'], 'eval-rows', base.evalRows, 1),
    evalEvery: Math.max(1, Math.floor(steps / 10)),
  };
}

/** Trains the run's supernet to its step count; returns the validation curve. `log` gets a line per evaluation. */
export async function trainSupernet(run: SupernetRun, log: (line: string) => void): Promise<{ train: { step: number; value: number }[]; val: { step: number; value: number }[] }> {
  const { trainer, config } = run;
  const started = performance.now();
  const train: { step: number; value: number }[] = [];
  const val: { step: number; value: number }[] = [];
  while (trainer.step < config.steps) {
    await trainer.trainStep();
    if (trainer.step % config.readbackEvery === 0) train.push(...(await trainer.readLosses()));
    if (trainer.step % config.evalEvery === 0 || trainer.step === config.steps) {
      const v = await trainer.evaluate();
      val.push({ step: trainer.step, value: v });
      log(`step ${String(trainer.step).padStart(6)}  train ${meanOf(train.slice(-config.evalEvery)).toFixed(4)}  val ${v.toFixed(4)}`);
    }
  }
  train.push(...(await trainer.readLosses()));
  run.trainSeconds = (performance.now() - started) / 1000;
  return { train, val };
}

export function meanOf(points: { value: number }[]): number {
  return points.length ? points.reduce((s, p) => s + p.value, 0) / points.length : NaN;
}
