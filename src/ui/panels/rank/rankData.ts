// The rank check's numbers for display: scatter points, interval overlap between settings, interval text. Pure.
import type { RankCorrelationSummary } from '../../../worker/protocol.ts';
import type { RankRow } from './rankState.ts';

export interface RankScatterPoint {
  id: string;
  /** Proxy loss under the chosen setting. */
  x: number;
  /** Standalone (from-scratch) validation loss. */
  y: number;
  index: number;
  series: 'arch';
}

/** Points with both losses known: x from `proxy` (a setting's proxy losses by index) or the row's default proxy. */
export function scatterPoints(rows: readonly RankRow[], proxy?: readonly number[]): RankScatterPoint[] {
  const out: RankScatterPoint[] = [];
  for (const r of rows) {
    const x = proxy ? proxy[r.index] : r.proxy;
    if (x === undefined || r.standalone === undefined || !Number.isFinite(x) || !Number.isFinite(r.standalone)) continue;
    out.push({ id: r.key, x, y: r.standalone, index: r.index, series: 'arch' });
  }
  return out;
}

/** Whether two closed intervals share a point (NaN bounds never overlap). */
export function intervalsOverlap(a: readonly [number, number], b: readonly [number, number]): boolean {
  return Math.max(a[0], b[0]) <= Math.min(a[1], b[1]);
}

export interface OverlapWarning {
  /** The ablation's name. */
  name: string;
  /** Which statistics' intervals overlap with the default's. */
  statistics: ('kendall' | 'spearman')[];
}

/** For each ablation (every summary after the first), the statistics whose 95 % intervals overlap the default's. */
export function overlapWarnings(correlations: readonly RankCorrelationSummary[]): OverlapWarning[] {
  const [base, ...ablations] = correlations;
  if (!base) return [];
  const out: OverlapWarning[] = [];
  for (const a of ablations) {
    const statistics: OverlapWarning['statistics'] = [];
    if (intervalsOverlap(base.kendallCI, a.kendallCI)) statistics.push('kendall');
    if (intervalsOverlap(base.spearmanCI, a.spearmanCI)) statistics.push('spearman');
    if (statistics.length > 0) out.push({ name: a.name, statistics });
  }
  return out;
}

/** A correlation with two decimals and a true minus sign; "—" when undefined (NaN). */
export function formatCorrelation(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2).replace('-', '\u2212') : '—';
}

/** "0.45 (95 % CI 0.10 to 0.80)". */
export function withInterval(value: number, ci: readonly [number, number]): string {
  return `${formatCorrelation(value)} (95 % CI ${formatCorrelation(ci[0])} to ${formatCorrelation(ci[1])})`;
}
