// Data helpers of the line chart: series types, nearest point, thinning for drawing, y extent. Pure.
import { bisector } from 'd3-array';

export interface LinePoint {
  x: number;
  y: number;
}

/** One series; `points` sorted by ascending x. */
export interface LineSeries {
  key: string;
  /** Legend and tooltip text. */
  label: string;
  color: string;
  /** SVG stroke-dasharray; absent = solid. */
  dash?: string;
  /** Class of the path; points get `${className}-point`. */
  className?: string;
  points: readonly LinePoint[];
  mark: 'line' | 'points' | 'both';
  /** False leaves the series out of the y domain (a noisy series is then clipped). Default true. */
  inDomain?: boolean;
  strokeWidth?: number;
  opacity?: number;
}

/** A horizontal line across the plot, labelled with its value. */
export interface ReferenceLine {
  key: string;
  /** Legend and tooltip text. */
  label: string;
  /** Shorter text written on the line (default: `label`). */
  chartLabel?: string;
  y: number;
  color: string;
  dash?: string;
  className?: string;
}

const byX = bisector<LinePoint, number>((p) => p.x);

/** The point whose x is closest to `x` (ties: the earlier one), or `undefined` for no points. */
export function nearestPoint(points: readonly LinePoint[], x: number): LinePoint | undefined {
  if (points.length === 0) return undefined;
  const i = byX.left(points, x);
  const after = points[Math.min(i, points.length - 1)];
  const before = points[Math.max(i - 1, 0)];
  if (!after || !before) return after ?? before;
  return Math.abs(before.x - x) <= Math.abs(after.x - x) ? before : after;
}

/** At most about `max` points for drawing: every k-th point, always keeping the last. */
export function thin(points: readonly LinePoint[], max: number): LinePoint[] {
  if (points.length <= max || max < 2) return points.slice();
  const k = Math.ceil(points.length / max);
  const out: LinePoint[] = [];
  for (let i = 0; i < points.length; i += k) out.push(points[i] as LinePoint);
  const last = points[points.length - 1];
  if (last && out[out.length - 1] !== last) out.push(last);
  return out;
}

/** [min, max] of the y values of in-domain series and reference lines, padded by 5 %; [0, 1] when empty. */
export function yExtent(series: readonly LineSeries[], refLines: readonly ReferenceLine[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    if (s.inDomain === false) continue;
    for (const p of s.points) if (Number.isFinite(p.y)) [lo, hi] = [Math.min(lo, p.y), Math.max(hi, p.y)];
  }
  for (const r of refLines) [lo, hi] = [Math.min(lo, r.y), Math.max(hi, r.y)];
  if (!(hi >= lo)) return [0, 1];
  const pad = Math.max((hi - lo) * 0.05, 1e-3);
  return [lo - pad, hi + pad];
}
