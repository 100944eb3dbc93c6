// Building blocks of every operator: Linear (x·W + b) on the feature or the row axis, and LayerNorm (NASREC.md §5).
import * as tf from '@tensorflow/tfjs';
import { fusedKernelsPay } from '../kernels/hostMemory.ts';
import { fusedLayerNorm, fusedLayerNormGrad } from '../kernels/layerNorm.ts';
import { matMul } from './matmul.ts';
import type { ParamStore } from './params.ts';

/** PyTorch's LayerNorm epsilon (§5). */
export const LN_EPS = 1e-5;

/** A Linear layer; the weight is stored [in, out] and applied as x·W (PyTorch stores W [out, in] and computes x·Wᵀ). */
export interface Linear {
  readonly inDim: number;
  readonly outDim: number;
  readonly w: tf.Variable;
  readonly b: tf.Variable | null;
  /** @param x [B, in] @returns [B, out] */
  apply(x: tf.Tensor2D): tf.Tensor2D;
  /** Projects the row axis of a channel-major sparse tensor. @param s [B, E, in] @returns [B, E, out] */
  applyRows(s: tf.Tensor3D): tf.Tensor3D;
}

/** Xavier-uniform weight and zero bias (§8.2). `name/w`, `name/b`. */
export function createLinear(store: ParamStore, name: string, inDim: number, outDim: number, bias: boolean): Linear {
  const w = store.xavier(`${name}/w`, inDim, outDim);
  const b = bias ? store.filled(`${name}/b`, outDim, 0) : null;
  const apply = (x: tf.Tensor2D): tf.Tensor2D => {
    const y = matMul(x, w as tf.Tensor2D);
    return b === null ? y : (tf.add(y, b) as tf.Tensor2D);
  };
  return {
    inDim,
    outDim,
    w,
    b,
    apply,
    applyRows(s) {
      const [batch, channels] = s.shape;
      return tf.reshape(apply(tf.reshape(s, [batch * channels, inDim])), [batch, channels, outDim]);
    },
  };
}

/** LayerNorm over the last axis with a learned gain and bias (`name/g`, `name/b`). */
export interface LayerNorm {
  readonly g: tf.Variable;
  readonly b: tf.Variable;
  /** @param x [..., dim] @returns [..., dim] */
  apply<T extends tf.Tensor>(x: T): T;
}

/** Gain initialised to `gain` (1 by default; 0.17 for the attention LNs, §5 `LN_INIT`), bias 0. */
export function createLayerNorm(store: ParamStore, name: string, dim: number, gain = 1): LayerNorm {
  const g = store.filled(`${name}/g`, dim, gain);
  const b = store.filled(`${name}/b`, dim, 0);
  return { g, b, apply: (x) => layerNorm(x, g, b) };
}

/**
 * (x − mean) / √(var + eps) · g + b over the last axis, with the biased variance (PyTorch semantics).
 * The gradient is written out (the standard LayerNorm backward): about half the kernels of autodiff. Where it pays
 * (cpu; small tensors on wasm) the forward and the backward are one fused kernel each (kernels/layerNorm.ts).
 */
export function layerNorm<T extends tf.Tensor>(x: T, g: tf.Tensor, b: tf.Tensor): T {
  return (fusedKernelsPay(x.size) ? fusedLayerNormOp(x, g, b) : layerNormOpByOp(x, g, b)) as T;
}

/** `layerNorm` from tfjs ops with the written-out gradient: the path on WebGPU, and the fused kernels' reference. */
export function layerNormOpByOp<T extends tf.Tensor>(x: T, g: tf.Tensor, b: tf.Tensor): T {
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [input, gain, shift, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const centred = tf.sub(input, tf.mean(input, -1, true));
    const rstd = tf.rsqrt(tf.add(tf.mean(tf.square(centred), -1, true), LN_EPS));
    const xhat = tf.mul(centred, rstd);
    save([xhat, rstd, gain]);
    return {
      value: tf.add(tf.mul(xhat, gain), shift),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [xh, rs, gn] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
        const leading = Array.from({ length: dy.rank - 1 }, (_, k) => k);
        const dxhat = tf.mul(dy, gn);
        const proj = tf.mul(xh, tf.mean(tf.mul(dxhat, xh), -1, true));
        const dx = tf.mul(rs, tf.sub(tf.sub(dxhat, tf.mean(dxhat, -1, true)), proj));
        return [dx, tf.sum(tf.mul(dy, xh), leading), tf.sum(dy, leading)];
      },
    };
  });
  return f(x, g, b) as T;
}

const fusedLayerNormOp = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [input, gain, shift, save] = args as [tf.Tensor, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
  const { y, xhat, rstd } = fusedLayerNorm(input, gain, shift, LN_EPS);
  save([xhat, rstd, gain]);
  return {
    value: y,
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [xh, rs, gn] = saved as [tf.Tensor, tf.Tensor, tf.Tensor];
      return fusedLayerNormGrad(dy, xh, rs, gn);
    },
  };
}) as (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** An optional LayerNorm (`layerNorm` off → identity). */
export function maybeLayerNorm(store: ParamStore, name: string, dim: number, on: boolean): (x: tf.Tensor) => tf.Tensor {
  if (!on) return (x) => x;
  const ln = createLayerNorm(store, name, dim);
  return (x) => ln.apply(x);
}
