// Index maps and tensor slicing for copying supernet weights into a standalone net (device-side, no dataSync).
import * as tf from '@tensorflow/tfjs';
import { INTERACT_ROWS } from '../space/types.ts';
import type { Arch } from '../space/types.ts';
import type { StreamWidths } from './standaloneBlock.ts';
import type { SupernetWidths } from './widths.ts';

/** Consecutive integers [start, start + n). */
export function range(start: number, n: number): number[] {
  return Array.from({ length: n }, (_, k) => start + k);
}

/** Supernet rows (of a weight over the zero-filled dense concat) holding a standalone block's concatenated dense inputs. */
export function denseRowMap(idx: readonly number[], sn: SupernetWidths, st: StreamWidths): number[] {
  return idx.flatMap((j) => range(sn.denseSlot(j).offset, st.dense[j] ?? 0));
}

/**
 * Supernet rows of the sparse concat holding a standalone block's input rows: for block output j, its s op rows
 * come first in its slot and its 8 interact rows start at Smax (§7: 64 op rows + 8 dense→sparse rows).
 */
export function sparseRowMap(idx: readonly number[], sn: SupernetWidths, arch: Arch, st: StreamWidths): number[] {
  return idx.flatMap((j) => {
    const offset = sn.sparseSlot(j).offset;
    const b = j === 0 ? undefined : arch.blocks[j - 1];
    if (b === undefined) return range(offset, st.rows[0] ?? 0);
    return [...range(offset, b.sparseDim), ...(b.interact ? range(offset + sn.sparseMax, INTERACT_ROWS) : [])];
  });
}

/** Rows `rows` (all when null) and columns `cols` (a prefix length or an index list) of a matrix or vector. */
export function take(v: tf.Tensor, rows: readonly number[] | null, cols: number | readonly number[] | null): tf.Tensor {
  return tf.tidy(() => {
    let t = v;
    if (t.rank === 1) return pick(t, rows ?? (typeof cols === 'number' ? range(0, cols) : null), 0);
    t = pick(t, rows, 0);
    return typeof cols === 'number' ? tf.slice(t, [0, 0], [-1, cols]) : pick(t, cols, 1);
  });
}

function pick(t: tf.Tensor, idx: readonly number[] | null, axis: number): tf.Tensor {
  return idx === null ? t.clone() : tf.gather(t, tf.tensor1d([...idx], 'int32'), axis);
}

/** Zero-pads a matrix to [rows, cols] at the bottom/right, or a vector to length rows. Disposes `t`. */
export function padTo(t: tf.Tensor, rows: number, cols?: number): tf.Tensor {
  const out = tf.tidy(() =>
    t.rank === 1
      ? tf.pad(t, [[0, rows - (t.shape[0] ?? 0)]])
      : tf.pad(t, [
          [0, rows - (t.shape[0] ?? 0)],
          [0, (cols ?? 0) - (t.shape[1] ?? 0)],
        ]),
  );
  t.dispose();
  return out;
}
