// One block of a standalone ("fixed") network (NASREC.md §5.1): true widths, one op per stream, no masks.
import * as tf from '@tensorflow/tfjs';
import type { ArchBlock } from '../space/types.ts';
import { concatLast } from './concat.ts';
import type { ConstCache } from './constants.ts';
import type { ParamStore } from './params.ts';
import { createAttention } from './ops/attention.ts';
import { createDenseToSparse } from './ops/denseToSparse.ts';
import { createDotProduct } from './ops/dotProduct.ts';
import { createEfc } from './ops/efc.ts';
import { createFc } from './ops/fc.ts';
import { createFm } from './ops/fm.ts';
import { createSigmoidGating } from './ops/sigmoidGating.ts';
import { createSum } from './ops/sum.ts';
import type { BlockOutput } from './supernetBlock.ts';

/** Widths of the outputs a block may read: index 0 = raw input, j ≥ 1 = block j−1. */
export interface StreamWidths {
  dense: readonly number[];
  rows: readonly number[];
}

export interface StandaloneBlock {
  forward(denseList: readonly (tf.Tensor2D | null)[], sparseList: readonly (tf.Tensor3D | null)[]): BlockOutput;
}

interface BlockConfig {
  index: number;
  embeddingDim: number;
  layerNorm: boolean;
}

/** Allocates block `index` of an arch with the shape-dependent projection skips of §5/§13.5 (names as the supernet's). */
export function createStandaloneBlock(
  store: ParamStore,
  consts: ConstCache,
  block: ArchBlock,
  widths: StreamWidths,
  config: BlockConfig,
): StandaloneBlock {
  const { index: i, embeddingDim: e, layerNorm } = config;
  const sumOf = (idx: readonly number[], w: readonly number[]): number => idx.reduce((a, j) => a + (w[j] ?? 0), 0);
  const din = sumOf(block.denseIdx, widths.dense);
  const nin = sumOf(block.sparseIdx, widths.rows);
  const d = block.denseDim;
  const name = (op: string): string => `b${i}/${op}`;
  const binary = { leftDim: widths.dense[block.left] ?? 0, rightDim: widths.dense[block.right] ?? 0, outDim: d, layerNorm };
  const sparseDims = { rowsIn: nin, rowsOut: block.sparseDim, embeddingDim: e, layerNorm };

  let denseOp: (x: () => tf.Tensor2D, s: tf.Tensor3D, l: () => tf.Tensor2D, r: () => tf.Tensor2D) => tf.Tensor2D;
  if (block.denseOp === 'fc') {
    const op = createFc(store, name('fc'), din, d, layerNorm);
    denseOp = (x) => op.apply(x());
  } else if (block.denseOp === 'dp') {
    const op = createDotProduct(store, consts, name('dp'), { denseIn: din, rowsIn: nin, outDim: d, embeddingDim: e, layerNorm });
    denseOp = (x, s) => op.apply(x(), s);
  } else {
    const op = (block.denseOp === 'sg' ? createSigmoidGating : createSum)(store, name(block.denseOp), binary);
    denseOp = (_x, _s, l, r) => op.apply(l(), r());
  }
  let sparseOp: (s: tf.Tensor3D) => tf.Tensor3D;
  if (block.sparseOp === 'efc') {
    const op = createEfc(store, name('efc'), sparseDims);
    sparseOp = (s) => op.apply(s);
  } else {
    const op = createAttention(store, name('attn'), sparseDims);
    sparseOp = (s) => op.apply(s, null);
  }
  const fm = block.deepFm ? createFm(store, name('fm'), e, d, layerNorm) : null;
  const d2s = block.interact ? createDenseToSparse(store, name('d2s'), d, e, layerNorm) : null;

  return {
    forward(denseList, sparseList) {
      const pick = <T extends tf.Tensor>(list: readonly (T | null)[], j: number): T => {
        const t = list[j];
        if (t === null || t === undefined) throw new Error(`block ${i} reads input ${j}, which was not computed`);
        return t;
      };
      const cat = <T extends tf.Tensor>(list: readonly (T | null)[], idx: readonly number[]): T =>
        concatLast(idx.map((j) => pick(list, j)));
      const s = cat(sparseList, block.sparseIdx);
      const pre = denseOp(
        () => cat(denseList, block.denseIdx),
        s,
        () => pick(denseList, block.left),
        () => pick(denseList, block.right),
      );
      const sparse = sparseOp(s);
      const dense = fm === null ? pre : (tf.add(pre, fm.apply(sparse)) as tf.Tensor2D);
      if (d2s === null) return { dense, sparse }; // interact = 0 appends nothing (§5.1)
      // Same source rule as the supernet: pre-FM when projected, post-FM when the module is an identity.
      const rows = d2s.apply(d2s.proj === null ? dense : pre);
      return { dense, sparse: concatLast([sparse, rows]) };
    },
  };
}
