// The search proxy (NASREC.md §9): inherit supernet weights, fine-tune, score validation log loss.
import * as tf from '@tensorflow/tfjs';
import { throwIfCancelled, type CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import type { NasrecSupernet } from '../model/types.ts';
import { archToPath } from '../space/path.ts';
import type { Arch, SupernetPath } from '../space/types.ts';
import type { Batch } from '../train/batches.ts';
import type { EmbeddingTables } from '../train/embeddings.ts';
import { subsetBatches } from '../train/loop.ts';
import { Adagrad, bceWithLogits, clipCoefficientTensor } from '../train/optimizer.ts';
import { learningRate } from '../train/schedule.ts';

/**
 * 'last': train only the final logit layer (§9, every official script); 'whole': the subnet's blocks and final
 * layer (embeddings stay frozen, a playground simplification); 'none': no fine-tuning (the §9 ablation).
 */
export type FineTuneMode = 'last' | 'whole' | 'none';

export interface ProxyConfig {
  mode: FineTuneMode;
  /** Fine-tune steps: the same first `steps` train batches for every candidate (§9: 500 at batch 512). */
  steps: number;
  batchSize: number;
  /** Peak lr of the fine-tune's own Adagrad (§9: 0.04), warm-up + cosine. */
  lr: number;
  /** §9: 50 of 500 steps. */
  warmupFraction: number;
  clipNorm: number;
  /** Rows of the fixed validation subset the fitness is measured on (§9: the first val batches). */
  valRows: number;
}

/**
 * Defaults scaled to the data (NASREC.md §0): §9's shape (last layer, lr 0.04, 10 % warm-up, clip 5) with
 * 100 steps of 256 rows, at most one epoch of `trainRows`, and 8,192 validation rows.
 */
export function proxyConfig(trainRows: number, overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  const batchSize = overrides.batchSize ?? Math.min(256, trainRows);
  const config: ProxyConfig = {
    mode: 'last',
    steps: Math.max(1, Math.min(100, Math.floor(trainRows / batchSize))),
    batchSize,
    lr: 0.04,
    warmupFraction: 0.1,
    clipNorm: 5,
    valRows: 8192,
    ...overrides,
  };
  validateProxyConfig(config);
  return config;
}

/** Throws a RangeError naming the first bad setting. */
export function validateProxyConfig(c: ProxyConfig): void {
  if (!['last', 'whole', 'none'].includes(c.mode)) throw new RangeError(`mode must be last, whole or none, got ${String(c.mode)}`);
  for (const [name, v] of [['steps', c.steps], ['batchSize', c.batchSize], ['valRows', c.valRows]] as const) {
    if (!Number.isInteger(v) || v < (name === 'steps' ? 0 : 1)) throw new RangeError(`${name} must be a whole number ≥ ${name === 'steps' ? 0 : 1}, got ${String(v)}`);
  }
  if (!(c.lr > 0 && c.lr <= 10)) throw new RangeError(`lr must be in (0, 10], got ${String(c.lr)}`);
  if (!(c.warmupFraction >= 0 && c.warmupFraction < 1)) throw new RangeError(`warmupFraction must be in [0, 1), got ${String(c.warmupFraction)}`);
  if (!(c.clipNorm > 0)) throw new RangeError(`clipNorm must be positive, got ${String(c.clipNorm)}`);
}

/** A batch with its embeddings gathered once: the tables are frozen while a proxy scores. */
interface FrozenBatch {
  batch: Batch;
  gathered: Float32Array;
}

/**
 * Scores architectures on a trained supernet. The embedding tables are frozen (§9), so the fine-tune and
 * validation batches are gathered once and shared by every candidate. Every candidate starts from the same
 * supernet weights: what a fine-tune changes is restored before `score` returns, even when it throws.
 */
export class ProxyScorer {
  private readonly trainBatches: FrozenBatch[];
  private readonly valBatches: FrozenBatch[];

  constructor(
    private readonly net: NasrecSupernet,
    private readonly embeddings: EmbeddingTables,
    data: Dataset,
    readonly config: ProxyConfig,
  ) {
    validateProxyConfig(config);
    const { train, val } = data.splits;
    const steps = Math.max(config.mode === 'none' ? 0 : 1, config.steps);
    const trainRows = Math.min(train.length, steps * config.batchSize);
    this.trainBatches = config.mode === 'none' ? [] : this.freeze(subsetBatches(data, train, config.batchSize, trainRows));
    this.valBatches = this.freeze(subsetBatches(data, val, config.batchSize, config.valRows));
  }

  /** Validation rows the fitness is measured on (whole batches). */
  get valRows(): number {
    return this.valBatches.reduce((s, b) => s + b.batch.size, 0);
  }

  /** Proxy validation log loss of `arch` (lower is better). */
  async score(arch: Arch, signal?: CancelSignal): Promise<number> {
    const path = archToPath(arch);
    const trained = this.config.mode === 'none' ? [] : this.config.mode === 'last' ? [...this.net.finalLayerVariables()] : [...this.net.variables];
    const saved = trained.map((v) => tf.clone(v));
    try {
      if (trained.length > 0) await this.fineTune(path, trained, signal);
      return await this.validationLoss(path);
    } finally {
      trained.forEach((v, i) => v.assign(saved[i]!));
      tf.dispose(saved);
    }
  }

  private async fineTune(path: SupernetPath, variables: tf.Variable[], signal?: CancelSignal): Promise<void> {
    const { config } = this;
    const optimizer = new Adagrad();
    const lastOnly = config.mode === 'last';
    try {
      for (let step = 0; step < config.steps; step++) {
        throwIfCancelled(signal);
        const lr = learningRate(step, config.steps, config.lr, config.warmupFraction);
        tf.tidy(() => {
          const { dense0, sparse0, labels } = this.tensors(this.trainBatches[step % this.trainBatches.length]!);
          // Last layer only: the frozen features need no gradient tape.
          const features = lastOnly ? this.net.features(dense0, sparse0, path) : null;
          const { grads } = tf.variableGrads(
            () => bceWithLogits(features ? this.net.head(features) : this.net.forward(dense0, sparse0, path), labels),
            variables,
          );
          const list = variables.map((v) => grads[v.name]).filter((g): g is tf.Tensor => g !== undefined);
          const coef = clipCoefficientTensor(list, config.clipNorm);
          optimizer.apply(new Map(variables.flatMap((v) => (grads[v.name] ? [[v, grads[v.name]!] as const] : []))), lr, coef);
        });
        // Let the event loop breathe (cancel messages, progress) without a per-step read-back.
        if (step % 20 === 19) await tf.nextFrame();
      }
    } finally {
      optimizer.dispose();
    }
  }

  private async validationLoss(path: SupernetPath): Promise<number> {
    const mean = tf.tidy(() => {
      let sum = tf.scalar(0);
      let rows = 0;
      for (const frozen of this.valBatches) {
        const { dense0, sparse0, labels } = this.tensors(frozen);
        sum = tf.add(sum, tf.mul(bceWithLogits(this.net.forward(dense0, sparse0, path), labels), frozen.batch.size));
        rows += frozen.batch.size;
      }
      return tf.div(sum, rows);
    });
    const value = (await mean.data())[0]!;
    mean.dispose();
    return value;
  }

  private freeze(batches: Batch[]): FrozenBatch[] {
    return batches.map((batch) => {
      const gathered = new Float32Array(batch.size * this.net.input.sparse * this.embeddings.dim);
      this.embeddings.gather(batch.indices, batch.size, gathered);
      return { batch, gathered };
    });
  }

  private tensors({ batch, gathered }: FrozenBatch): { dense0: tf.Tensor2D; sparse0: tf.Tensor3D; labels: tf.Tensor1D } {
    const B = batch.size;
    const input = this.net.input;
    return {
      dense0: tf.tensor2d(batch.dense, [B, input.dense]),
      sparse0: tf.tensor3d(gathered, [B, input.sparse, this.embeddings.dim]),
      labels: tf.tensor1d(batch.labels),
    };
  }
}
