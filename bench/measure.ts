// Measures supernet training steps in any tfjs realm (Node or a browser worker): time, kernels, read-backs, shader compilations, memory.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../src/core/data/types.ts';
import { createSupernet } from '../src/core/model/supernet.ts';
import { toSeed } from '../src/core/rng.ts';
import { SPACE_PRESETS } from '../src/core/space/presets.ts';
import type { PresetName } from '../src/core/space/types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../src/core/train/config.ts';
import { SupernetTrainer } from '../src/core/train/trainer.ts';

/** One benchmark case: a preset at a batch size (the sampled paths follow seed 1, so every backend sees the same ones). */
export interface TrainCase {
  preset: PresetName;
  batch: number;
}

/** How long to run a case. */
export interface StepBudget {
  /** Untimed steps first (compilation, allocation). Shader compilations are counted after these. */
  warmupSteps: number;
  /** Timed steps at least … */
  minSteps: number;
  /** … and at most; timing stops earlier once `budgetMs` has passed after `minSteps`. */
  maxSteps: number;
  budgetMs: number;
}

/** One measured case: the `train` bench's JSON row. */
export interface TrainRow {
  backend: string;
  preset: PresetName;
  batch: number;
  /** Timed steps. */
  steps: number;
  warmupSteps: number;
  /** Wall time of the warm-up steps together. */
  warmupMs: number;
  msPerStep: number;
  stepsPerSec: number;
  samplesPerSec: number;
  /** Kernels tfjs ran per steady-state step (`tf.profile`), the mean over PROFILED_STEPS sampled paths. */
  kernelsPerStep: number;
  /** The same without Identity and Reshape, which only add a reference to a buffer on every backend (no dispatch). */
  computeKernelsPerStep: number;
  /**
   * Read-backs per timed step: on WebGPU every backend read (each a GPU→CPU transfer); on wasm and cpu the reads
   * our code asks for (kernels' own reads there are views of host memory, counted in `backendReadsPerStep`).
   */
  readbacksPerStep: number;
  /** Every backend read per timed step, kernels' own included. */
  backendReadsPerStep: number;
  /** New GPU pipelines compiled during the timed steps (WebGPU); null on backends that compile none. */
  shaderCompilesAfterWarmup: number | null;
  /** Live tensor memory after the timed steps (tf.memory().numBytes), MiB. */
  tensorMiB: number;
  /** Host-side embedding tables and their Adagrad accumulators, MiB. */
  hostTablesMiB: number;
  /** The wasm backend's heap after the case, MiB (it never shrinks: the peak of every case so far); null elsewhere. */
  wasmHeapMiB: number | null;
}

interface Readable {
  read: (...args: unknown[]) => unknown;
  readSync: (...args: unknown[]) => unknown;
}

/** Replaces `target`'s read methods with counting ones; returns the restorer. */
function countOn(target: Readable, onRead: () => void): () => void {
  const { read, readSync } = target;
  target.read = (...args) => {
    onRead();
    return read.apply(target, args);
  };
  target.readSync = (...args) => {
    onRead();
    return readSync.apply(target, args);
  };
  return () => {
    target.read = read;
    target.readSync = readSync;
  };
}

/**
 * Counts reads while installed. `explicit`: tensor data our code asked for (`data()`, `dataSync()`, through the
 * engine). `backend`: every backend read, kernels' own included — on WebGPU each is a GPU→CPU transfer (kernels
 * forwarded to the CPU read their inputs back); on wasm and cpu a kernel's read is a view of host memory.
 */
export function countReads(): { readonly explicit: number; readonly backend: number; stop(): void } {
  let explicit = 0;
  let backend = 0;
  const engine = tf.engine() as unknown as Readable;
  const restoreEngine = countOn(engine, () => explicit++);
  const restoreBackend = countOn(tf.backend() as unknown as Readable, () => backend++);
  return {
    get explicit() {
      return explicit;
    },
    get backend() {
      return backend;
    },
    stop() {
      restoreEngine();
      restoreBackend();
    },
  };
}

/** GPU pipelines compiled so far by the WebGPU backend; null elsewhere. */
export function compiledPipelines(): number | null {
  const cache = (tf.backend() as unknown as { pipelineCache?: Record<string, unknown> }).pipelineCache;
  return cache ? Object.keys(cache).length : null;
}

