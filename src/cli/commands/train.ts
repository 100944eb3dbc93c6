// `cli train`: trains the supernet headless in Node on the same core as the worker, and reports the losses.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { parseArgs } from 'node:util';
import { loadDataset } from '../../core/data/loader.ts';
import { createSupernet } from '../../core/model/supernet.ts';
import { toSeed } from '../../core/rng.ts';
import { SPACE_PRESETS } from '../../core/space/presets.ts';
import type { PresetName } from '../../core/space/types.ts';
import { DEFAULT_TRAIN_CONFIG, type TrainConfig } from '../../core/train/config.ts';
import { SupernetTrainer } from '../../core/train/trainer.ts';
import { enumOption, intOption, UsageError } from '../args.ts';
import { fileSource, sampleSource } from '../nodeSource.ts';

export const TRAIN_HELP = `train (--data <file> | --sample [--rows N]) --space tiny|small|full --steps N --seed S [--json]
  Trains the NASRec supernet headless in Node and prints train/validation log loss.
  --batch N            batch size (default ${DEFAULT_TRAIN_CONFIG.batchSize})
  --lr X               peak learning rate (default ${DEFAULT_TRAIN_CONFIG.lr})
  --warmup-steps N     full-path warm-up steps (default: 20 % of --steps)
  --strategy NAME      single-op-any-connection | single-path | any-path | full-path
  --eval-rows N        rows of the fixed validation subset (default ${DEFAULT_TRAIN_CONFIG.evalRows})
  --bucket-cap N       max embedding rows per categorical field (default 65536)
  --backend wasm|cpu   tfjs backend in Node (default wasm)`;

const STRATEGIES = ['single-op-any-connection', 'single-path', 'any-path', 'full-path'] as const;

export async function trainCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
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
    },
  });
  if (!values.sample === !values.data) throw new UsageError('train needs exactly one of --data <file> or --sample');
  const preset = enumOption(values.space, 'space', ['tiny', 'small', 'full'] as const) ?? 'tiny';
  const seed = intOption(values.seed, 'seed', 1);
  const steps = intOption(values.steps, 'steps', DEFAULT_TRAIN_CONFIG.steps, 1);
  const lr = values.lr === undefined ? DEFAULT_TRAIN_CONFIG.lr : Number(values.lr);
  if (!(lr > 0)) throw new UsageError(`--lr must be a positive number, got "${values.lr}"`);
  const config: TrainConfig = {
    ...DEFAULT_TRAIN_CONFIG,
    steps,
    lr,
    batchSize: intOption(values.batch, 'batch', DEFAULT_TRAIN_CONFIG.batchSize, 1),
    fullPathWarmupSteps: intOption(values['warmup-steps'], 'warmup-steps', Math.floor(steps * 0.2)),
    strategy: enumOption(values.strategy, 'strategy', STRATEGIES) ?? DEFAULT_TRAIN_CONFIG.strategy,
    evalRows: intOption(values['eval-rows'], 'eval-rows', DEFAULT_TRAIN_CONFIG.evalRows, 1),
    evalEvery: Math.max(1, Math.floor(steps / 10)),
  };
  const source = values.sample ? sampleSource(intOption(values.rows, 'rows', 100_000, 10), seed).source : fileSource(values.data!);
  const bucketCap = intOption(values['bucket-cap'], 'bucket-cap', 1 << 16, 2);
  const { dataset, stats } = await loadDataset(source, { bucketCap, split: { mode: 'random', seed: toSeed(seed) } });
  const backend = enumOption(values.backend, 'backend', ['wasm', 'cpu'] as const) ?? 'wasm';
  if (!(await tf.setBackend(backend))) throw new Error(`the tfjs ${backend} backend did not start`);
  const space = SPACE_PRESETS[preset as PresetName];
  const trainer = new SupernetTrainer({ data: dataset, space, config, seed: toSeed(seed), createSupernet });
  const log = (line: string) => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  log(`supernet ${preset}: ${trainer.net.variables.reduce((s, v) => s + v.size, 0).toLocaleString('en-US')} parameters; ${stats.rows} rows; backend ${tf.getBackend()}`);
  const started = performance.now();
  const trainLosses: { step: number; value: number }[] = [];
  const valLosses: { step: number; value: number }[] = [];
  try {
    while (trainer.step < steps) {
      await trainer.trainStep();
      if (trainer.step % config.readbackEvery === 0) trainLosses.push(...(await trainer.readLosses()));
      if (trainer.step % config.evalEvery === 0 || trainer.step === steps) {
        const v = await trainer.evaluate();
        valLosses.push({ step: trainer.step, value: v });
        log(`step ${String(trainer.step).padStart(6)}  train ${meanOf(trainLosses.slice(-config.evalEvery)).toFixed(4)}  val ${v.toFixed(4)}`);
      }
    }
    trainLosses.push(...(await trainer.readLosses()));
  } finally {
    trainer.dispose();
  }
  const seconds = (performance.now() - started) / 1000;
  const result = {
    steps,
    space: preset,
    backend: tf.getBackend(),
    seed,
    batchSize: config.batchSize,
    trainLoss: meanOf(trainLosses.slice(-Math.max(1, Math.floor(steps / 10)))),
    valLoss: valLosses.at(-1)?.value ?? NaN,
    baseRateLogLoss: stats.splits.val.baseRateLogLoss,
    samplesPerSec: (steps * config.batchSize) / seconds,
    stepsPerSec: steps / seconds,
    seconds,
    valCurve: valLosses,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else log(`done: train ${result.trainLoss.toFixed(4)}, val ${result.valLoss.toFixed(4)} vs base rate ${result.baseRateLogLoss.toFixed(4)}; ${result.samplesPerSec.toFixed(0)} samples/s`);
  return 0;
}

function meanOf(points: { value: number }[]): number {
  return points.length ? points.reduce((s, p) => s + p.value, 0) / points.length : NaN;
}
