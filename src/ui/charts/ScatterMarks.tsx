// The scatter chart's marks and legend: symbol points, step or straight lines, vertical rules, shaded bands.
import { curveLinear, curveStepAfter, line, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from 'd3-shape';
import type { SymbolType } from 'd3-shape';
import type { LinePoint, ReferenceLine } from './lineData.ts';
import { RefLineLegendItems } from './LineLegend.tsx';

/** A scale as the marks use it (linear or log on x, linear on y). */
export type XScale = (value: number) => number;

export type SymbolShape = 'circle' | 'diamond' | 'square' | 'triangle';

/** One point: `id` links it to other views (several points may share one). */
export interface ScatterDatum {
  id: string;
  x: number;
  y: number;
  series: string;
}

/** How one series' points look: a colour and a shape, so it reads without colour. */
export interface ScatterSeriesStyle {
  key: string;
  label: string;
  color: string;
  shape: SymbolShape;
  /** Drawn larger, with a label next to each point (e.g. baselines). */
  labelled?: (id: string) => string | undefined;
}

export interface ScatterLine {
  key: string;
  label: string;
  color: string;
  dash?: string;
  className?: string;
  points: readonly LinePoint[];
  curve: 'step' | 'linear';
}

export interface ScatterRule {
  key: string;
  /** The id it stands for (ringed when hovered elsewhere). */
  id: string;
  x: number;
  label: string;
  color: string;
}

export interface ScatterBand {
  key: string;
  from: number;
  to: number;
  label: string;
}

const SYMBOLS: Record<SymbolShape, SymbolType> = { circle: symbolCircle, diamond: symbolDiamond, square: symbolSquare, triangle: symbolTriangle };

/** SVG path of a symbol of `area` square pixels, centred on 0,0. */
export function symbolPath(shape: SymbolShape, area: number): string {
  return symbol(SYMBOLS[shape], area)() ?? '';
}

interface PointsProps {
  points: readonly ScatterDatum[];
  series: ScatterSeriesStyle[];
  x: XScale;
  y: XScale;
  active: number | null;
  hoveredId: string | undefined;
  selectedId: string | undefined;
  onHover(index: number | null): void;
  onSelect(index: number): void;
}

/** Each point with a larger transparent hit area; linked hover rings it, selection outlines it. */
export function ScatterPoints({ points, series, x, y, active, hoveredId, selectedId, onHover, onSelect }: PointsProps) {
  const styles = new Map(series.map((s) => [s.key, s]));
  return (
    <g className="scatter-points" onMouseLeave={() => onHover(null)}>
      {points.map((p, i) => {
        const s = styles.get(p.series);
        const hot = i === active || p.id === hoveredId;
        const label = s?.labelled?.(p.id);
        const classes = ['scatter-point', hot ? 'is-hovered' : '', p.id === selectedId ? 'is-selected' : ''].filter(Boolean).join(' ');
        return (
          <g key={`${p.series}:${p.id}:${i}`} className={classes} data-id={p.id} data-series={p.series} transform={`translate(${x(p.x)},${y(p.y)})`} onMouseEnter={() => onHover(i)} onClick={() => onSelect(i)}>
            <circle r={9} fill="transparent" className="scatter-hit" />
            {hot && <circle r={label ? 11 : 9} className="scatter-ring" />}
            <path d={symbolPath(s?.shape ?? 'circle', hot ? 110 : label ? 80 : 48)} fill={s?.color ?? 'currentColor'} stroke="#fff" strokeWidth={1} />
            {label && (
              <text x={8} y={-8} className="scatter-label">
                {label}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}

export function ScatterLines({ lines, x, y }: { lines: ScatterLine[]; x: XScale; y: XScale }) {
  return lines.map((l) => {
    const path = line<LinePoint>()
      .x((p) => x(p.x))
      .y((p) => y(p.y))
      .curve(l.curve === 'step' ? curveStepAfter : curveLinear);
    return <path key={l.key} className={`scatter-line ${l.className ?? ''}`} d={path(l.points as LinePoint[]) ?? ''} fill="none" stroke={l.color} strokeWidth={2} strokeDasharray={l.dash} />;
  });
}

export function ScatterRules({ rules, x, innerH, hoveredId }: { rules: ScatterRule[]; x: XScale; innerH: number; hoveredId: string | undefined }) {
  return rules.map((r, i) => (
    <g key={r.key} className={`scatter-rule${r.id === hoveredId ? ' is-hovered' : ''}`} data-id={r.id}>
      <line x1={x(r.x)} x2={x(r.x)} y1={0} y2={innerH} stroke={r.color} strokeDasharray="5 4" strokeWidth={r.id === hoveredId ? 3 : 1.5} />
      <text x={x(r.x) + 4} y={12 + 13 * i} className="scatter-label">
        {r.label}
      </text>
    </g>
  ));
}

export function ScatterBands({ bands, x, innerH }: { bands: ScatterBand[]; x: XScale; innerH: number }) {
  return bands.map((b, i) => {
    const x0 = x(b.from - 0.5);
    const w = Math.max(x(b.to + 0.5) - x0, 0);
    return (
      <g key={b.key} className={`scatter-band band-${i % 2 === 0 ? 'even' : 'odd'}`}>
        <rect x={x0} y={0} width={w} height={innerH} />
        {w > 56 && (
          <text x={x0 + 4} y={innerH - 6} className="band-label">
            {b.label}
          </text>
        )}
      </g>
    );
  });
}

/** Legend: a symbol per series, a stroke per line, a dashed stroke per rule kind and reference line. */
export function ScatterLegend(props: { series: ScatterSeriesStyle[]; lines: ScatterLine[]; rules: ScatterRule[]; rulesLabel: string | undefined; refLines: ReferenceLine[] }) {
  const { series, lines, rules, rulesLabel, refLines } = props;
  return (
    <ul className="chart-legend scatter-legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="14" height="14" aria-hidden="true">
            <path d={symbolPath(s.shape, 60)} transform="translate(7,7)" fill={s.color} />
          </svg>
          {s.label}
        </li>
      ))}
      {lines.map((l) => (
        <li key={l.key}>
          <svg width="26" height="12" aria-hidden="true">
            <line x1="1" x2="25" y1="6" y2="6" stroke={l.color} strokeWidth={2} strokeDasharray={l.dash} />
          </svg>
          {l.label}
        </li>
      ))}
      {rules.length > 0 && rulesLabel && (
        <li>
          <svg width="26" height="12" aria-hidden="true">
            <line x1="13" x2="13" y1="0" y2="12" stroke={rules[0]!.color} strokeWidth={1.5} strokeDasharray="3 2" />
          </svg>
          {rulesLabel}
        </li>
      )}
      <RefLineLegendItems refLines={refLines} />
    </ul>
  );
}
