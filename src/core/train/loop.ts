// One training loop for any network over host embeddings: batches, forward/backward, clipping, Adagrad, evaluation.
import * as tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/types.ts';
import type { Rng } from '../rng.ts';
import type { InputShape } from '../space/types.ts';
import { BatchStream, emptyBatch, fillBatch, inputShapeOf, tableRowsOf, type Batch } from './batches.ts';
import { EmbeddingTables } from './embeddings.ts';
import { evaluateMetrics, type Metrics } from './metrics.ts';
import { Adagrad, bceWithLogits, clipCoefficient, gradNormSq } from './optimizer.ts';
import { learningRate } from './schedule.ts';

/**
 * Logits of a network from the transformed dense features [B, input.dense] and the gathered embeddings
 * [B, input.sparse, E]. @returns [B, 1]
 */
export type Forward = (dense0: tf.Tensor2D, sparse0: tf.Tensor3D) => tf.Tensor2D;

/** What a loop needs to know: the recipe's parts that shape the loop (NASREC.md §8.2). */
export interface LoopConfig {
  steps: number;
  batchSize: number;
  lr: number;
  warmupFraction: number;
  clipNorm: number;
  /** Rows of the fixed validation subset (rounded down to whole batches, at least one). */
  evalRows: number;
}

export interface LoopOptions {
  data: Dataset;
  embeddingDim: number;
  config: LoopConfig;
  /** Draws the embedding tables' initial values. */
  embeddingRng: Rng;
  /** Which split the optimizer reads (default 'train'; NASRec's final training reads train + val, §11). */
  trainRows?: Uint32Array;
}

/**
 * Owns host embedding tables, the Adagrad state and the batch stream of one run. Each `step` takes one
 * optimizer step of the network given to it: forward, backward, global-norm clipping over the network and
 * the embedding rows, PyTorch Adagrad on both, the lr of the warm-up + cosine schedule (§8.2).
 */
export class TrainLoop {
  private static instances = 0;
  readonly embeddings: EmbeddingTables;
  readonly input: InputShape;
  readonly config: LoopConfig;
  step = 0;
  private readonly optimizer = new Adagrad();
  private readonly sparseInput: tf.Variable;
  private readonly gathered: Float32Array;
  private readonly batches: BatchStream;
  private readonly evalBatches: Batch[];
  /** Reused [B, F, E] host buffers for the validation batches' gathered embeddings. */
  private readonly evalGathered: Float32Array[];
  private pendingLosses: { step: number; loss: tf.Scalar }[] = [];
  /** Variables by tfjs name, per variable list (networks hand out the same array every step). */
  private readonly namesByList = new WeakMap<readonly tf.Variable[], Map<string, tf.Variable>>();

  constructor(private readonly options: LoopOptions) {
    const { data, config, embeddingDim } = options;
    this.config = config;
    this.input = inputShapeOf(data);
    this.embeddings = new EmbeddingTables(tableRowsOf(data), embeddingDim, config.batchSize, options.embeddingRng);
    this.batches = new BatchStream(data, options.trainRows ?? data.splits.train, config.batchSize);
    const B = config.batchSize;
    this.gathered = new Float32Array(B * this.input.sparse * embeddingDim);
    this.sparseInput = tf.tidy(() => tf.variable(tf.zeros([B, this.input.sparse, embeddingDim]), true, `loop${TrainLoop.instances++}/sparseInput`));
    this.evalBatches = subsetBatches(data, data.splits.val, config.batchSize, config.evalRows);
    this.evalGathered = this.evalBatches.map((b) => new Float32Array(b.size * this.input.sparse * embeddingDim));
  }

  /** Epochs completed over the training rows. */
  get epoch(): number {
    return this.batches.epoch;
  }

  /**
   * One optimizer step of `variables` and the embedding rows of the next batch.
   * @returns the learning rate used
   */
  async trainStep(forward: Forward, variables: readonly tf.Variable[]): Promise<number> {
    const { config } = this;
    const B = config.batchSize;
    const batch = this.batches.next();
    const lr = learningRate(this.step, config.steps, config.lr, config.warmupFraction);
    this.embeddings.gather(batch.indices, B, this.gathered);
    const { loss, netGrads, hostPart } = tf.tidy(() => {
      this.sparseInput.assign(tf.tensor3d(this.gathered, this.sparseInput.shape as [number, number, number]));
      const dense0 = tf.tensor2d(batch.dense, [B, this.input.dense]);
      const labels = tf.tensor1d(batch.labels);
      const { value, grads } = tf.variableGrads(() => bceWithLogits(forward(dense0, this.sparseInput as tf.Tensor3D), labels), [
        ...variables,
        this.sparseInput,
      ]);
      const { [this.sparseInput.name]: emb, ...rest } = grads;
      if (!emb) throw new Error('no gradient reached the embeddings');
      // One device→host transfer per step, in one tensor: the network's squared gradient norm (global-norm
      // clipping needs it) followed by the embedding-row gradients (the tables live on the host).
      const host = tf.concat([tf.reshape(gradNormSq(Object.values(rest)), [1]), tf.reshape(emb, [-1])]);
      return { loss: value, netGrads: rest, hostPart: host };
    });
    const host = (await hostPart.data()) as Float32Array;
    const embGradHost = host.subarray(1);
    const embNormSq = this.embeddings.gradNormSq(batch.indices, B, embGradHost);
    const coef = clipCoefficient(Math.sqrt(host[0]! + embNormSq), config.clipNorm);
    const byName = this.byName(variables);
    const updates = new Map<tf.Variable, tf.Tensor>();
    for (const [name, grad] of Object.entries(netGrads)) updates.set(byName.get(name)!, grad);
    this.optimizer.apply(updates, lr, coef);
    this.embeddings.applyAdagrad(batch.indices, B, embGradHost, lr, coef);
    tf.dispose([hostPart, ...Object.values(netGrads)]);
    this.pendingLosses.push({ step: this.step, loss });
    this.step++;
    return lr;
  }

