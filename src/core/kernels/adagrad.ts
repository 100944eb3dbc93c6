// Fused optimizer kernels for the backends whose tensors live in host memory (cpu, wasm): one kernel for the
// squared norm of every gradient and one for PyTorch Adagrad on every variable, instead of 2 and 8 per variable.
import * as tf from '@tensorflow/tfjs';
import { checkFloat32, registerHostKernel } from './hostMemory.ts';

/** Kernel name: Σ over every input of Σ x². Inputs `x0…x{n−1}`; output a [] float32 scalar. */
export const SUM_OF_SQUARES = 'NasrecSumOfSquares';
/**
 * Kernel name: PyTorch Adagrad on n variables at once (NASREC.md §8.2). Inputs `coef` ([] clip coefficient),
 * then per variable `v{i}`, `a{i}` (accumulator), `g{i}` (gradient); attrs `{ n, lr, eps }`.
 * Outputs [v0', a0', v1', a1', …] with g ← coef·g, a' = a + g², v' = v − lr·g / (√a' + eps).
 */
export const ADAGRAD_UPDATE = 'NasrecAdagradUpdate';

/** Σ x² with four partial sums (independent additions pipeline better than one running total). */
function sumOfSquares(x: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (const end = x.length - 3; i < end; i += 4) {
    s0 += x[i]! * x[i]!;
    s1 += x[i + 1]! * x[i + 1]!;
    s2 += x[i + 2]! * x[i + 2]!;
    s3 += x[i + 3]! * x[i + 3]!;
  }
  for (; i < x.length; i++) s0 += x[i]! * x[i]!;
  return s0 + s1 + s2 + s3;
}

registerHostKernel(SUM_OF_SQUARES, (inputs, _attrs, memory) => {
  const xs = Object.values(inputs);
  checkFloat32(xs, SUM_OF_SQUARES);
  const out = memory.alloc([]);
  let total = 0;
  for (const x of xs) total += sumOfSquares(memory.view(x));
  memory.view(out)[0] = total;
  return out;
});

/** aOut = a + (coef·g)², vOut = v − lr·coef·g / (√aOut + eps), element by element. */
function adagradInto(
  v: Float32Array,
  a: Float32Array,
  g: Float32Array,
  vOut: Float32Array,
  aOut: Float32Array,
  coef: number,
  lr: number,
  eps: number,
): void {
  for (let i = 0; i < v.length; i++) {
    const gi = coef * g[i]!;
    const acc = a[i]! + gi * gi;
    aOut[i] = acc;
    vOut[i] = v[i]! - (lr * gi) / (Math.sqrt(acc) + eps);
  }
}

registerHostKernel(ADAGRAD_UPDATE, (inputs, attrs, memory) => {
  const { n, lr, eps } = attrs as { n: number; lr: number; eps: number };
  const outputs: tf.TensorInfo[] = [];
  for (let k = 0; k < n; k++) {
    const v = inputs[`v${k}`]!;
    checkFloat32([v, inputs[`a${k}`]!, inputs[`g${k}`]!], ADAGRAD_UPDATE);
    outputs.push(memory.alloc(v.shape), memory.alloc(v.shape));
  }
  const coef = memory.view(inputs.coef!)[0]!;
  for (let k = 0; k < n; k++) {
    const v = memory.view(inputs[`v${k}`]!);
    const a = memory.view(inputs[`a${k}`]!);
    const g = memory.view(inputs[`g${k}`]!);
    const vOut = memory.view(outputs[2 * k]!);
    const aOut = memory.view(outputs[2 * k + 1]!);
    if (v.length !== a.length || v.length !== g.length) throw new RangeError(`${ADAGRAD_UPDATE}: variable ${k} has mismatched sizes`);
    adagradInto(v, a, g, vOut, aOut, coef, lr, eps);
  }
  return outputs;
});

/** Σ‖g‖² over every tensor in one kernel: [] scalar. Only on a host-memory backend (`fusedKernelsActive()`). */
export function fusedSumOfSquares(xs: readonly tf.Tensor[]): tf.Scalar {
  const inputs: tf.NamedTensorMap = {};
  xs.forEach((x, i) => (inputs[`x${i}`] = x));
  return tf.engine().runKernel(SUM_OF_SQUARES, inputs, {}) as tf.Scalar;
}

/**
 * PyTorch Adagrad on every (variable, accumulator, gradient) triple in one kernel.
 * @returns per triple the new variable and accumulator values (same shapes), for the caller to assign
 */
export function fusedAdagrad(
  triples: readonly { variable: tf.Tensor; acc: tf.Tensor; grad: tf.Tensor }[],
  lr: number,
  eps: number,
  coef: tf.Scalar,
): { variable: tf.Tensor; acc: tf.Tensor }[] {
  const inputs: tf.NamedTensorMap = { coef };
  triples.forEach(({ variable, acc, grad }, k) => {
    inputs[`v${k}`] = variable;
    inputs[`a${k}`] = acc;
    inputs[`g${k}`] = grad;
  });
  const outs = tf.engine().runKernel(ADAGRAD_UPDATE, inputs, { n: triples.length, lr, eps } as unknown as tf.NamedAttrMap) as tf.Tensor[];
  return triples.map((_, k) => ({ variable: outs[2 * k]!, acc: outs[2 * k + 1]! }));
}
