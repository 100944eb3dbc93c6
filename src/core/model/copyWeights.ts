// Copies the weights a supernet path uses into a standalone net of the same arch (inheritance; NASREC.md §7, §9).
import * as tf from '@tensorflow/tfjs';
import { INTERACT_ROWS } from '../space/types.ts';
import type { Arch, ArchBlock } from '../space/types.ts';
import { denseRowMap, padTo, range, sparseRowMap, take } from './copySlices.ts';
import { standaloneWidths } from './standalone.ts';
import type { NasrecStandalone, NasrecSupernet } from './types.ts';
import { dpPairs, dpRows, supernetWidths } from './widths.ts';

/** What a copy achieved: `exact` means the standalone logits equal the supernet path's (float error aside). */
export interface CopyReport {
  exact: boolean;
  /** One line per reason the two functions differ (empty when exact). */
  notes: string[];
}

/**
 * Copies into `standalone` (built from `arch` on the supernet's space and input) the supernet weights its path
 * `archToPath(arch)` uses: the first d output units / s rows, and the rows of the selected inputs' slots.
 * The result equals the path's logits for FC, EFC, SG (projection present), Sum with left = right, the FM and the
 * dense→sparse module, with LayerNorm off. It cannot for (each reported in `notes`): LayerNorm on (statistics span
 * the max width, §7); Sum with left ≠ right (per-slot columns, §7); attention with s < Smax (zero rows stay in the
 * softmax, §13.8); DP unless round(√(2d)) = round(√(2·Dmax)) (the supernet projects to P(Dmax) rows); a projection
 * the standalone skips by shape (§13.5) but the supernet has; the pre-/post-FM source of the dense→sparse rows.
 */
