// Training one network from scratch with early stopping on validation: the rank check's truth and the final models.
import type * as tf from '@tensorflow/tfjs';
import { throwIfCancelled, type CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import type { Rng } from '../rng.ts';
import type { EmbeddingTables } from './embeddings.ts';
import { TrainLoop, type Forward, type LoopConfig } from './loop.ts';
import type { Metrics } from './metrics.ts';

/** A network the loop can train: its variables, logits, and disposal. */
export interface ScratchNet {
  readonly variables: readonly tf.Variable[];
  forward: Forward;
  dispose(): void;
}

/** Settings of a from-scratch run (NASREC.md §11, §12.4: Adagrad, lr 0.12, cosine, clip 5, one epoch). */
export interface ScratchConfig extends LoopConfig {
  /** Validation log loss every this many steps (and at the last step). */
  evalEvery: number;
  /** Stop after this many evaluations without a new best validation loss; 0 = never stop early. */
  patience: number;
}

/** A from-scratch recipe sized to the data: one epoch over the train split (§11, §12.4), capped at `maxSteps`. */
export function scratchConfig(trainRows: number, options: { batchSize?: number; maxSteps?: number; lr?: number; evalRows?: number } = {}): ScratchConfig {
  const batchSize = Math.min(options.batchSize ?? 256, trainRows);
  const steps = Math.max(1, Math.min(options.maxSteps ?? Infinity, Math.floor(trainRows / batchSize)));
  return {
    steps,
    batchSize,
    lr: options.lr ?? 0.12,
    warmupFraction: 0.1,
    clipNorm: 5,
    evalRows: options.evalRows ?? 4096,
    evalEvery: Math.max(1, Math.round(steps / 10)),
    patience: 3,
  };
}

export interface ScratchResult {
  /** Best validation log loss seen (the score used for ranking). */
  bestValLoss: number;
  /** Step after which it was seen. */
  bestStep: number;
  /** Steps actually taken (fewer than config.steps when stopped early). */
  steps: number;
  stoppedEarly: boolean;
  /** Every validation point: { step, loss }. */
  curve: { step: number; loss: number }[];
  /** Metrics on `testRows` at the stopping point, when asked for. */
  test?: Metrics;
}

export interface ScratchOptions {
  data: Dataset;
  /** Builds the network (called once; disposed at the end). */
  net: ScratchNet;
  embeddingDim: number;
  config: ScratchConfig;
  /** Initial embedding values. */
  embeddingRng: Rng;
  /** Also report metrics on these rows at the end (e.g. the test split). */
  testRows?: Uint32Array;
  /** Called after every validation point. */
  onEval?: (point: { step: number; loss: number; steps: number }) => void;
  /** Checked between steps; the run ends (throwing `signal.reason`) once aborted. */
  signal?: CancelSignal;
  /** Called at the stopping point, before the network is freed, with the best validation loss seen: e.g. to keep its trained weights and tables. */
  atStop?: (embeddings: EmbeddingTables, bestValLoss: number) => Promise<void>;
}

/**
 * Trains `net` with fresh host embeddings on the train split, evaluating every `evalEvery` steps on the fixed
 * validation subset; stops after `patience` evaluations without improvement. Test metrics (if asked) are taken
 * at the stopping point, as NASRec reports its final models at the last step (§11); the rank check uses the
 * best validation loss. Frees the network and the loop's tensors whatever happens.
 */
export async function trainFromScratch(options: ScratchOptions): Promise<ScratchResult> {
  const { config, net } = options;
  const loop = new TrainLoop({ data: options.data, embeddingDim: options.embeddingDim, config, embeddingRng: options.embeddingRng });
  const curve: { step: number; loss: number }[] = [];
  let best = Infinity;
  let bestStep = 0;
  let sinceBest = 0;
  let stoppedEarly = false;
  try {
    while (loop.step < config.steps) {
      throwIfCancelled(options.signal);
      await loop.trainStep(net.forward, net.variables);
      if (loop.pendingLossCount >= 10) await loop.readLosses();
      if (loop.step % config.evalEvery === 0 || loop.step === config.steps) {
        const loss = await loop.evaluate([net.forward]);
        curve.push({ step: loop.step, loss });
        options.onEval?.({ step: loop.step, loss, steps: config.steps });
        if (loss < best) {
          best = loss;
          bestStep = loop.step;
          sinceBest = 0;
        } else if (config.patience > 0 && ++sinceBest >= config.patience) {
          stoppedEarly = loop.step < config.steps;
          break;
        }
      }
    }
    await loop.readLosses();
    const result: ScratchResult = { bestValLoss: best, bestStep, steps: loop.step, stoppedEarly, curve };
    if (options.testRows) result.test = await loop.metrics(net.forward, options.testRows);
    await options.atStop?.(loop.embeddings, best);
    return result;
  } finally {
    loop.dispose();
    net.dispose();
  }
}
