// Generic horizontal bars with interval whiskers, grouped by row: React draws the marks, D3 the scales and axes.
import { ChartExport } from './ChartExport.tsx';
import { useId, useMemo, useRef } from 'react';
import { scaleBand, scaleLinear } from 'd3-scale';
import { Axis } from './Axis.tsx';
import { SeriesLegend, SeriesPatterns, seriesFill } from './seriesStyle.tsx';
import type { SeriesStyle } from './seriesStyle.tsx';
import { useElementWidth } from '../hooks/useElementWidth.ts';

/** One bar: the row it belongs to, its series, its value and interval (NaN = undefined, drawn as a note). */
export interface IntervalDatum {
  group: string;
  series: string;
  value: number;
  lo: number;
  hi: number;
  /** Native tooltip text with the exact numbers. */
  title: string;
}

export interface IntervalChartProps {
  data: IntervalDatum[];
  /** Row labels, top to bottom. */
  groups: string[];
  series: SeriesStyle[];
  domain: [number, number];
  title: string;
  xLabel: string;
  /** Rows to mark (e.g. whose interval overlaps the reference row's). */
  flagged?: ReadonlySet<string>;
}

const MARGIN = { top: 8, right: 16, bottom: 40 };
const ROW_H = 46;

/** Bars from 0 to each value with a whisker over its interval; fills its container's width. */
export function IntervalChart({ data, groups, series, domain, title, xLabel, flagged }: IntervalChartProps) {
  const idPrefix = `ivl${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 600);
  const left = Math.min(230, Math.max(120, 7 * Math.max(...groups.map((g) => g.length + 2), 0)));
  const innerW = Math.max(width - left - MARGIN.right, 50);
  const innerH = Math.max(groups.length, 1) * ROW_H;
  const height = innerH + MARGIN.top + MARGIN.bottom;
  const { x, row, sub } = useMemo(() => {
    const x = scaleLinear().domain(domain).range([0, innerW]);
    const row = scaleBand<string>().domain(groups).range([0, innerH]).padding(0.2);
    const sub = scaleBand<string>().domain(series.map((s) => s.key)).range([0, row.bandwidth()]).padding(0.15);
    return { x, row, sub };
  }, [domain, groups, series, innerW, innerH]);
  const styleOf = new Map(series.map((s) => [s.key, s]));
  const labelOf = useMemo(() => (g: string) => (flagged?.has(g) ? `⚠ ${g}` : g), [flagged]);

  return (
    <div className="interval-chart" ref={wrapRef} data-chart>
      <ChartExport title={title} />
      <SeriesLegend styles={series} idPrefix={idPrefix} />
      <svg width={width} height={height} role="img" aria-label={title}>
        <SeriesPatterns styles={series} idPrefix={idPrefix} />
        <g transform={`translate(${left},${MARGIN.top})`}>
          <Axis scale={x} orient="bottom" transform={`translate(0,${innerH})`} tickCount={8} />
          <Axis scale={row} orient="left" tickFormat={labelOf} />
          <line className="zero-line" x1={x(0)} x2={x(0)} y1={0} y2={innerH} />
          <text className="axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
            {xLabel}
          </text>
          {data.map((d) => {
            const style = styleOf.get(d.series);
            const y0 = (row(d.group) ?? 0) + (sub(d.series) ?? 0);
            const h = sub.bandwidth();
            const mid = y0 + h / 2;
            const defined = Number.isFinite(d.value);
            return (
              <g key={`${d.group}:${d.series}`} className="interval" data-group={d.group} data-series={d.series}>
                <title>{d.title}</title>
                {defined ? (
                  <rect x={Math.min(x(0), x(d.value))} y={y0} width={Math.abs(x(d.value) - x(0))} height={h} fill={style ? seriesFill(style, idPrefix) : 'currentColor'} stroke={style?.color} />
                ) : (
                  <text x={x(0) + 4} y={mid + 4} className="interval-note">
                    undefined
                  </text>
                )}
                {Number.isFinite(d.lo) && Number.isFinite(d.hi) && (
                  <g className="whisker">
                    <line x1={x(d.lo)} x2={x(d.hi)} y1={mid} y2={mid} />
                    <line x1={x(d.lo)} x2={x(d.lo)} y1={mid - h / 2} y2={mid + h / 2} />
                    <line x1={x(d.hi)} x2={x(d.hi)} y1={mid - h / 2} y2={mid + h / 2} />
                  </g>
                )}
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
}
