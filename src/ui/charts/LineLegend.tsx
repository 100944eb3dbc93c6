// Legend of a line chart: a swatch drawn like the mark (dash, point) and a text label per series.
import type { LineSeries, ReferenceLine } from './lineData.ts';

/** One entry per series, then one per reference line. */
export function LineLegend({ series, refLines }: { series: LineSeries[]; refLines: ReferenceLine[] }) {
  return (
    <ul className="chart-legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="26" height="12" aria-hidden="true">
            {s.mark !== 'points' && <line x1="1" x2="25" y1="6" y2="6" stroke={s.color} strokeWidth={s.strokeWidth ?? 2} strokeDasharray={s.dash} opacity={s.opacity ?? 1} />}
            {s.mark !== 'line' && <circle cx="13" cy="6" r="3.5" fill={s.color} />}
          </svg>
          {s.label}
        </li>
      ))}
      <RefLineLegendItems refLines={refLines} />
    </ul>
  );
}

/** Legend entries of reference lines (drawn dashed across the chart); shared by the line and scatter charts. */
export function RefLineLegendItems({ refLines }: { refLines: readonly ReferenceLine[] }) {
  return (
    <>
      {refLines.map((r) => (
        <li key={r.key}>
          <svg width="26" height="12" aria-hidden="true">
            <line x1="1" x2="25" y1="6" y2="6" stroke={r.color} strokeWidth={1.5} strokeDasharray={r.dash ?? '6 4'} />
          </svg>
          {r.label}
        </li>
      ))}
    </>
  );
}
