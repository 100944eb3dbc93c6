// Adapter: τ and ρ of each supernet setting as bars with 95 % intervals, a table of the numbers, and the overlap warning.
import { useMemo } from 'react';
import type { RankCorrelationSummary } from '../../../worker/protocol.ts';
import { IntervalChart } from '../../charts/IntervalChart.tsx';
import type { IntervalDatum } from '../../charts/IntervalChart.tsx';
import type { SeriesStyle } from '../../charts/seriesStyle.tsx';
import { formatCorrelation, overlapWarnings, withInterval } from './rankData.ts';

const SERIES: SeriesStyle[] = [
  { key: 'tau', label: "Kendall's τ", color: '#0072B2', texture: 'solid' },
  { key: 'rho', label: "Spearman's ρ", color: '#E69F00', texture: 'hatch' },
];

const STAT_NAME = { kendall: "Kendall's τ", spearman: "Spearman's ρ" } as const;

/** `data-testid="rank-ablation-chart"` (`data-settings`), `rank-correlations` (table), `rank-overlap-warning`. */
export function AblationChart({ correlations, k }: { correlations: readonly RankCorrelationSummary[]; k: number }) {
  const warnings = useMemo(() => overlapWarnings(correlations), [correlations]);
  const data = useMemo<IntervalDatum[]>(
    () =>
      correlations.flatMap((c) => [
        { group: c.name, series: 'tau', value: c.kendallTau, lo: c.kendallCI[0], hi: c.kendallCI[1], title: `${c.name}: Kendall's τ ${withInterval(c.kendallTau, c.kendallCI)}` },
        { group: c.name, series: 'rho', value: c.spearmanRho, lo: c.spearmanCI[0], hi: c.spearmanCI[1], title: `${c.name}: Spearman's ρ ${withInterval(c.spearmanRho, c.spearmanCI)}` },
      ]),
    [correlations],
  );
  const groups = useMemo(() => correlations.map((c) => c.name), [correlations]);
  const flagged = useMemo(() => new Set(warnings.map((w) => w.name)), [warnings]);
  const base = correlations[0];
  return (
    <section className="ablation" data-testid="rank-ablation-chart" data-settings={correlations.length}>
      <h3>Rank correlation per supernet setting (95 % bootstrap intervals)</h3>
      {warnings.length > 0 && base && (
        <div className="alert alert-warn" role="status" data-testid="rank-overlap-warning" data-count={warnings.length}>
          <p className="alert-title">
            <span aria-hidden="true">⚠ </span>The intervals overlap: these differences may be noise
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.name}>
                {base.name} and {w.name}: {w.statistics.map((s) => STAT_NAME[s]).join(' and ')} intervals overlap.
              </li>
            ))}
          </ul>
          <p className="alert-next">With K = {k} architectures the check cannot tell these settings apart. Raise K (the paper uses 100) to narrow the intervals.</p>
        </div>
      )}
      {correlations.length === 1 && <p className="hint">Switch on the ablation to compare each NASRec technique switched off against this.</p>}
      <IntervalChart data={data} groups={groups} series={SERIES} domain={[-1, 1]} title="Kendall's τ and Spearman's ρ with 95 % intervals for each supernet setting" xLabel="rank correlation (1 = same order as from scratch)" flagged={flagged} />
      <table className="table" data-testid="rank-correlations">
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">Kendall&apos;s τ (95 % CI)</th>
            <th scope="col">Spearman&apos;s ρ (95 % CI)</th>
            <th scope="col" className="num">
              Top-k overlap
            </th>
          </tr>
        </thead>
        <tbody>
          {correlations.map((c) => (
            <tr key={c.name} data-setting={c.name}>
              <th scope="row">
                {flagged.has(c.name) && <span aria-label="intervals overlap with the default">⚠ </span>}
                {c.name}
              </th>
              <td>{withInterval(c.kendallTau, c.kendallCI)}</td>
              <td>{withInterval(c.spearmanRho, c.spearmanCI)}</td>
              <td className="num">
                {formatCorrelation(c.topKOverlap)} (top {c.topK})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
