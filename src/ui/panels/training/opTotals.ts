// Running totals of the worker's per-block operator counts (it sends deltas; the UI adds them up). Pure.
import { DENSE_OPS, SPARSE_OPS } from '../../../core/space/types.ts';
import type { DenseOp, SparseOp } from '../../../core/space/types.ts';
import type { OpCountsDelta } from '../../../worker/protocol.ts';

/** Same shape as a delta: [block][op] times sampled and parameters updated, summed since the run started. */
export type OpTotals = OpCountsDelta;

export const EMPTY_TOTALS: OpTotals = { dense: [], sparse: [], denseParams: [], sparseParams: [] };

function addRows<K extends string>(ops: readonly K[], total: Record<K, number>[], delta: Record<K, number>[]): Record<K, number>[] {
  const n = Math.max(total.length, delta.length);
  return Array.from({ length: n }, (_, b) => {
    const row = {} as Record<K, number>;
    for (const op of ops) row[op] = (total[b]?.[op] ?? 0) + (delta[b]?.[op] ?? 0);
    return row;
  });
}

/** `total` + `delta`, block by block and op by op (missing entries count as 0). */
export function addOpCounts(total: OpTotals, delta: OpCountsDelta): OpTotals {
  return {
    dense: addRows<DenseOp>(DENSE_OPS, total.dense, delta.dense),
    sparse: addRows<SparseOp>(SPARSE_OPS, total.sparse, delta.sparse),
    denseParams: addRows<DenseOp>(DENSE_OPS, total.denseParams, delta.denseParams),
    sparseParams: addRows<SparseOp>(SPARSE_OPS, total.sparseParams, delta.sparseParams),
  };
}

/** Column sums over blocks: the overall figure per op. */
export function sumOverBlocks<K extends string>(ops: readonly K[], rows: readonly Record<K, number>[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const op of ops) out[op] = rows.reduce<number>((acc, r) => acc + (r[op] ?? 0), 0);
  return out;
}

/** Each op's share of a row's total (0 when the row is all zero). */
export function shares<K extends string>(ops: readonly K[], row: Record<K, number> | undefined): Record<K, number> {
  const total = ops.reduce((acc, op) => acc + (row?.[op] ?? 0), 0);
  const out = {} as Record<K, number>;
  for (const op of ops) out[op] = total > 0 ? (row?.[op] ?? 0) / total : 0;
  return out;
}
