// Per-block operator counts: deltas added up block by block, column sums, and shares of a row.
import { describe, expect, it } from 'vitest';
import { addOpCounts, EMPTY_TOTALS, shares, sumOverBlocks } from '../../../src/ui/panels/training/opTotals.ts';
import type { OpCountsDelta } from '../../../src/worker/protocol.ts';
import { DENSE_OPS, SPARSE_OPS } from '../../../src/core/space/types.ts';

const d = (fc: number, sg: number, sum: number, dp: number) => ({ fc, sg, sum, dp });
const s = (efc: number, attn: number) => ({ efc, attn });

describe('addOpCounts', () => {
  it('adding a delta to the empty totals gives the delta', () => {
    const delta: OpCountsDelta = { dense: [d(1, 0, 0, 2)], sparse: [s(0, 3)], denseParams: [d(10, 0, 0, 20)], sparseParams: [s(0, 30)] };
    expect(addOpCounts(EMPTY_TOTALS, delta)).toEqual(delta);
  });

  it('sums two deltas op by op and block by block', () => {
    const a: OpCountsDelta = { dense: [d(1, 2, 3, 4), d(0, 1, 0, 0)], sparse: [s(1, 1), s(2, 0)], denseParams: [d(5, 0, 0, 0), d(0, 0, 0, 0)], sparseParams: [s(7, 0), s(0, 0)] };
    const b: OpCountsDelta = { dense: [d(4, 3, 2, 1), d(1, 0, 0, 0)], sparse: [s(0, 2), s(0, 5)], denseParams: [d(1, 1, 1, 1), d(0, 2, 0, 0)], sparseParams: [s(1, 1), s(0, 9)] };
    expect(addOpCounts(a, b)).toEqual({
      dense: [d(5, 5, 5, 5), d(1, 1, 0, 0)],
      sparse: [s(1, 3), s(2, 5)],
      denseParams: [d(6, 1, 1, 1), d(0, 2, 0, 0)],
      sparseParams: [s(8, 1), s(0, 9)],
    });
  });

  it('treats blocks missing from either side as zeros (a delta may cover fewer blocks)', () => {
    const total: OpCountsDelta = { dense: [d(1, 0, 0, 0), d(0, 0, 1, 0)], sparse: [s(1, 0), s(0, 1)], denseParams: [], sparseParams: [] };
    const delta: OpCountsDelta = { dense: [d(1, 0, 0, 0)], sparse: [], denseParams: [d(0, 0, 0, 8)], sparseParams: [] };
    const out = addOpCounts(total, delta);
    expect(out.dense).toEqual([d(2, 0, 0, 0), d(0, 0, 1, 0)]);
    expect(out.sparse).toEqual([s(1, 0), s(0, 1)]);
    expect(out.denseParams).toEqual([d(0, 0, 0, 8)]);
    expect(out.sparseParams).toEqual([]);
  });

  it('fills ops missing from a partial row with zeros', () => {
    const partial = { dense: [{ fc: 2 } as ReturnType<typeof d>], sparse: [], denseParams: [], sparseParams: [] };
    expect(addOpCounts(EMPTY_TOTALS, partial).dense).toEqual([d(2, 0, 0, 0)]);
  });

  it('does not modify its arguments', () => {
    const total: OpCountsDelta = { dense: [d(1, 1, 1, 1)], sparse: [], denseParams: [], sparseParams: [] };
    const snapshot = structuredClone(total);
    addOpCounts(total, total);
    expect(total).toEqual(snapshot);
    expect(EMPTY_TOTALS).toEqual({ dense: [], sparse: [], denseParams: [], sparseParams: [] });
  });
});

describe('sumOverBlocks', () => {
  it('adds each op’s column over all blocks', () => {
    expect(sumOverBlocks(DENSE_OPS, [d(1, 2, 3, 4), d(10, 0, 0, 1)])).toEqual(d(11, 2, 3, 5));
  });

  it('gives zeros for no blocks', () => {
    expect(sumOverBlocks(SPARSE_OPS, [])).toEqual(s(0, 0));
  });

  it('only reports the ops asked for', () => {
    expect(sumOverBlocks(['fc', 'dp'] as const, [d(1, 2, 3, 4)])).toEqual({ fc: 1, dp: 4 });
  });
});

describe('shares', () => {
  it('divides each op by the row total, so the shares sum to 1', () => {
    const out = shares(DENSE_OPS, d(1, 1, 2, 4));
    expect(out).toEqual({ fc: 0.125, sg: 0.125, sum: 0.25, dp: 0.5 });
    expect(Object.values(out).reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('shares are over the given ops only (ops outside the space are left out of the total)', () => {
    expect(shares(['fc', 'dp'] as const, d(3, 100, 100, 1))).toEqual({ fc: 0.75, dp: 0.25 });
  });

  it('an all-zero or missing row gives zero shares rather than NaN', () => {
    expect(shares(SPARSE_OPS, s(0, 0))).toEqual(s(0, 0));
    expect(shares(SPARSE_OPS, undefined)).toEqual(s(0, 0));
  });
});
