// Data helpers of the scatter chart: padded extents on linear or log axes, keyboard order of the points. Pure.

export type AxisKind = 'linear' | 'log';

/**
 * [lo, hi] covering the finite `values` (positive ones only on a log axis) with a margin: 5 % of the range on a
 * linear axis, a factor on a log axis. One distinct value gets a small window around it; none gets [0, 1] or [1, 10].
 */
export function paddedExtent(values: Iterable<number>, kind: AxisKind): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (kind === 'log' && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi >= lo)) return kind === 'log' ? [1, 10] : [0, 1];
  if (kind === 'log') {
    const factor = hi > lo ? Math.pow(hi / lo, 0.06) : 1.5;
    return [lo / factor, hi * factor];
  }
  const pad = hi > lo ? (hi - lo) * 0.06 : Math.max(Math.abs(lo) * 0.05, 1e-3);
  return [lo - pad, hi + pad];
}

/** Point indices ordered by x, then y, then input order: the order the arrow keys walk through. */
export function keyboardOrder(points: readonly { x: number; y: number }[]): number[] {
  return points
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y || a.i - b.i)
    .map(({ i }) => i);
}

/** The next position in `order` after pressing `key` at `current` (−1 = none yet), or `undefined` for other keys. */
export function nextActive(order: readonly number[], current: number, key: string): number | undefined {
  if (order.length === 0) return undefined;
  const at = order.indexOf(current);
  const moves: Record<string, number> = {
    ArrowRight: at < 0 ? 0 : Math.min(at + 1, order.length - 1),
    ArrowLeft: at < 0 ? order.length - 1 : Math.max(at - 1, 0),
    Home: 0,
    End: order.length - 1,
  };
  const pos = moves[key];
  return pos === undefined ? undefined : order[pos];
}
