// One choice block of the supernet (NASREC.md §7): max-size ops, zero-filled inputs, masks, summed active ops.
import * as tf from '@tensorflow/tfjs';
import { DENSE_OPS, SPARSE_OPS, INTERACT_ROWS } from '../space/types.ts';
import type { DenseOp, PathBlock, SpaceConfig, SparseOp } from '../space/types.ts';
import { concatLast } from './concat.ts';
import type { ConstCache } from './constants.ts';
import type { ParamStore } from './params.ts';
import { createAttention } from './ops/attention.ts';
import type { AttentionOp } from './ops/attention.ts';
import { createDenseToSparse } from './ops/denseToSparse.ts';
import type { DenseToSparseOp } from './ops/denseToSparse.ts';
import { createDotProduct } from './ops/dotProduct.ts';
import type { DotProductOp } from './ops/dotProduct.ts';
import { createEfc } from './ops/efc.ts';
import type { EfcOp } from './ops/efc.ts';
import { createFc } from './ops/fc.ts';
import type { FcOp } from './ops/fc.ts';
import { createFm } from './ops/fm.ts';
import type { FmOp } from './ops/fm.ts';
import { createSigmoidGating } from './ops/sigmoidGating.ts';
import { createSum } from './ops/sum.ts';
import type { BinaryOp } from './ops/sum.ts';
import type { SupernetWidths } from './widths.ts';

/** A block's outputs: dense [B, Dmax] and channel-major sparse [B, E, rowsPerBlock]. */
export interface BlockOutput {
  dense: tf.Tensor2D;
  sparse: tf.Tensor3D;
}

export interface SupernetBlock {
  forward(denseList: readonly tf.Tensor2D[], sparseList: readonly tf.Tensor3D[], choice: PathBlock): BlockOutput;
}

interface BlockOps {
  fc?: FcOp;
  dp?: DotProductOp;
  sg?: BinaryOp;
  sum?: BinaryOp;
  efc?: EfcOp;
  attn?: AttentionOp;
  fm: FmOp | null;
  d2s: DenseToSparseOp | null;
}

