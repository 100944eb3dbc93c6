// Concatenation on the last axis with a gradient that skips constant parts (cached zeros) and avoids the cpu's slow inner-axis slices.
import * as tf from '@tensorflow/tfjs';

/** How the gradient is cut back into parts: slices of the last axis, or (cpu) one transpose and contiguous row slices. */
export type ConcatGradStrategy = 'slice' | 'transpose';

/**
 * tf.concat(parts, last axis), mathematically. Parts flagged constant (the supernet's cached zero inputs, §7) get
 * no gradient at all, so a zero-filled concatenation costs backward work only for the inputs a path selects.
 * @param parts tensors equal in every dimension but the last
 * @param constant constant[k] = parts[k] needs no gradient (it must outlive the backward pass, e.g. a cached tensor)
 */
export function concatLast<T extends tf.Tensor>(parts: readonly T[], constant?: readonly boolean[]): T {
  return concatLastWith(parts, constant ?? [], tf.getBackend() === 'cpu' ? 'transpose' : 'slice');
}

/** `concatLast` with an explicit gradient strategy (both give the same numbers; tests compare them). */
export function concatLastWith<T extends tf.Tensor>(parts: readonly T[], constant: readonly boolean[], strategy: ConcatGradStrategy): T {
  if (parts.length === 1) return parts[0] as T;
  const live = parts.map((_, k) => constant[k] !== true);
  const inputs = parts.filter((_, k) => live[k]);
  if (inputs.length === 0) return tf.concat([...parts], -1) as T;
  const widths = parts.map((p) => p.shape[p.rank - 1] ?? 0);
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    let j = 0;
    const all = parts.map((p, k) => (live[k] ? (args[j++] as tf.Tensor) : p));
    return { value: tf.concat(all, -1), gradFunc: (dy: tf.Tensor) => partGradients(dy, widths, live, strategy) };
  });
  return f(...inputs) as T;
}

function partGradients(dy: tf.Tensor, widths: readonly number[], live: readonly boolean[], strategy: ConcatGradStrategy): tf.Tensor[] {
  const total = dy.shape[dy.rank - 1] ?? 0;
  const lead = dy.shape.slice(0, -1);
  const rows = dy.size / total;
  // The cpu backend slices an inner axis element by element (≈0.5 µs each); rows of a transposed matrix are
  // contiguous views, so one transpose plus one per part is several times faster there.
  const t = strategy === 'transpose' ? tf.transpose(tf.reshape(dy, [rows, total])) : null;
  const grads: tf.Tensor[] = [];
  let offset = 0;
  widths.forEach((w, k) => {
    if (live[k]) {
      if (t === null) grads.push(tf.slice(dy, [...lead.map(() => 0), offset], [...lead, w]));
      else grads.push(tf.reshape(tf.transpose(tf.slice(t, [offset, 0], [w, rows])), [...lead, w]));
    }
    offset += w;
  });
  return grads;
}
