// The operator-balance table: counts or parameter shares per block and overall, and the shading maxima.
import { describe, expect, it } from 'vitest';
import { balanceTable } from '../../../src/ui/panels/training/opBalanceData.ts';
import type { BalanceCell } from '../../../src/ui/panels/training/opBalanceData.ts';
import { addOpCounts, EMPTY_TOTALS } from '../../../src/ui/panels/training/opTotals.ts';
import type { OpTotals } from '../../../src/ui/panels/training/opTotals.ts';
import { DENSE_OPS, SPARSE_OPS } from '../../../src/core/space/types.ts';

const d = (fc: number, sg: number, sum: number, dp: number) => ({ fc, sg, sum, dp });
const s = (efc: number, attn: number) => ({ efc, attn });

/** Two blocks; the numbers are chosen so every share below is exact in binary or checked with toBeCloseTo. */
const TOTALS: OpTotals = {
  dense: [d(3, 1, 0, 0), d(1, 1, 2, 0)],
  sparse: [s(2, 2), s(0, 4)],
  denseParams: [d(300, 100, 0, 0), d(0, 20, 180, 0)],
  sparseParams: [s(20, 60), s(0, 0)],
};

const byOp = (cells: BalanceCell[]) => Object.fromEntries(cells.map((c) => [c.op, c]));
const sumOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('balanceTable in count mode', () => {
  const t = balanceTable(TOTALS, DENSE_OPS, SPARSE_OPS, 'count');

  it('has one row per block with a cell per dense then sparse op', () => {
    expect(t.rows).toHaveLength(2);
    expect(t.rows[0]!.map((c) => c.op)).toEqual(['fc', 'sg', 'sum', 'dp', 'efc', 'attn']);
    expect(t.overall.map((c) => c.op)).toEqual(['fc', 'sg', 'sum', 'dp', 'efc', 'attn']);
  });

  it('shows the times sampled, with count and parameter shares per stream', () => {
    const r0 = byOp(t.rows[0]!);
    expect(r0.fc).toEqual({ op: 'fc', value: 3, count: 3, countShare: 0.75, params: 300, paramShare: 0.75 });
    expect(r0.sg).toEqual({ op: 'sg', value: 1, count: 1, countShare: 0.25, params: 100, paramShare: 0.25 });
    expect(r0.efc).toMatchObject({ value: 2, countShare: 0.5, paramShare: 0.25 });
    expect(r0.attn).toMatchObject({ value: 2, countShare: 0.5, paramShare: 0.75 });
    const r1 = byOp(t.rows[1]!);
    expect(r1.sum).toMatchObject({ value: 2, countShare: 0.5, params: 180, paramShare: 0.9 });
    expect(r1.sg!.paramShare).toBeCloseTo(0.1, 12);
    // Block 1's sparse ops updated nothing: zero shares, not NaN.
    expect(r1.attn).toMatchObject({ value: 4, countShare: 1, params: 0, paramShare: 0 });
  });

  it('the overall row sums the blocks: fc 4, sg 2, sum 2 of 8 samples; 300/120/180 of 600 parameters', () => {
    const o = byOp(t.overall);
    expect([o.fc!.count, o.sg!.count, o.sum!.count, o.dp!.count]).toEqual([4, 2, 2, 0]);
    expect([o.fc!.countShare, o.sg!.countShare, o.sum!.countShare, o.dp!.countShare]).toEqual([0.5, 0.25, 0.25, 0]);
    expect(o.fc!.paramShare).toBeCloseTo(0.5, 12);
    expect(o.sg!.paramShare).toBeCloseTo(0.2, 12);
    expect(o.sum!.paramShare).toBeCloseTo(0.3, 12);
    expect([o.efc!.count, o.attn!.count, o.efc!.countShare, o.attn!.countShare]).toEqual([2, 6, 0.25, 0.75]);
  });

  it('shares within each stream of each row sum to 1 (or 0 when the stream saw nothing)', () => {
    for (const row of [...t.rows, t.overall]) {
      const dense = row.filter((c) => (DENSE_OPS as readonly string[]).includes(c.op));
      const sparse = row.filter((c) => (SPARSE_OPS as readonly string[]).includes(c.op));
      for (const cells of [dense, sparse]) {
        expect(sumOf(cells.map((c) => c.countShare))).toBeCloseTo(1, 12);
        const ps = sumOf(cells.map((c) => c.paramShare));
        expect(ps === 0 || Math.abs(ps - 1) < 1e-12).toBe(true);
      }
    }
  });

  it('the shading maxima are the largest per-block counts of each stream', () => {
    expect(t.max).toEqual({ dense: 3, sparse: 4 });
  });
});

describe('balanceTable in share mode', () => {
  const t = balanceTable(TOTALS, DENSE_OPS, SPARSE_OPS, 'share');

  it('shows each op’s share of its stream’s parameter updates', () => {
    expect(t.rows[0]!.map((c) => c.value)).toEqual([0.75, 0.25, 0, 0, 0.25, 0.75]);
    expect(byOp(t.rows[1]!).sum!.value).toBe(0.9);
  });

  it('the shading maxima are the largest shares, at most 1', () => {
    expect(t.max.dense).toBe(0.9);
    expect(t.max.sparse).toBe(0.75);
  });
});

describe('balanceTable with accumulated deltas and restricted spaces', () => {
  it('works on totals built with addOpCounts from several deltas', () => {
    const delta = { dense: [d(1, 0, 0, 1)], sparse: [s(1, 0)], denseParams: [d(4, 0, 0, 12)], sparseParams: [s(5, 0)] };
    const totals = addOpCounts(addOpCounts(addOpCounts(EMPTY_TOTALS, delta), delta), delta);
    const t = balanceTable(totals, ['fc', 'dp'], ['efc'], 'share');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]!.map((c) => [c.op, c.count, c.value])).toEqual([
      ['fc', 3, 0.25],
      ['dp', 3, 0.75],
      ['efc', 3, 1],
    ]);
  });

  it('has no rows and zero maxima before any step has been counted', () => {
    const t = balanceTable(EMPTY_TOTALS, DENSE_OPS, SPARSE_OPS, 'count');
    expect(t.rows).toEqual([]);
    expect(t.overall.every((c) => c.value === 0 && c.countShare === 0 && c.paramShare === 0)).toBe(true);
    expect(t.max).toEqual({ dense: 0, sparse: 0 });
  });

  it('counts as many blocks as the longer stream has', () => {
    const t = balanceTable({ dense: [d(1, 0, 0, 0)], sparse: [s(1, 0), s(0, 1)], denseParams: [], sparseParams: [] }, DENSE_OPS, SPARSE_OPS, 'count');
    expect(t.rows).toHaveLength(2);
    expect(byOp(t.rows[1]!).fc).toMatchObject({ count: 0, countShare: 0 });
  });
});
