// PyTorch's Adagrad (eps 1e-2, accumulator from 0) and global-norm clipping for the network's variables (NASREC.md §8.2).
import * as tf from '@tensorflow/tfjs';
import { ADAGRAD_EPS } from './embeddings.ts';
import { fusedAdagrad, fusedSumOfSquares } from '../kernels/adagrad.ts';
import { fusedKernelsPay } from '../kernels/hostMemory.ts';

/** Sum of squared entries of every gradient: [] scalar. */
export function gradNormSq(grads: readonly tf.Tensor[]): tf.Scalar {
  if (grads.length === 0) return tf.scalar(0);
  if (fusedKernelsPay(grads.reduce((n, g) => n + g.size, 0))) return fusedSumOfSquares(grads);
  return tf.tidy(() => tf.addN(grads.map((g) => tf.sum(tf.square(g)))) as tf.Scalar);
}

/** clipCoefficient on the device: min(1, maxNorm / (‖grads‖ + 1e-6)) as a [] scalar, with no read-back. */
export function clipCoefficientTensor(grads: readonly tf.Tensor[], maxNorm: number): tf.Scalar {
  return tf.tidy(() => tf.minimum(1, tf.div(maxNorm, tf.add(tf.sqrt(gradNormSq(grads)), 1e-6))) as tf.Scalar);
}

/**
 * torch.nn.utils.clip_grad_norm_: gradients are scaled by maxNorm / (total + 1e-6) when that is below 1.
 * @param totalNorm the global L2 norm over all parameters, embeddings included
 */
export function clipCoefficient(totalNorm: number, maxNorm: number): number {
  const coef = maxNorm / (totalNorm + 1e-6);
  return coef < 1 ? coef : 1;
}

/**
 * `torch.optim.Adagrad(lr, eps=1e-2)` with lr_decay 0, weight decay 0 and initial accumulator 0:
 * acc += g²; θ −= lr·g / (√acc + eps). tfjs's own Adagrad starts the accumulator at 0.1 and places
 * epsilon differently, so it cannot be used (§14).
 */
export class Adagrad {
  private static instances = 0;
  private readonly accumulators = new Map<tf.Variable, tf.Variable>();
  /** Tells this optimizer's accumulators apart from another's over the same variables (tfjs names are global). */
  private readonly id = Adagrad.instances++;

  /** @param options.fused false forces the op-by-op path even where the fused kernel runs (tests compare the two). */
  constructor(private readonly options: { fused?: boolean } = {}) {}

  /**
   * Applies one step. `grads` maps variables to their gradients (scaled by `clipCoef` first: a number, or a
   * scalar tensor when the norm stays on the device).
   */
  apply(grads: ReadonlyMap<tf.Variable, tf.Tensor>, lr: number, clipCoef: number | tf.Scalar): void {
    if (grads.size === 0) return;
    tf.tidy(() => {
      const triples = [...grads].map(([variable, grad]) => ({ variable, acc: this.accumulatorOf(variable), grad }));
      // One kernel for every variable where that is faster (cpu; small variables on wasm), tfjs ops for the rest.
      const fused = this.options.fused === false ? [] : triples.filter((t) => fusedKernelsPay(t.variable.size));
      if (fused.length > 0) {
        const coef = typeof clipCoef === 'number' ? tf.scalar(clipCoef) : clipCoef;
        fusedAdagrad(fused, lr, ADAGRAD_EPS, coef).forEach((next, k) => {
          fused[k]!.acc.assign(next.acc);
          fused[k]!.variable.assign(next.variable);
        });
      }
      for (const { variable, acc, grad } of triples.filter((t) => !fused.includes(t))) {
        const g = clipCoef === 1 ? grad : tf.mul(grad, clipCoef);
        const nextAcc = tf.add(acc, tf.square(g));
        acc.assign(nextAcc);
        variable.assign(tf.sub(variable, tf.div(tf.mul(g, lr), tf.add(tf.sqrt(nextAcc), ADAGRAD_EPS))));
      }
    });
  }

  private accumulatorOf(variable: tf.Variable): tf.Variable {
    let acc = this.accumulators.get(variable);
    if (!acc) {
      acc = tf.variable(tf.zerosLike(variable), false, `${variable.name}/adagrad${this.id}`);
      this.accumulators.set(variable, acc);
    }
    return acc;
  }

  /** Sets a variable's accumulator (a resumed run's optimizer state); `values` has the variable's size. */
  setAccumulator(variable: tf.Variable, values: Float32Array): void {
    if (values.length !== variable.size) throw new RangeError(`accumulator of ${variable.name}: ${values.length} values for ${variable.size}`);
    const acc = this.accumulatorOf(variable);
    tf.tidy(() => acc.assign(tf.tensor(values, variable.shape)));
  }

  /** The accumulator of a variable, if it has been updated. */
  accumulator(variable: tf.Variable): tf.Variable | undefined {
    return this.accumulators.get(variable);
  }

  dispose(): void {
    for (const acc of this.accumulators.values()) acc.dispose();
    this.accumulators.clear();
  }
}

/** Mean binary cross-entropy with logits, as BCEWithLogitsLoss: mean(max(x,0) − x·y + log(1 + e^−|x|)). */
export function bceWithLogits(logits: tf.Tensor, labels: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const x = logits.reshape([-1]);
    const y = labels.reshape([-1]);
    return tf.mean(tf.add(tf.sub(tf.relu(x), tf.mul(x, y)), tf.log1p(tf.exp(tf.neg(tf.abs(x)))))) as tf.Scalar;
  });
}
