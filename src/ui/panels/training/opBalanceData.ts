// The numbers of the operator-balance view: per block and overall, times sampled or share of updates. Pure.
import type { DenseOp, SparseOp } from '../../../core/space/types.ts';
import type { AnyOp } from '../../ops.ts';
import { shares, sumOverBlocks } from './opTotals.ts';
import type { OpTotals } from './opTotals.ts';

export type BalanceMode = 'count' | 'share';

/** One cell: the number shown, and both figures for the tooltip. */
export interface BalanceCell {
  op: AnyOp;
  /** Times sampled (count mode) or share of the stream's updated parameters in [0, 1] (share mode). */
  value: number;
  count: number;
  /** Share of the times its stream sampled an op in this block, in [0, 1]. */
  countShare: number;
  /** Parameters updated (summed over steps) and their share of the stream's updates. */
  params: number;
  paramShare: number;
}

export interface BalanceTable {
  /** rows[b] for block b, then the overall row. */
  rows: BalanceCell[][];
  overall: BalanceCell[];
  /** Largest value per stream (for shading). */
  max: { dense: number; sparse: number };
}

function cells<K extends AnyOp>(ops: readonly K[], count: Record<K, number> | undefined, params: Record<K, number> | undefined, mode: BalanceMode): BalanceCell[] {
  const cs = shares(ops, count);
  const ps = shares(ops, params);
  return ops.map((op) => {
    const c = count?.[op] ?? 0;
    return { op, value: mode === 'count' ? c : ps[op], count: c, countShare: cs[op], params: params?.[op] ?? 0, paramShare: ps[op] };
  });
}

/** Builds the table for the ops of the trained space. */
export function balanceTable(totals: OpTotals, denseOps: readonly DenseOp[], sparseOps: readonly SparseOp[], mode: BalanceMode): BalanceTable {
  const blocks = Math.max(totals.dense.length, totals.sparse.length);
  const rows = Array.from({ length: blocks }, (_, b) => [
    ...cells(denseOps, totals.dense[b], totals.denseParams[b], mode),
    ...cells(sparseOps, totals.sparse[b], totals.sparseParams[b], mode),
  ]);
  const overall = [
    ...cells(denseOps, sumOverBlocks(denseOps, totals.dense), sumOverBlocks(denseOps, totals.denseParams), mode),
    ...cells(sparseOps, sumOverBlocks(sparseOps, totals.sparse), sumOverBlocks(sparseOps, totals.sparseParams), mode),
  ];
  const isDense = (op: AnyOp) => (denseOps as readonly AnyOp[]).includes(op);
  const max = { dense: 0, sparse: 0 };
  for (const row of rows) {
    for (const cell of row) {
      const k = isDense(cell.op) ? 'dense' : 'sparse';
      max[k] = Math.max(max[k], cell.value);
    }
  }
  return { rows, overall, max };
}