/** The wasm backend's heap, MiB; null on other backends. */
export function wasmHeapMiB(): number | null {
  const heap = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8;
  return heap ? heap.buffer.byteLength / 2 ** 20 : null;
}

/** Steps profiled for the kernel counts: each samples another path, and counts vary by ±15 % between paths. */
export const PROFILED_STEPS = 5;
/** Kernels that run no computation on any backend: they return the input's buffer with one more reference. */
const REFERENCE_ONLY_KERNELS = new Set(['Identity', 'Reshape']);

/** Trains the case's supernet on the active backend for the budget and measures it. */
export async function measureTrainCase(dataset: Dataset, c: TrainCase, budget: StepBudget): Promise<TrainRow> {
  const config = { ...DEFAULT_TRAIN_CONFIG, batchSize: c.batch, steps: 1_000_000, fullPathWarmupSteps: 0 };
  const trainer = new SupernetTrainer({ data: dataset, space: SPACE_PRESETS[c.preset], config, seed: toSeed(1), createSupernet });
  try {
    const warmStart = performance.now();
    for (let i = 0; i < budget.warmupSteps; i++) await trainer.trainStep();
    await trainer.readLosses();
    const warmupMs = performance.now() - warmStart;
    const pipelinesBefore = compiledPipelines();
    const reads = countReads();
    const started = performance.now();
    let steps = 0;
    try {
      while (steps < budget.maxSteps && (steps < budget.minSteps || performance.now() - started < budget.budgetMs)) {
        await trainer.trainStep();
        steps++;
        if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
      }
      await trainer.readLosses();
    } finally {
      reads.stop();
    }
    const ms = (performance.now() - started) / steps;
    const pipelinesAfter = compiledPipelines();
    const tensorMiB = tf.memory().numBytes / 2 ** 20;
    let kernels = 0;
    let computeKernels = 0;
    for (let i = 0; i < PROFILED_STEPS; i++) {
      const profile = await tf.profile(async () => {
        await trainer.trainStep();
      });
      kernels += profile.kernels.length;
      computeKernels += profile.kernels.filter((k) => !REFERENCE_ONLY_KERNELS.has(k.name)).length;
    }
    await trainer.readLosses();
    const tables = trainer.embeddings;
    const hostBytes = [...tables.tables, ...tables.accumulators].reduce((sum, t) => sum + t.byteLength, 0);
    return {
      backend: tf.getBackend(),
      preset: c.preset,
      batch: c.batch,
      steps,
      warmupSteps: budget.warmupSteps,
      warmupMs,
      msPerStep: ms,
      stepsPerSec: 1000 / ms,
      samplesPerSec: (1000 * c.batch) / ms,
      kernelsPerStep: Math.round(kernels / PROFILED_STEPS),
      computeKernelsPerStep: Math.round(computeKernels / PROFILED_STEPS),
      readbacksPerStep: (tf.getBackend() === 'webgpu' ? reads.backend : reads.explicit) / steps,
      backendReadsPerStep: reads.backend / steps,
      shaderCompilesAfterWarmup: pipelinesBefore === null || pipelinesAfter === null ? null : pipelinesAfter - pipelinesBefore,
      tensorMiB,
      hostTablesMiB: hostBytes / 2 ** 20,
      wasmHeapMiB: wasmHeapMiB(),
    };
  } finally {
    trainer.dispose();
  }
}

/** The `train` table's header and one line per row (a skipped case prints its reason). */
export const TRAIN_TABLE_HEADER =
  'backend        preset  batch  steps  ms/step  steps/s  samples/s  kernels/step  (compute)  readbacks/step  compiles  tensor MiB';

export function trainTableLine(row: TrainRow): string {
  return [
    row.backend.padEnd(14),
    row.preset.padEnd(6),
    String(row.batch).padStart(6),
    String(row.steps).padStart(6),
    row.msPerStep.toFixed(0).padStart(8),
    row.stepsPerSec.toFixed(2).padStart(8),
    row.samplesPerSec.toFixed(0).padStart(10),
    String(row.kernelsPerStep).padStart(13),
    String(row.computeKernelsPerStep).padStart(10),
    row.readbacksPerStep.toFixed(2).padStart(15),
    (row.shaderCompilesAfterWarmup === null ? 'n/a' : String(row.shaderCompilesAfterWarmup)).padStart(9),
    row.tensorMiB.toFixed(0).padStart(11),
  ].join(' ');
}
