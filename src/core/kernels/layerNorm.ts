// Fused LayerNorm for the host-memory backends (cpu, wasm): the forward pass and the backward pass are one kernel each, instead of 9 and 11 tfjs ops.
import * as tf from '@tensorflow/tfjs';
import { checkFloat32, registerHostKernel } from './hostMemory.ts';

/**
 * Kernel name: LayerNorm over the last axis (D). Inputs `x` [..., D], `g` [D], `b` [D]; attr `eps`.
 * Outputs [y, xhat, rstd]: y = xhat·g + b and xhat = (x − mean)·rstd, both [..., D]; rstd = 1/√(var + eps)
 * with the biased variance, [..., 1].
 */
export const LAYER_NORM = 'NasrecLayerNorm';
/**
 * Kernel name: LayerNorm's backward. Inputs `dy`, `xhat` [..., D], `rstd` [..., 1], `g` [D].
 * Outputs [dx [..., D], dg [D], db [D]] with dxhat = dy·g and
 * dx = rstd·(dxhat − mean(dxhat) − xhat·mean(dxhat·xhat)), dg = Σ dy·xhat, db = Σ dy over the leading axes.
 */
export const LAYER_NORM_GRAD = 'NasrecLayerNormGrad';

/** Row by row over rows of D: xhat = (x − mean)·rstd, y = xhat·g + b, rstd = 1/√(var + eps). */
function layerNormInto(x: Float32Array, g: Float32Array, b: Float32Array, eps: number, y: Float32Array, xhat: Float32Array, rstd: Float32Array): void {
  const D = g.length;
  for (let row = 0, at = 0; at < x.length; row++, at += D) {
    let sum = 0;
    for (let j = 0; j < D; j++) sum += x[at + j]!;
    const mean = sum / D;
    let sq = 0;
    for (let j = 0; j < D; j++) {
      const c = x[at + j]! - mean;
      sq += c * c;
    }
    const r = 1 / Math.sqrt(sq / D + eps);
    rstd[row] = r;
    for (let j = 0; j < D; j++) {
      const h = (x[at + j]! - mean) * r;
      xhat[at + j] = h;
      y[at + j] = h * g[j]! + b[j]!;
    }
  }
}

/** Row by row: dx = rstd·(dy·g − mean(dy·g) − xhat·mean(dy·g·xhat)); dg, db summed over rows (float64 sums). */
function layerNormGradInto(
  dy: Float32Array,
  xhat: Float32Array,
  rstd: Float32Array,
  g: Float32Array,
  dx: Float32Array,
  dgSum: Float64Array,
  dbSum: Float64Array,
): void {
  const D = g.length;
  for (let row = 0, at = 0; at < dy.length; row++, at += D) {
    let meanD = 0;
    let meanDH = 0;
    for (let j = 0; j < D; j++) {
      const d = dy[at + j]! * g[j]!;
      const h = xhat[at + j]!;
      meanD += d;
      meanDH += d * h;
      dgSum[j] = dgSum[j]! + dy[at + j]! * h;
      dbSum[j] = dbSum[j]! + dy[at + j]!;
    }
    meanD /= D;
    meanDH /= D;
    const r = rstd[row]!;
    for (let j = 0; j < D; j++) dx[at + j] = r * (dy[at + j]! * g[j]! - meanD - xhat[at + j]! * meanDH);
  }
}

registerHostKernel(LAYER_NORM, (inputs, attrs, memory) => {
  const { x, g, b } = inputs as Record<'x' | 'g' | 'b', tf.TensorInfo>;
  checkFloat32([x, g, b], LAYER_NORM);
  const outs = [memory.alloc(x.shape), memory.alloc(x.shape), memory.alloc([...x.shape.slice(0, -1), 1])];
  const [y, xhat, rstd] = outs.map((o) => memory.view(o)) as [Float32Array, Float32Array, Float32Array];
  layerNormInto(memory.view(x), memory.view(g), memory.view(b), attrs.eps as number, y, xhat, rstd);
  return outs;
});

registerHostKernel(LAYER_NORM_GRAD, (inputs, _attrs, memory) => {
  const { dy, xhat, rstd, g } = inputs as Record<'dy' | 'xhat' | 'rstd' | 'g', tf.TensorInfo>;
  checkFloat32([dy, xhat, rstd, g], LAYER_NORM_GRAD);
  const D = g.shape[0]!;
  const outs = [memory.alloc(dy.shape), memory.alloc([D]), memory.alloc([D])];
  const [dx, dg, db] = outs.map((o) => memory.view(o)) as [Float32Array, Float32Array, Float32Array];
  const dgSum = new Float64Array(D);
  const dbSum = new Float64Array(D);
  layerNormGradInto(memory.view(dy), memory.view(xhat), memory.view(rstd), memory.view(g), dx, dgSum, dbSum);
  dg.set(dgSum);
  db.set(dbSum);
  return outs;
});

/** Runs the fused forward. Only on a host-memory backend. @returns y, and xhat and rstd for the backward */
export function fusedLayerNorm(x: tf.Tensor, g: tf.Tensor, b: tf.Tensor, eps: number): { y: tf.Tensor; xhat: tf.Tensor; rstd: tf.Tensor } {
  const [y, xhat, rstd] = tf.engine().runKernel(LAYER_NORM, { x, g, b }, { eps }) as tf.Tensor[];
  return { y: y!, xhat: xhat!, rstd: rstd! };
}

/** Runs the fused backward. Only on a host-memory backend. @returns [dx, dg, db] */
export function fusedLayerNormGrad(dy: tf.Tensor, xhat: tf.Tensor, rstd: tf.Tensor, g: tf.Tensor): tf.Tensor[] {
  return tf.engine().runKernel(LAYER_NORM_GRAD, { dy, xhat, rstd, g }, {}) as tf.Tensor[];
}