/** Allocates block i's ops at maximum size (parameters `b{i}/{fc,sg,sum,dp,efc,attn,fm,d2s}/...`). */
export function createSupernetBlock(
  store: ParamStore,
  consts: ConstCache,
  space: SpaceConfig,
  widths: SupernetWidths,
  i: number,
  layerNorm: boolean,
): SupernetBlock {
  const { denseMax, sparseMax } = widths;
  const e = space.embeddingDim;
  const din = widths.denseIn(i);
  const nin = widths.sparseIn(i);
  const name = (op: string): string => `b${i}/${op}`;
  const has = (op: DenseOp | SparseOp): boolean =>
    (space.denseOps as string[]).includes(op) || (space.sparseOps as string[]).includes(op);
  const binary = { leftDim: din, rightDim: din, outDim: denseMax, layerNorm };
  const sparseDims = { rowsIn: nin, rowsOut: sparseMax, embeddingDim: e, layerNorm };
  const ops: BlockOps = { fm: null, d2s: null };
  // Creation order = DENSE_OPS then SPARSE_OPS order, so a seed always draws the same weights for an op.
  if (has('fc')) ops.fc = createFc(store, name('fc'), din, denseMax, layerNorm);
  if (has('sg')) ops.sg = createSigmoidGating(store, name('sg'), binary);
  if (has('sum')) ops.sum = createSum(store, name('sum'), binary);
  if (has('dp')) ops.dp = createDotProduct(store, consts, name('dp'), { denseIn: din, rowsIn: nin, outDim: denseMax, embeddingDim: e, layerNorm });
  if (has('efc')) ops.efc = createEfc(store, name('efc'), sparseDims);
  if (has('attn')) ops.attn = createAttention(store, name('attn'), sparseDims);
  if (space.interactionModules) {
    ops.fm = createFm(store, name('fm'), e, denseMax, layerNorm);
    ops.d2s = createDenseToSparse(store, name('d2s'), denseMax, e, layerNorm);
  }

  /** Concatenation over all earlier outputs in ascending index, unselected ones replaced by cached zeros (§7). */
  const zeroFilled = <T extends tf.Tensor>(list: readonly T[], chosen: readonly number[]): T => {
    const parts = list.map((t, j) => (chosen.includes(j) ? t : (consts.zeros(t.shape) as T)));
    return concatLast(parts, list.map((_, j) => !chosen.includes(j)));
  };

  return {
    forward(denseList, sparseList, choice) {
      const batch = denseList[0]?.shape[0] ?? 0;
      const active = (op: DenseOp): boolean => choice.denseOps.includes(op);
      // Inputs are built on first use only: an input no active op reads is never concatenated.
      const x = once(() => zeroFilled(denseList, choice.denseIdx));
      const s = zeroFilled(sparseList, choice.sparseIdx);
      // Full-path macro (§8.1): every input feeds both binary slots, nothing zero-filled (`leftRightAll`).
      const both = choice.leftRightAll === true;
      const left = once(() => zeroFilled(denseList, both ? denseList.map((_, j) => j) : [choice.left]));
      const right = once(() => (both || choice.right === choice.left ? left() : zeroFilled(denseList, [choice.right])));

      // Inactive ops are not computed; active ones are summed, then masked once (mask distributes over the sum).
      const denseParts: tf.Tensor2D[] = [];
      for (const op of DENSE_OPS) {
        if (!active(op)) continue;
        if (op === 'fc') denseParts.push(required(ops.fc, op, i).apply(x()));
        else if (op === 'dp') denseParts.push(required(ops.dp, op, i).apply(x(), s));
        else denseParts.push(required(ops[op], op, i).apply(left(), right()));
      }
      const mask = consts.mask(denseMax, choice.denseDim);
      const pre = tf.mul(sum(denseParts), mask) as tf.Tensor2D;

      const rowMask = consts.mask(sparseMax, choice.sparseDim);
      const sparseParts: tf.Tensor3D[] = [];
      for (const op of SPARSE_OPS) {
        if (!choice.sparseOps.includes(op)) continue;
        if (op === 'efc') sparseParts.push(required(ops.efc, op, i).apply(s));
        else sparseParts.push(required(ops.attn, op, i).apply(s, rowMask));
      }
      const sparse = tf.mul(sum(sparseParts), rowMask) as tf.Tensor3D;

      // Sparse→dense: FM of the sparse op output, masked to d, added into the dense output.
      const dense = choice.deepFm ? (tf.add(pre, tf.mul(required(ops.fm, 'fm', i).apply(sparse), mask)) as tf.Tensor2D) : pre;
      if (choice.interact && ops.d2s !== null) {
        // The official block projects a clone of the pre-FM output; when no projection exists it reshapes a view of
        // the dense output, which the in-place FM addition then changes (supernet.py, SuperNetBlock.forward).
        const rows = ops.d2s.apply(ops.d2s.proj === null ? dense : pre);
        return { dense, sparse: concatLast([sparse, rows]) };
      }
      // §5.1/§7: with interact = 0 (or no modules in the space) 8 zero rows are appended: shapes stay fixed.
      return { dense, sparse: concatLast([sparse, consts.zeros([batch, e, INTERACT_ROWS]) as tf.Tensor3D], [false, true]) };
    },
  };
}

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function sum<T extends tf.Tensor>(parts: T[]): T {
  if (parts.length === 0) throw new Error('a block needs at least one active op per stream');
  // A chain of binary adds (not addN): every add has the same shapes whatever the number of active ops.
  return parts.slice(1).reduce((acc, p) => tf.add(acc, p) as T, parts[0] as T);
}

function required<T>(op: T | undefined | null, name: string, block: number): T {
  if (op === undefined || op === null) throw new Error(`block ${block}: op "${name}" is not in this supernet's space`);
  return op;
}
