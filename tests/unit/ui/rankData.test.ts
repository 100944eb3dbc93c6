// The rank views' data: scatter points, interval overlap between the default and each ablation, number text.
import { describe, expect, it } from 'vitest';
import { formatCorrelation, intervalsOverlap, overlapWarnings, scatterPoints, withInterval } from '../../../src/ui/panels/rank/rankData.ts';
import type { RankRow } from '../../../src/ui/panels/rank/rankState.ts';
import { ARCHS, correlation, KEYS } from './analysisFixtures.ts';

const row = (index: number, proxy?: number, standalone?: number): RankRow => ({ index, key: KEYS[index]!, arch: ARCHS[index]!, ...(proxy !== undefined ? { proxy } : {}), ...(standalone !== undefined ? { standalone } : {}) });

describe('scatterPoints', () => {
  it('plots only architectures with both losses', () => {
    expect(scatterPoints([row(0, 0.4, 0.5), row(1, 0.3), row(2, undefined, 0.6), row(3, 0.2, 0.45)]).map((p) => [p.id, p.x, p.y])).toEqual([
      [KEYS[0], 0.4, 0.5],
      [KEYS[3], 0.2, 0.45],
    ]);
  });

  it('takes x from a setting’s proxy losses by index when given', () => {
    expect(scatterPoints([row(0, 0.4, 0.5), row(1, 0.3, 0.6)], [0.9, 0.8]).map((p) => p.x)).toEqual([0.9, 0.8]);
  });
});

describe('interval overlap', () => {
  it('counts touching intervals as overlapping and NaN bounds as not', () => {
    expect(intervalsOverlap([0, 0.5], [0.5, 1])).toBe(true);
    expect(intervalsOverlap([0, 0.4], [0.5, 1])).toBe(false);
    expect(intervalsOverlap([0.6, 0.9], [-0.2, 0.7])).toBe(true);
    expect(intervalsOverlap([Number.NaN, Number.NaN], [0, 1])).toBe(false);
  });

  it('warns for each ablation whose τ or ρ interval overlaps the default’s', () => {
    const base = correlation('NASRec (all techniques)', [0.7, 0.5, 0.9], [0.8, 0.6, 0.95]);
    const clear = correlation('single-path sampling', [0.1, -0.2, 0.4], [0.1, -0.2, 0.5]);
    const tauOnly = correlation('no fine-tuning', [0.4, 0.1, 0.55], [0.3, 0.0, 0.55]);
    const both = correlation('any-path sampling', [0.6, 0.3, 0.8], [0.7, 0.4, 0.9]);
    expect(overlapWarnings([base, clear, tauOnly, both])).toEqual([
      { name: 'no fine-tuning', statistics: ['kendall'] },
      { name: 'any-path sampling', statistics: ['kendall', 'spearman'] },
    ]);
  });

  it('has nothing to compare without an ablation', () => {
    expect(overlapWarnings([correlation('NASRec (all techniques)', [0, -1, 1], [0, -1, 1])])).toEqual([]);
    expect(overlapWarnings([])).toEqual([]);
  });
});

describe('correlation text', () => {
  it('writes two decimals with a true minus sign, and a dash when undefined', () => {
    expect(formatCorrelation(-0.333)).toBe('\u22120.33');
    expect(formatCorrelation(Number.NaN)).toBe('—');
    expect(withInterval(0.5, [-0.1, 0.9])).toBe('0.50 (95 % CI \u22120.10 to 0.90)');
  });
});
