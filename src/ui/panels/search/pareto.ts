// Cost against quality: the Pareto front of (FLOPs, loss) points, both lower-is-better. Pure.
export interface CostPoint {
  id: string;
  /** FLOPs per example. */
  x: number;
  /** A loss (lower is better). */
  y: number;
}

/**
 * The points no other point beats on both cost and loss (ties: the first in input order is kept), sorted by
 * ascending cost. A point with equal cost and higher loss, or higher cost and equal-or-higher loss, is dominated.
 */
export function paretoFront<P extends CostPoint>(points: readonly P[]): P[] {
  const sorted = points
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => a.p.x - b.p.x || a.p.y - b.p.y || a.i - b.i);
  const front: P[] = [];
  let best = Infinity;
  for (const { p } of sorted) {
    if (p.y < best) {
      front.push(p);
      best = p.y;
    }
  }
  return front;
}
