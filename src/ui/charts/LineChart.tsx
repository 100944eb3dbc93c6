// Generic line chart: React renders paths and points, D3 computes scales and shapes and draws the axes.
import { ChartExport } from './ChartExport.tsx';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { scaleLinear } from 'd3-scale';
import type { ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { Axis } from './Axis.tsx';
import { LineLegend } from './LineLegend.tsx';
import { nearestPoint, thin, yExtent } from './lineData.ts';
import type { LinePoint, LineSeries, ReferenceLine } from './lineData.ts';
import { useElementWidth } from '../hooks/useElementWidth.ts';

export type { LinePoint, LineSeries, ReferenceLine } from './lineData.ts';

export interface LineChartProps {
  series: LineSeries[];
  /** Horizontal reference lines (e.g. a base rate), labelled on the chart. */
  refLines?: ReferenceLine[];
  /** Fixed x domain (e.g. 0 … total steps); default: the data's extent. */
  xDomain?: [number, number];
  title: string;
  xLabel: string;
  yLabel: string;
  height?: number;
  formatX?: (x: number) => string;
  formatY?: (y: number) => string;
}

const MARGIN = { top: 10, right: 16, bottom: 40, left: 58 };
/** Half the tooltip's widest size: its centre stays this far from the chart's edges. */
const TIP_HALF_WIDTH = 150;
const defaultFormat = (v: number) => String(v);

/** Lines, points and reference lines; hover or arrow keys show exact values of every series. */
export function LineChart({ series, refLines = [], xDomain, title, xLabel, yLabel, height = 260, formatX = defaultFormat, formatY = defaultFormat }: LineChartProps) {
  const clipId = `clip${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 600);
  const innerW = Math.max(width - MARGIN.left - MARGIN.right, 50);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const { x, y } = useLineScales(series, refLines, xDomain, innerW, innerH);
  const cursor = useCursor(series, x);
  const cursorX = cursor.value;

  return (
    <div className="line-chart" ref={wrapRef} data-chart>
      <ChartExport title={title} />
      <LineLegend series={series} refLines={refLines} />
      <div className="chart-plot">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}. Use the arrow keys to read the values step by step.`}
          tabIndex={0}
          onKeyDown={cursor.onKeyDown}
          onFocus={cursor.onFocus}
          onBlur={cursor.clear}
        >
          <defs>
            <clipPath id={clipId}>
              <rect width={innerW} height={innerH} />
            </clipPath>
          </defs>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <Axis scale={y} orient="left" tickCount={5} />
            <Axis scale={x} orient="bottom" transform={`translate(0,${innerH})`} tickCount={Math.max(2, Math.floor(innerW / 80))} tickFormat={formatX} />
            <text className="axis-label" transform={`translate(${-MARGIN.left + 12},${innerH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
            <text className="axis-label" x={innerW / 2} y={innerH + 34} textAnchor="middle">
              {xLabel}
            </text>
            <RefLines refLines={refLines} y={y} innerW={innerW} formatY={formatY} />
            <g clipPath={`url(#${clipId})`}>
              <SeriesMarks series={series} x={x} y={y} innerW={innerW} />
            </g>
            {cursorX !== null && <line className="chart-cursor" x1={x(cursorX)} x2={x(cursorX)} y1={0} y2={innerH} />}
            <rect
              className="chart-overlay"
              width={innerW}
              height={innerH}
              fill="transparent"
              onMouseMove={(e) => cursor.onMouse(e, MARGIN.left)}
              onMouseLeave={cursor.clear}
            />
          </g>
        </svg>
        {cursorX !== null && (
          <div
            className="chart-tooltip"
            role="status"
            aria-live="polite"
            style={{ left: Math.min(Math.max(MARGIN.left + x(cursorX), TIP_HALF_WIDTH), width - TIP_HALF_WIDTH), top: MARGIN.top }}
          >
            <Tooltip series={series} refLines={refLines} at={cursorX} formatX={formatX} formatY={formatY} xLabel={xLabel} />
          </div>
        )}
      </div>
    </div>
  );
}

function useLineScales(series: LineSeries[], refLines: ReferenceLine[], xDomain: [number, number] | undefined, innerW: number, innerH: number) {
  return useMemo(() => {
    let x0 = xDomain?.[0] ?? Infinity;
    let x1 = xDomain?.[1] ?? -Infinity;
    if (!xDomain) {
      for (const s of series) for (const p of s.points) [x0, x1] = [Math.min(x0, p.x), Math.max(x1, p.x)];
    }
    if (!(x1 > x0)) [x0, x1] = [0, Math.max(x1, 1)];
    const x = scaleLinear().domain([x0, x1]).range([0, innerW]);
    const [y0, y1] = yExtent(series, refLines);
    const y = scaleLinear().domain([y0, y1]).range([innerH, 0]).nice();
    return { x, y };
  }, [series, refLines, xDomain, innerW, innerH]);
}

function RefLines({ refLines, y, innerW, formatY }: { refLines: ReferenceLine[]; y: ScaleLinear<number, number>; innerW: number; formatY: (v: number) => string }) {
  return refLines.map((r) => (
    <g key={r.key} className={`ref-line ${r.className ?? ''}`}>
      <line x1={0} x2={innerW} y1={y(r.y)} y2={y(r.y)} stroke={r.color} strokeDasharray={r.dash ?? '6 4'} strokeWidth={1.5} />
      <text x={innerW - 4} y={y(r.y) - 5} textAnchor="end" className="ref-line-label">
        {r.chartLabel ?? r.label} {formatY(r.y)}
      </text>
    </g>
  ));
}

function SeriesMarks({ series, x, y, innerW }: { series: LineSeries[]; x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; innerW: number }) {
  const path = line<LinePoint>()
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  return series.map((s) => (
    <g key={s.key} className="series" data-series={s.key} opacity={s.opacity ?? 1}>
      {s.mark !== 'points' && s.points.length > 0 && (
        <path className={s.className} d={path(thin(s.points, innerW * 2)) ?? ''} fill="none" stroke={s.color} strokeWidth={s.strokeWidth ?? 2} strokeDasharray={s.dash} />
      )}
      {s.mark !== 'line' &&
        s.points.map((p, i) => (
          <circle key={i} className={`${s.className ?? s.key}-point`} cx={x(p.x)} cy={y(p.y)} r={3.5} fill={s.color} stroke="#fff" strokeWidth={1} />
        ))}
    </g>
  ));
}

interface TooltipProps {
  series: LineSeries[];
  refLines: ReferenceLine[];
  at: number;
  xLabel: string;
  formatX(x: number): string;
  formatY(y: number): string;
}

function Tooltip({ series, refLines, at, xLabel, formatX, formatY }: TooltipProps) {
  return (
    <>
      <strong>
        {xLabel} {formatX(at)}
      </strong>
      {series.map((s) => {
        const p = nearestPoint(s.points, at);
        if (!p) return null;
        return (
          <div key={s.key}>
            {s.label}: {formatY(p.y)}
            {p.x !== at ? ` (at ${formatX(p.x)})` : ''}
          </div>
        );
      })}
      {refLines.map((r) => (
        <div key={r.key}>
          {r.label}: {formatY(r.y)}
        </div>
      ))}
    </>
  );
}

/** The x under the mouse or chosen with ← → Home End, snapped to the first series' points. */
function useCursor(series: LineSeries[], x: ScaleLinear<number, number>) {
  const [value, setValue] = useState<number | null>(null);
  const xs = series[0]?.points ?? [];
  const snap = useCallback((v: number) => nearestPoint(xs, v)?.x ?? null, [xs]);
  const onMouse = (e: MouseEvent<SVGRectElement>, left: number) => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    if (!box) return;
    setValue(snap(x.invert(e.clientX - box.left - left)));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (xs.length === 0) return;
    const i = value === null ? -1 : xs.findIndex((p) => p.x === value);
    const step = Math.max(1, Math.round(xs.length / 50));
    const moves: Record<string, number> = { ArrowRight: i + step, ArrowLeft: i < 0 ? xs.length - 1 : i - step, Home: 0, End: xs.length - 1 };
    const next = moves[e.key];
    if (next === undefined) return;
    e.preventDefault();
    setValue(xs[Math.min(Math.max(next, 0), xs.length - 1)]?.x ?? null);
  };
  const onFocus = () => setValue((v) => v ?? xs[xs.length - 1]?.x ?? null);
  const clear = () => setValue(null);
  return { value, onMouse, onKeyDown, onFocus, clear };
}
