// One supernet training run: sampled path per step, forward/backward, clipping, Adagrad on network and embedding rows.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/types.ts';
import type { CreateSupernet, Supernet } from '../model/types.ts';
import { rngFromSeed, type Rng, type Seed } from '../rng.ts';
import { archToPath } from '../space/path.ts';
import { sampleArch, samplePath } from '../space/sampler.ts';
import type { InputShape, SpaceConfig, SupernetPath } from '../space/types.ts';
import { BatchStream, emptyBatch, fillBatch, inputShapeOf, tableRowsOf, type Batch } from './batches.ts';
import { validateTrainConfig, type TrainConfig } from './config.ts';
import { EmbeddingTables } from './embeddings.ts';
import { Adagrad, bceWithLogits, clipCoefficient, gradNormSq } from './optimizer.ts';
import { learningRate } from './schedule.ts';

/** Architectures whose mean validation loss tracks the supernet's quality during training. */
export const EVAL_PATHS = 3;

export interface TrainerOptions {
  data: Dataset;
  space: SpaceConfig;
  config: TrainConfig;
  seed: Seed;
  createSupernet: CreateSupernet;
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
 * Owns the supernet, the host-side embedding tables and the optimizer state of one run. Every random choice
 * comes from named streams of the run seed: `init` (weights), `embeddings`, `sampler` (paths), `eval`.
 */
export class SupernetTrainer {
  readonly net: Supernet;
  readonly embeddings: EmbeddingTables;
  readonly input: InputShape;
  readonly config: TrainConfig;
  step = 0;
  private readonly optimizer = new Adagrad();
  private readonly sparseInput: tf.Variable;
  private readonly gathered: Float32Array;
  private readonly batches: BatchStream;
  private readonly samplerRng: Rng;
  private readonly variablesByName: Map<string, tf.Variable>;
  private readonly evalPaths: SupernetPath[];
  private readonly evalBatches: Batch[];
  /** Reused [B, F, E] host buffers for the validation batches' gathered embeddings. */
  private readonly evalGathered: Float32Array[];
  private pendingLosses: { step: number; loss: tf.Scalar }[] = [];

  constructor(private readonly options: TrainerOptions) {
    validateTrainConfig(options.config);
    const { data, space, config } = options;
    this.config = config;
    const rng = rngFromSeed(options.seed);
    this.input = inputShapeOf(data);
    this.net = options.createSupernet(space, this.input, { rng: rng.stream('init'), layerNorm: true });
    this.embeddings = new EmbeddingTables(tableRowsOf(data), space.embeddingDim, config.batchSize, rng.stream('embeddings'));
    this.batches = new BatchStream(data, data.splits.train, config.batchSize);
    this.samplerRng = rng.stream('sampler');
    const B = config.batchSize;
    this.gathered = new Float32Array(B * this.input.sparse * space.embeddingDim);
    this.sparseInput = tf.tidy(() => tf.variable(tf.zeros([B, this.input.sparse, space.embeddingDim]), true, 'trainer/sparseInput'));
    this.variablesByName = new Map(this.net.variables.map((v) => [v.name, v]));
    const evalRng = rng.stream('eval');
    this.evalPaths = Array.from({ length: EVAL_PATHS }, () => archToPath(sampleArch(space, evalRng)));
    this.evalBatches = makeEvalBatches(data, config);
    this.evalGathered = this.evalBatches.map((b) => new Float32Array(b.size * this.input.sparse * space.embeddingDim));
  }