  private byName(variables: readonly tf.Variable[]): Map<string, tf.Variable> {
    let map = this.namesByList.get(variables);
    if (!map) {
      map = new Map(variables.map((v) => [v.name, v]));
      this.namesByList.set(variables, map);
    }
    return map;
  }

  /**
   * The optimizer state a resumed run needs besides the weights: the network's Adagrad accumulators (zeros for a
   * variable not updated yet), in `variables` order and concatenated. The embedding accumulators are `embeddings.accumulators`.
   */
  async optimizerState(variables: readonly tf.Variable[]): Promise<Float32Array> {
    const out = new Float32Array(variables.reduce((n, v) => n + v.size, 0));
    let at = 0;
    for (const v of variables) {
      const acc = this.optimizer.accumulator(v);
      if (acc) out.set((await acc.data()) as Float32Array, at);
      at += v.size;
    }
    return out;
  }

  /** Continues a run at `step`: the optimizer state of `optimizerState`, the schedule and the batch stream's position. */
  restoreState(step: number, variables: readonly tf.Variable[], accumulators: Float32Array): void {
    const total = variables.reduce((n, v) => n + v.size, 0);
    if (accumulators.length !== total) throw new RangeError(`optimizer state has ${accumulators.length} values for ${total}`);
    if (!Number.isInteger(step) || step < 0) throw new RangeError(`cannot resume at step ${step}`);
    let at = 0;
    for (const v of variables) {
      this.optimizer.setAccumulator(v, accumulators.subarray(at, at + v.size));
      at += v.size;
    }
    this.step = step;
    this.batches.seek(step);
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

  /** Mean validation log loss over the fixed validation subset of each forward, averaged; read back once. */
  async evaluate(forwards: readonly Forward[]): Promise<number> {
    const E = this.embeddings.dim;
    const total = tf.tidy(() => {
      const losses: tf.Scalar[] = [];
      this.evalBatches.forEach((batch, k) => {
        const gathered = this.evalGathered[k]!;
        this.embeddings.gather(batch.indices, batch.size, gathered);
        const sparse0 = tf.tensor3d(gathered, [batch.size, this.input.sparse, E]);
        const dense0 = tf.tensor2d(batch.dense, [batch.size, this.input.dense]);
        const labels = tf.tensor1d(batch.labels);
        for (const forward of forwards) losses.push(bceWithLogits(forward(dense0, sparse0), labels));
      });
      return tf.mean(tf.stack(losses));
    });
    const value = (await total.data())[0]!;
    total.dispose();
    return value;
  }

  /** Log loss, AUC, NE and calibration of `forward` on the given rows (e.g. the whole test split). */
  async metrics(forward: Forward, rows: Uint32Array): Promise<Metrics> {
    return predictMetrics(this.options.data, this.embeddings, forward, rows, this.config.batchSize);
  }

  dispose(): void {
    tf.dispose(this.pendingLosses.map((p) => p.loss));
    this.pendingLosses = [];
    this.optimizer.dispose();
    this.sparseInput.dispose();
  }
}

/** Probabilities of `forward` on `rows`, in batches of `batchSize` (the last one shorter), and their metrics. */
export async function predictMetrics(
  data: Dataset,
  embeddings: EmbeddingTables,
  forward: Forward,
  rows: Uint32Array,
  batchSize: number,
): Promise<Metrics> {
  if (rows.length === 0) throw new RangeError('no rows to evaluate; load more rows');
  const input = inputShapeOf(data);
  const E = embeddings.dim;
  const probs = new Float32Array(rows.length);
  const labels = new Float32Array(rows.length);
  for (let start = 0; start < rows.length; start += batchSize) {
    const part = rows.subarray(start, Math.min(rows.length, start + batchSize));
    const batch = fillBatch(data, part, emptyBatch(data, part.length));
    const gathered = new Float32Array(part.length * input.sparse * E);
    embeddings.gather(batch.indices, part.length, gathered);
    const p = tf.tidy(() =>
      tf.sigmoid(forward(tf.tensor2d(batch.dense, [part.length, input.dense]), tf.tensor3d(gathered, [part.length, input.sparse, E]))),
    );
    probs.set((await p.data()) as Float32Array, start);
    p.dispose();
    labels.set(batch.labels, start);
  }
  return evaluateMetrics(probs, labels);
}

/** The first `maxRows` rows of `rows`, in whole batches of min(batchSize, rows.length); at least one. */
export function subsetBatches(data: Dataset, rows: Uint32Array, batchSize: number, maxRows: number): Batch[] {
  const size = Math.min(batchSize, rows.length);
  if (size === 0) throw new RangeError('the validation split is empty; load more rows');
  const count = Math.max(1, Math.floor(Math.min(maxRows, rows.length) / size));
  return Array.from({ length: count }, (_, k) => fillBatch(data, rows.subarray(k * size, (k + 1) * size), emptyBatch(data, size)));
}