export function copySupernetWeightsToStandalone(supernet: NasrecSupernet, arch: Arch, standalone: NasrecStandalone): CopyReport {
  if (supernet.layerNorm !== standalone.layerNorm) throw new Error('supernet and standalone disagree on layerNorm');
  const sn = supernetWidths(supernet.space, supernet.input);
  const st = standaloneWidths(arch, supernet.input);
  const e = supernet.space.embeddingDim;
  const notes: string[] = [];
  const note = (msg: string): void => void notes.push(msg);
  const src = (name: string): tf.Variable => {
    const v = supernet.params.get(name);
    if (v === undefined) throw new Error(`supernet has no parameter "${name}"`);
    return v;
  };
  const has = (net: 'sn' | 'st', name: string): boolean => (net === 'sn' ? supernet : standalone).params.has(name);
  const put = (name: string, value: tf.Tensor): void => {
    const v = standalone.params.get(name);
    if (v === undefined) throw new Error(`standalone has no parameter "${name}"`);
    if (!tf.util.arraysEqual(v.shape, value.shape)) throw new Error(`copy of "${name}": shape ${value.shape} into ${v.shape}`);
    v.assign(value);
    value.dispose();
  };
  /** Linear `name` (w, and b when present) from rows × cols of the supernet's. */
  const linear = (name: string, rows: readonly number[] | null, cols: number | null): void => {
    put(`${name}/w`, take(src(`${name}/w`), rows, cols));
    if (has('st', `${name}/b`)) put(`${name}/b`, take(src(`${name}/b`), null, cols ?? src(`${name}/b`).shape[0] ?? 0));
  };
  /** LayerNorm `name` over the first k units. */
  const norm = (name: string, k: number): void => {
    if (!has('st', `${name}/g`)) return;
    put(`${name}/g`, take(src(`${name}/g`), null, k));
    put(`${name}/b`, take(src(`${name}/b`), null, k));
  };
  /** Standalone and supernet agree on whether `name` is projected; notes it when not. */
  const same = (name: string, why: string): boolean => {
    const ok = has('st', `${name}/w`) === has('sn', `${name}/w`);
    if (!ok) note(`${name}: ${why}`);
    return ok && has('st', `${name}/w`);
  };
  if (supernet.layerNorm) note('layerNorm: supernet LayerNorm statistics include masked units (§7)');

  arch.blocks.forEach((b, i) => {
    if (standalone.live[i] !== true) return;
    const p = (op: string): string => `b${i}/${op}`;
    const rows = sparseRowMap(b.sparseIdx, sn, arch, st);
    const d = b.denseDim;
    if (b.denseOp === 'fc') {
      linear(p('fc'), denseRowMap(b.denseIdx, sn, st), d);
      norm(p('fc/ln'), d);
    } else if (b.denseOp === 'dp') {
      const pd = dpRows(d);
      if (pd !== dpRows(sn.denseMax)) note(`${p('dp')}: P = ${pd} rows here, ${dpRows(sn.denseMax)} in the supernet`);
      if (same(p('dp/w1'), 'dense projection skipped on one side')) linear(p('dp/w1'), denseRowMap(b.denseIdx, sn, st), null);
      norm(p('dp/w1/ln'), e);
      if (same(p('dp/w2'), 'row projection skipped on one side')) linear(p('dp/w2'), rows, pd);
      norm(p('dp/w2/ln'), pd);
      if (same(p('dp/w3'), 'pair projection skipped on one side')) linear(p('dp/w3'), range(0, dpPairs(pd)), d);
      norm(p('dp/ln'), d);
    } else {
      copyBinary(b, p(b.denseOp));
    }
    const sp = p(b.sparseOp);
    linear(sp, rows, b.sparseDim);
    norm(`${sp}/ln`, b.sparseDim);
    if (b.sparseOp === 'attn') {
      if (b.sparseDim !== sn.sparseMax) note(`${sp}: s = ${b.sparseDim} < Smax, masked rows stay in the softmax (§13.8)`);
      for (const part of ['mha/in', 'mha/out', 'ffn1', 'ffn2']) linear(`${sp}/${part}`, null, null);
      for (const part of ['lnA', 'lnF']) norm(`${sp}/${part}`, e);
    }
    if (b.deepFm && same(p('fm'), 'FM projection skipped on one side (d = E)')) {
      linear(p('fm'), null, d);
      norm(p('fm/ln'), d);
    }
    if (b.interact) copyDenseToSparse(b, p('d2s'));
  });

  function copyBinary(b: ArchBlock, name: string): void {
    const [wl, wr] = [st.dense[b.left] ?? 0, st.dense[b.right] ?? 0];
    const m = Math.max(wl, wr);
    const [slotL, slotR] = [sn.denseSlot(b.left).offset, sn.denseSlot(b.right).offset];
    const projected = same(name, 'projection skipped on one side (m = d)');
    if (b.denseOp === 'sum') {
      if (b.left !== b.right) note(`${name}: left ≠ right, the supernet keeps separate columns per input slot (§7)`);
      // Left slot's rows for its own width, right slot's rows beyond it.
      if (projected) linear(name, [...range(slotL, wl), ...range(slotR + wl, Math.max(0, wr - wl))], b.denseDim);
    } else {
      // g_r = sigmoid(x_l·U[slot l, slot r] + c[slot r]) is all the supernet gate uses: other entries are irrelevant.
      put(`${name}/u/w`, padTo(take(src(`${name}/u/w`), range(slotL, wl), range(slotR, wr)), m, m));
      put(`${name}/u/b`, padTo(take(src(`${name}/u/b`), range(slotR, wr), null), m));
      if (projected) {
        put(`${name}/w`, padTo(take(src(`${name}/w`), range(slotR, wr), b.denseDim), m, b.denseDim));
        put(`${name}/b`, take(src(`${name}/b`), null, b.denseDim));
      }
    }
    norm(`${name}/ln`, b.denseDim);
  }

  function copyDenseToSparse(b: ArchBlock, name: string): void {
    const stProj = has('st', `${name}/w`);
    const snProj = has('sn', `${name}/w`);
    if (stProj && snProj) {
      linear(name, range(0, b.denseDim), null);
      norm(`${name}/ln`, INTERACT_ROWS * e);
    } else if (stProj) {
      // The supernet module is an identity (Dmax = 8E, e.g. Tiny): the identity's first d rows reproduce it.
      put(`${name}/w`, tf.tidy(() => tf.slice(tf.eye(INTERACT_ROWS * e), [0, 0], [b.denseDim, -1])));
      if (has('st', `${name}/b`)) put(`${name}/b`, tf.zeros([INTERACT_ROWS * e]));
      if (b.deepFm) note(`${name}: rows come from the pre-FM output here, the post-FM one in the supernet`);
    } else if (snProj) {
      note(`${name}: d = 8E skips the projection here, the supernet projects`);
    }
  }

  // Final layer: features are dense units, then the sparse rows channel-major (index e·N + n), on both sides.
  const last = arch.blocks[arch.blocks.length - 1];
  if (last !== undefined) {
    const lastRows = [...range(0, last.sparseDim), ...(last.interact ? range(sn.sparseMax, INTERACT_ROWS) : [])];
    const sparseFeatures = range(0, e).flatMap((c) => lastRows.map((r) => sn.denseMax + c * sn.rowsPerBlock + r));
    linear('final', [...range(0, last.denseDim), ...sparseFeatures], null);
  }
  return { exact: notes.length === 0, notes };
}
