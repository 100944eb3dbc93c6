// One supernet training run: a sampled path per step through the training loop (NASREC.md §8).
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/types.ts';
import type { createSupernet } from '../model/supernet.ts';
import type { NasrecSupernet } from '../model/types.ts';
import { rngFromSeed, type Rng, type Seed } from '../rng.ts';
import { archToPath } from '../space/path.ts';
import { sampleArch, samplePath } from '../space/sampler.ts';
import type { InputShape, SpaceConfig, SupernetPath } from '../space/types.ts';
import { inputShapeOf } from './batches.ts';
import { loadCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint.ts';
import { validateTrainConfig, type TrainConfig } from './config.ts';
import type { EmbeddingTables } from './embeddings.ts';
import { TrainLoop } from './loop.ts';

/** Architectures whose mean validation loss tracks the supernet's quality during training. */
export const EVAL_PATHS = 3;

export interface TrainerOptions {
  data: Dataset;
  space: SpaceConfig;
  config: TrainConfig;
  seed: Seed;
  createSupernet: typeof createSupernet;
}

/** A run's state at a step (`SupernetTrainer.resumeState`): restoring it continues the run exactly. */
export interface ResumeState {
  checkpoint: Checkpoint;
  /** Adagrad accumulators of `net.variables`, concatenated in order. */
  optimizer: Float32Array;
  /** The embedding tables' Adagrad accumulators, concatenated in field order. */
  embeddingAccumulators: Float32Array;
}

/** What one optimizer step did. */
export interface StepResult {
  /** The step just taken (0-based). */
  step: number;
  path: SupernetPath;
  /** True for a full-path warm-up step (§8.1). */
  full: boolean;
  lr: number;
}

/**
 * Owns the supernet and the training loop (host embeddings, optimizer state) of one run. Every random choice
 * comes from named streams of the run seed: `init` (weights), `embeddings`, `sampler` (paths), `eval`.
 */
export class SupernetTrainer {
  readonly net: NasrecSupernet;
  readonly loop: TrainLoop;
  readonly input: InputShape;
  readonly config: TrainConfig;
  private samplerRng: Rng;
  private readonly evalPaths: SupernetPath[];

  constructor(private readonly options: TrainerOptions) {
    validateTrainConfig(options.config);
    const { data, space, config } = options;
    this.config = config;
    const rng = rngFromSeed(options.seed);
    this.input = inputShapeOf(data);
    this.net = options.createSupernet(space, this.input, { rng: rng.stream('init'), layerNorm: true });
    this.loop = new TrainLoop({ data, embeddingDim: space.embeddingDim, config, embeddingRng: rng.stream('embeddings') });
    this.samplerRng = rng.stream('sampler');
    const evalRng = rng.stream('eval');
    this.evalPaths = Array.from({ length: EVAL_PATHS }, () => archToPath(sampleArch(space, evalRng)));
  }

  /** Optimizer steps taken so far. */
  get step(): number {
    return this.loop.step;
  }

  /** The host-side embedding tables (one per categorical field). */
  get embeddings(): EmbeddingTables {
    return this.loop.embeddings;
  }

  /**
   * Takes one optimizer step on the next training batch, on a freshly sampled path or on `fixedPath`
   * (training one architecture inside the supernet).
   */
  async trainStep(fixedPath?: SupernetPath): Promise<StepResult> {
    const { config } = this;
    const step = this.loop.step;
    const { path, full } = fixedPath
      ? { path: fixedPath, full: false }
      : samplePath(this.options.space, this.samplerRng, config.strategy, { step, fullPathWarmupSteps: config.fullPathWarmupSteps });
    const lr = await this.loop.trainStep((dense0, sparse0) => this.net.forward(dense0, sparse0, path), this.net.variables);
    return { step, path, full, lr };
  }

  /** Train losses since the last call, read back from the device in one transfer. */
  readLosses(): Promise<{ step: number; value: number }[]> {
    return this.loop.readLosses();
  }

  /** Number of losses waiting to be read back. */
  get pendingLossCount(): number {
    return this.loop.pendingLossCount;
  }

  /**
   * Mean validation log loss of the supernet over a fixed validation subset and a fixed set of
   * EVAL_PATHS sampled architectures (the same ones all run long), or of the given paths; read back once.
   */
  evaluate(paths: readonly SupernetPath[] = this.evalPaths): Promise<number> {
    return this.loop.evaluate(paths.map((path) => (dense0: tf.Tensor2D, sparse0: tf.Tensor3D) => this.net.forward(dense0, sparse0, path)));
  }

  /**
   * Everything needed to continue this run later exactly as if it had not stopped: the checkpoint (weights and
   * embedding tables), the network's Adagrad accumulators (`net.variables` order) and the embedding accumulators.
   */
  async resumeState(extra?: Record<string, unknown>): Promise<ResumeState> {
    const checkpoint = await saveCheckpoint(this.net, this.embeddings, this.step, extra);
    const embeddingAccumulators = new Float32Array(this.embeddings.accumulators.reduce((n, a) => n + a.length, 0));
    let at = 0;
    for (const a of this.embeddings.accumulators) {
      embeddingAccumulators.set(a, at);
      at += a.length;
    }
    return { checkpoint, optimizer: await this.loop.optimizerState(this.net.variables), embeddingAccumulators };
  }

  /**
   * Continues at the state's step, on a trainer built with the same data, space, config and seed: weights, tables,
   * optimizer state, schedule, batch position, and the path sampler replayed to the same point. Throws on a mismatch.
   */
  restore(state: ResumeState): void {
    const step = state.checkpoint.meta.steps;
    if (step > this.config.steps) throw new RangeError(`the checkpoint is at step ${step}, past this run's ${this.config.steps} steps`);
    loadCheckpoint(state.checkpoint, this.net, this.embeddings);
    const total = this.embeddings.accumulators.reduce((n, a) => n + a.length, 0);
    if (state.embeddingAccumulators.length !== total) throw new RangeError('the checkpoint’s embedding optimizer state does not match these tables');
    let at = 0;
    for (const a of this.embeddings.accumulators) {
      a.set(state.embeddingAccumulators.subarray(at, at + a.length));
      at += a.length;
    }
    this.loop.restoreState(step, this.net.variables, state.optimizer);
    // Paths are drawn from one stream: draw the ones the first `step` steps drew, so the next is the same.
    this.samplerRng = rngFromSeed(this.options.seed).stream('sampler');
    for (let s = 0; s < step; s++) samplePath(this.options.space, this.samplerRng, this.config.strategy, { step: s, fullPathWarmupSteps: this.config.fullPathWarmupSteps });
  }

  dispose(): void {
    this.loop.dispose();
    this.net.dispose();
  }
}
