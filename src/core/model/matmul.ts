// Matrix product whose forward and backward passes avoid tfjs-wasm's slow transposed-operand kernels.
import * as tf from '@tensorflow/tfjs';

/**
 * Backends whose BatchMatMul with a transposed operand is far slower than a plain one. Measured in Node
 * (tfjs-backend-wasm 4.22, SIMD, one thread) on [512, 1549]·[1549, 256]: 16 ms plain, 210 ms with either
 * operand transposed, 20 ms with an explicit Transpose kernel first. Autodiff of a plain product produces
 * exactly those transposed products, so on these backends both passes transpose explicitly.
 */
const EXPLICIT_TRANSPOSE_BACKENDS = new Set(['wasm']);

/** Swaps the last two axes. */
function swapLast<T extends tf.Tensor2D | tf.Tensor3D>(x: T): T {
  return (x.rank === 2 ? tf.transpose(x) : tf.transpose(x, [0, 2, 1])) as T;
}

/**
 * `tf.matMul(a, b, transposeA, transposeB)` with the same value and gradients. Both operands have the same
 * rank (2, or 3 with equal batch). @param a [..., M, K] (or [..., K, M] with transposeA)
 * @param b [..., K, N] (or [..., N, K] with transposeB) @returns [..., M, N]
 */
export function matMul<T extends tf.Tensor2D | tf.Tensor3D>(a: T, b: T, transposeA = false, transposeB = false): T {
  if (a.rank !== b.rank) throw new RangeError(`matMul needs operands of equal rank, got ${a.rank} and ${b.rank}`);
  if (!EXPLICIT_TRANSPOSE_BACKENDS.has(tf.getBackend())) return tf.matMul(a, b, transposeA, transposeB) as T;
  const product = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x, y, save] = args as [T, T, tf.GradSaveFunc];
    const left = transposeA ? swapLast(x) : x;
    const right = transposeB ? swapLast(y) : y;
    save([left, right]);
    return {
      value: tf.matMul(left, right),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => {
        const [l, r] = saved as [T, T];
        // value = l·r: dl = dy·rᵀ, dr = lᵀ·dy; then undo the operand transposes.
        const dl = tf.matMul(dy as T, swapLast(r)) as T;
        const dr = tf.matMul(swapLast(l), dy as T) as T;
        return [transposeA ? swapLast(dl) : dl, transposeB ? swapLast(dr) : dr];
      },
    };
  });
  return product(a, b) as T;
}
