// Cached constant tensors of the supernet: 0/1 width masks per (max, d) and zero tensors per shape (NASREC.md §7, §14).
import * as tf from '@tensorflow/tfjs';

/**
 * Owns constant tensors that are reused from step to step. Tensors created inside a caller's `tf.tidy` are
 * `tf.keep`-ed, so the cache survives it; `dispose()` frees them all.
 */
export class ConstCache {
  private readonly cache = new Map<string, tf.Tensor>();

  /**
   * [max] with ones in the first d entries. Multiplied into [B, max] it masks a dense output to width d; into a
   * channel-major sparse [B, E, max] it masks to s rows. Rank 1 (a trailing broadcast) keeps the cpu backend
   * on its fast element-wise path.
   */
  mask(max: number, d: number): tf.Tensor1D {
    return this.get(`m${max}_${d}`, () => tf.tensor1d(maskValues(max, d))) as tf.Tensor1D;
  }

  /** A zero tensor of the given shape (zero-filled unselected inputs, interact = 0 rows). */
  zeros(shape: readonly number[]): tf.Tensor {
    return this.get(`z${shape.join('x')}`, () => tf.zeros([...shape]));
  }

  /** An int32 index vector (e.g. the strict lower triangle of the dot-product), cached by a caller-chosen key. */
  indices(key: string, make: () => Int32Array): tf.Tensor1D {
    return this.get(`i${key}`, () => tf.tensor1d(make(), 'int32')) as tf.Tensor1D;
  }

  get size(): number {
    return this.cache.size;
  }

  dispose(): void {
    for (const t of this.cache.values()) t.dispose();
    this.cache.clear();
  }

  private get(key: string, make: () => tf.Tensor): tf.Tensor {
    let t = this.cache.get(key);
    if (t === undefined) {
      t = tf.keep(make());
      this.cache.set(key, t);
    }
    return t;
  }
}

function maskValues(max: number, d: number): Float32Array {
  if (!Number.isInteger(d) || d < 1 || d > max) throw new RangeError(`width ${d} is not in [1, ${max}]`);
  const v = new Float32Array(max);
  v.fill(1, 0, d);
  return v;
}
