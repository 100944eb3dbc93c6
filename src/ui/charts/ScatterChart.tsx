// Generic scatter chart: React draws points, lines, rules and bands; D3 computes the scales and draws the axes.
import { ChartExport } from './ChartExport.tsx';
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleContinuousNumeric } from 'd3-scale';
import { Axis } from './Axis.tsx';
import { ScatterBands, ScatterLegend, ScatterLines, ScatterPoints, ScatterRules } from './ScatterMarks.tsx';
import type { ScatterBand, ScatterDatum, ScatterLine, ScatterRule, ScatterSeriesStyle } from './ScatterMarks.tsx';
import { keyboardOrder, nextActive, paddedExtent } from './scatterData.ts';
import type { AxisKind } from './scatterData.ts';
import type { ReferenceLine } from './lineData.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';

export type { ScatterBand, ScatterDatum, ScatterLine, ScatterRule, ScatterSeriesStyle } from './ScatterMarks.tsx';

export interface ScatterChartProps<P extends ScatterDatum> {
  points: readonly P[];
  /** Styles in legend order; every `point.series` must name one. */
  series: ScatterSeriesStyle[];
  lines?: ScatterLine[];
  /** Vertical marks at an x (e.g. a baseline's cost when it has no y). */
  rules?: ScatterRule[];
  /** Legend text of the rules. */
  rulesLabel?: string;
  /** Shaded x ranges behind the points (e.g. generations). */
  bands?: ScatterBand[];
  /** Horizontal reference lines (e.g. the base rate). */
  refLines?: ReferenceLine[];
  title: string;
  xLabel: string;
  yLabel: string;
  xScale?: AxisKind;
  formatY?: (y: number) => string;
  height?: number;
  /** The id hovered anywhere on the page: its points are ringed here too. */
  hoveredId?: string | undefined;
  selectedId?: string | undefined;
  onHover?: (id: string | undefined) => void;
  onSelect?: (point: P) => void;
  /** Tooltip content of the point under the mouse or the keyboard cursor. */
  tooltip: (point: P) => ReactNode;
}

const MARGIN = { top: 16, right: 18, bottom: 42, left: 62 };

/** Points with linked hover, click to select, arrow keys + Enter for the keyboard; fills its container's width. */
export function ScatterChart<P extends ScatterDatum>(props: ScatterChartProps<P>) {
  const { points, series, lines = [], rules = [], bands = [], refLines = [], title, xLabel, yLabel, xScale = 'linear', height = 300 } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 600);
  const innerW = Math.max(width - MARGIN.left - MARGIN.right, 50);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const { x, y } = useScatterScales(points, lines, rules, bands, refLines, xScale, innerW, innerH);
  const [active, setActive] = useState<number | null>(null);
  const order = useMemo(() => keyboardOrder(points), [points]);
  const activePoint = active !== null ? points[active] : undefined;

  const hover = (i: number | null) => {
    setActive(i);
    props.onHover?.(i === null ? undefined : points[i]?.id);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && activePoint) {
      e.preventDefault();
      props.onSelect?.(activePoint);
      return;
    }
    const next = nextActive(order, active ?? -1, e.key);
    if (next === undefined) return;
    e.preventDefault();
    hover(next);
  };

  return (
    <div className="scatter-chart" ref={wrapRef} data-chart>
      <ChartExport title={title} />
      <ScatterLegend series={series} lines={lines} rules={rules} rulesLabel={props.rulesLabel} refLines={refLines} />
      <div className="chart-plot">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}. Use the arrow keys to read each point and Enter to open it.`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onBlur={() => hover(null)}
          data-points={points.length}
        >
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <ScatterBands bands={bands} x={x} innerH={innerH} />
            <Axis scale={y} orient="left" tickCount={5} />
            <Axis scale={x} orient="bottom" transform={`translate(0,${innerH})`} tickCount={xScale === 'log' ? 4 : Math.max(2, Math.floor(innerW / 80))} tickSpecifier={xScale === 'log' ? '~s' : undefined} />
            <text className="axis-label" transform={`translate(${-MARGIN.left + 12},${innerH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
            <text className="axis-label" x={innerW / 2} y={innerH + 36} textAnchor="middle">
              {xLabel}
            </text>
            {refLines.map((r) => (
              <g key={r.key} className={`ref-line ${r.className ?? ''}`}>
                <line x1={0} x2={innerW} y1={y(r.y)} y2={y(r.y)} stroke={r.color} strokeDasharray={r.dash ?? '6 4'} strokeWidth={1.5} />
                <text x={innerW - 4} y={y(r.y) - 5} textAnchor="end" className="ref-line-label">
                  {r.chartLabel ?? r.label}
                </text>
              </g>
            ))}
            <ScatterRules rules={rules} x={x} innerH={innerH} hoveredId={props.hoveredId} />
            <ScatterLines lines={lines} x={x} y={y} />
            <ScatterPoints
              points={points}
              series={series}
              x={x}
              y={y}
              active={active}
              hoveredId={props.hoveredId}
              selectedId={props.selectedId}
              onHover={hover}
              onSelect={(i) => {
                const p = points[i];
                if (p) props.onSelect?.(p);
              }}
            />
          </g>
        </svg>
        {activePoint && (
          <div className="chart-tooltip scatter-tooltip" role="status" aria-live="polite" style={{ left: MARGIN.left + x(activePoint.x), top: MARGIN.top + y(activePoint.y) - 10 }}>
            {props.tooltip(activePoint)}
          </div>
        )}
      </div>
    </div>
  );
}

function useScatterScales(
  points: readonly ScatterDatum[],
  lines: ScatterLine[],
  rules: ScatterRule[],
  bands: ScatterBand[],
  refLines: ReferenceLine[],
  kind: AxisKind,
  innerW: number,
  innerH: number,
): { x: ScaleContinuousNumeric<number, number>; y: ScaleContinuousNumeric<number, number> } {
  return useMemo(() => {
    const xs = [...points.map((p) => p.x), ...lines.flatMap((l) => l.points.map((p) => p.x)), ...rules.map((r) => r.x), ...bands.flatMap((b) => [b.from - 0.5, b.to + 0.5])];
    const ys = [...points.map((p) => p.y), ...lines.flatMap((l) => l.points.map((p) => p.y)), ...refLines.map((r) => r.y)];
    const [x0, x1] = paddedExtent(xs, kind);
    const x = kind === 'log' ? scaleLog().domain([x0, x1]).range([0, innerW]).clamp(true) : scaleLinear().domain([x0, x1]).range([0, innerW]);
    const y = scaleLinear().domain(paddedExtent(ys, 'linear')).range([innerH, 0]).nice();
    return { x, y };
  }, [points, lines, rules, bands, refLines, kind, innerW, innerH]);
}