  /**
   * Takes one optimizer step on the next training batch, on a freshly sampled path or on `fixedPath`
   * (training one architecture inside the supernet).
   */
  async trainStep(fixedPath?: SupernetPath): Promise<StepResult> {
    const { config } = this;
    const B = config.batchSize;
    const batch = this.batches.next();
    const { path, full } = fixedPath
      ? { path: fixedPath, full: false }
      : samplePath(this.options.space, this.samplerRng, config.strategy, { step: this.step, fullPathWarmupSteps: config.fullPathWarmupSteps });
    const lr = learningRate(this.step, config.steps, config.lr, config.warmupFraction);
    this.embeddings.gather(batch.indices, B, this.gathered);
    const { loss, netGrads, embGrad, normSq } = tf.tidy(() => {
      this.sparseInput.assign(tf.tensor3d(this.gathered, this.sparseInput.shape as [number, number, number]));
      const dense0 = tf.tensor2d(batch.dense, [B, this.input.dense]);
      const labels = tf.tensor1d(batch.labels);
      const { value, grads } = tf.variableGrads(
        () => bceWithLogits(this.net.forward(dense0, this.sparseInput as tf.Tensor3D, path), labels),
        [...this.net.variables, this.sparseInput],
      );
      const { [this.sparseInput.name]: emb, ...rest } = grads;
      if (!emb) throw new Error('no gradient reached the embeddings');
      return { loss: value, netGrads: rest, embGrad: emb, normSq: gradNormSq(Object.values(rest)) };
    });
    // One device→host transfer per step: the embedding-row gradients (the tables live on the host) and,
    // with them, the network's squared gradient norm that global-norm clipping needs.
    const [normSqHost, embGradHost] = await Promise.all([normSq.data(), embGrad.data()]);
    const embNormSq = this.embeddings.gradNormSq(batch.indices, B, embGradHost as Float32Array);
    const coef = clipCoefficient(Math.sqrt(normSqHost[0]! + embNormSq), config.clipNorm);
    const updates = new Map<tf.Variable, tf.Tensor>();
    for (const [name, grad] of Object.entries(netGrads)) updates.set(this.variablesByName.get(name)!, grad);
    this.optimizer.apply(updates, lr, coef);
    this.embeddings.applyAdagrad(batch.indices, B, embGradHost as Float32Array, lr, coef);
    tf.dispose([embGrad, normSq, ...Object.values(netGrads)]);
    this.pendingLosses.push({ step: this.step, loss });
    return { step: this.step++, path, full, lr };
  }

  /** Train losses since the last call, read back from the device in one transfer. */
  async readLosses(): Promise<{ step: number; value: number }[]> {
    const pending = this.pendingLosses;
    this.pendingLosses = [];
    if (pending.length === 0) return [];
    const stacked = tf.stack(pending.map((p) => p.loss));
    const values = await stacked.data();
    tf.dispose([stacked, ...pending.map((p) => p.loss)]);
    return pending.map((p, i) => ({ step: p.step, value: values[i]! }));
  }

  /** Number of losses waiting to be read back. */
  get pendingLossCount(): number {
    return this.pendingLosses.length;
  }

  /**
   * Mean validation log loss of the supernet over a fixed validation subset and a fixed set of
   * EVAL_PATHS sampled architectures (the same ones all run long), or of the given paths; read back once.
   */
  async evaluate(paths: readonly SupernetPath[] = this.evalPaths): Promise<number> {
    const E = this.options.space.embeddingDim;
    const total = tf.tidy(() => {
      const losses: tf.Scalar[] = [];
      this.evalBatches.forEach((batch, k) => {
        const gathered = this.evalGathered[k]!;
        this.embeddings.gather(batch.indices, batch.size, gathered);
        const sparse0 = tf.tensor3d(gathered, [batch.size, this.input.sparse, E]);
        const dense0 = tf.tensor2d(batch.dense, [batch.size, this.input.dense]);
        const labels = tf.tensor1d(batch.labels);
        for (const path of paths) losses.push(bceWithLogits(this.net.forward(dense0, sparse0, path), labels));
      });
      return tf.mean(tf.stack(losses));
    });
    const value = (await total.data())[0]!;
    total.dispose();
    return value;
  }

  dispose(): void {
    tf.dispose(this.pendingLosses.map((p) => p.loss));
    this.pendingLosses = [];
    this.optimizer.dispose();
    this.sparseInput.dispose();
    this.net.dispose();
  }
}

/** The fixed validation subset: the first evalRows rows of the val split, in whole batches. */
function makeEvalBatches(data: Dataset, config: TrainConfig): Batch[] {
  const val = data.splits.val;
  const size = Math.min(config.batchSize, val.length);
  if (size === 0) throw new RangeError('the validation split is empty; load more rows');
  const count = Math.max(1, Math.floor(Math.min(config.evalRows, val.length) / size));
  return Array.from({ length: count }, (_, k) => fillBatch(data, val.subarray(k * size, (k + 1) * size), emptyBatch(data, size)));
}
