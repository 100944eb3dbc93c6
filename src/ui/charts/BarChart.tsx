// Generic bar chart: React renders the bars, D3 computes the scales and draws the axes.
import { ChartExport } from './ChartExport.tsx';
import { useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import type { ScaleBand, ScaleContinuousNumeric } from 'd3-scale';
import { max } from 'd3-array';
import { Axis } from './Axis.tsx';
import { SeriesLegend, SeriesPatterns, seriesFill } from './seriesStyle.tsx';
import type { SeriesStyle } from './seriesStyle.tsx';
import { useElementWidth } from '../hooks/useElementWidth.ts';

/** One bar: a unique key, its axis label, its value and the series it belongs to. */
export interface BarDatum {
  key: string;
  label: string;
  value: number;
  series: string;
}

export interface BarChartProps<B extends BarDatum> {
  bars: B[];
  /** Series styles in legend order; every `bar.series` must name one. */
  series: SeriesStyle[];
  /** Accessible name of the chart. */
  title: string;
  yLabel: string;
  /** `log` clamps values below 1 to the axis floor (a zero-height bar). */
  yScale?: 'log' | 'linear';
  /** Height in CSS pixels, axes included. */
  height?: number;
  /** Tooltip content for a hovered or keyboard-selected bar. */
  tooltip: (bar: B) => ReactNode;
  /** False when the page already shows these series' legend (e.g. the operator legend). */
  legend?: boolean;
}

const MARGIN = { top: 12, right: 12, bottom: 64, left: 64 };
/** Half the tooltip's usual width: its centre stays this far from the chart's edges. */
const TIP_HALF_WIDTH = 100;

/** Bars with hover and arrow-key tooltips, a legend, and D3 axes; fills its container's width. */
export function BarChart<B extends BarDatum>({ bars, series, title, yLabel, yScale = 'linear', height = 280, tooltip, legend = true }: BarChartProps<B>) {
  const idPrefix = `bars${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(wrapRef, 800);
  const innerW = Math.max(width - MARGIN.left - MARGIN.right, 50);
  const innerH = height - MARGIN.top - MARGIN.bottom;
  const { x, y } = useBarScales(bars, innerW, innerH, yScale);
  const { active, setActive, onKeyDown } = useActiveBar(bars.length);
  const labels = useMemo(() => new Map(bars.map((b) => [b.key, b.label])), [bars]);
  const tickFormat = useMemo(() => (key: string) => shorten(labels.get(key) ?? key), [labels]);

  const activeBar = active !== null ? bars[active] : undefined;
  const barCentre = activeBar ? MARGIN.left + (x(activeBar.key) ?? 0) + x.bandwidth() / 2 : 0;
  const tipX = Math.min(Math.max(barCentre, TIP_HALF_WIDTH), width - TIP_HALF_WIDTH);

  return (
    <div className="bar-chart" ref={wrapRef} data-chart>
      <ChartExport title={title} />
      {legend && <SeriesLegend styles={series} idPrefix={idPrefix} />}
      <div className="chart-plot">
        <svg
          width={width}
          height={height}
          role="img"
          aria-label={`${title}. Use the arrow keys to read each bar.`}
          tabIndex={0}
          onKeyDown={onKeyDown}
          onFocus={() => setActive((a) => a ?? 0)}
          onBlur={() => setActive(null)}
          onMouseLeave={() => setActive(null)}
        >
          <SeriesPatterns styles={series} idPrefix={idPrefix} />
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <BarMarks bars={bars} series={series} idPrefix={idPrefix} x={x} y={y} innerH={innerH} floor={yScale === 'log' ? 1 : 0} active={active} onHover={setActive} />
            <Axis scale={y} orient="left" tickCount={yScale === 'log' ? 5 : 6} tickSpecifier="~s" />
            <Axis scale={x} orient="bottom" transform={`translate(0,${innerH})`} tickFormat={tickFormat} rotateLabels />
            <text className="axis-label" transform={`translate(${-MARGIN.left + 14},${innerH / 2}) rotate(-90)`} textAnchor="middle">
              {yLabel}
            </text>
          </g>
        </svg>
        <div className="chart-tooltip" role="status" aria-live="polite" hidden={!activeBar} style={{ left: tipX, top: MARGIN.top }}>
          {activeBar ? tooltip(activeBar) : null}
        </div>
      </div>
    </div>
  );
}

interface BarMarksProps {
  bars: BarDatum[];
  series: SeriesStyle[];
  idPrefix: string;
  x: ScaleBand<string>;
  y: ScaleContinuousNumeric<number, number>;
  innerH: number;
  /** Smallest value drawn (1 on a log scale). */
  floor: number;
  active: number | null;
  onHover(index: number): void;
}

/** The bars, each with a full-height transparent hit area so short bars are easy to hover. */
function BarMarks({ bars, series, idPrefix, x, y, innerH, floor, active, onHover }: BarMarksProps) {
  const styleOf = new Map(series.map((s) => [s.key, s]));
  const gap = x.step() - x.bandwidth();
  return bars.map((b, i) => {
    const style = styleOf.get(b.series);
    const bx = x(b.key) ?? 0;
    const by = y(Math.max(b.value, floor));
    return (
      <g key={b.key} onMouseEnter={() => onHover(i)}>
        <rect className="bar-hit" x={bx - gap / 2} y={0} width={x.step()} height={innerH} fill="transparent" />
        <rect
          className={`bar${i === active ? ' bar-active' : ''}`}
          data-key={b.key}
          data-series={b.series}
          x={bx}
          y={by}
          width={x.bandwidth()}
          height={Math.max(innerH - by, 0)}
          fill={style ? seriesFill(style, idPrefix) : 'currentColor'}
          stroke={style?.color ?? 'currentColor'}
        />
      </g>
    );
  });
}

/** Band scale over bar keys and a log or linear value scale (domain from 1 or 0 to the largest value). */
function useBarScales(bars: BarDatum[], innerW: number, innerH: number, yScale: 'log' | 'linear') {
  const x = useMemo(() => scaleBand<string>().domain(bars.map((b) => b.key)).range([0, innerW]).padding(0.2), [bars, innerW]);
  const y = useMemo(() => {
    const top = Math.max(max(bars, (b) => b.value) ?? 1, yScale === 'log' ? 10 : 1);
    const s = yScale === 'log' ? scaleLog().domain([1, top]) : scaleLinear().domain([0, top]);
    return s.range([innerH, 0]).nice().clamp(true);
  }, [bars, innerH, yScale]);
  return { x, y };
}

/** Which bar is active (hovered or chosen with ← → Home End), `null` for none. */
function useActiveBar(count: number) {
  const [active, setActive] = useState<number | null>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    const last = count - 1;
    const moves: Record<string, number> = { ArrowRight: (active ?? -1) + 1, ArrowLeft: (active ?? 1) - 1, Home: 0, End: last };
    const next = moves[e.key];
    if (next === undefined || last < 0) return;
    e.preventDefault();
    setActive(Math.min(Math.max(next, 0), last));
  };
  return { active: active !== null && active < count ? active : null, setActive, onKeyDown };
}

function shorten(label: string): string {
  return label.length > 12 ? `${label.slice(0, 11)}…` : label;
}
