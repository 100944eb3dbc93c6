// Evaluates the planted model on one row: every term's logit contribution, and the row's total logit.
import { logCount, MISSING_CATEGORY } from './rowSource.ts';
import type { RowCells } from './rowSource.ts';

/** A categorical × categorical FM term, <va[a], vb[b]>, or a dense × categorical one, (ln(1+x_a) - centre)·<va, vb[b]>. */
export interface InteractionParams {
  kind: 'categorical' | 'dense';
  /** Field index of side a: categorical index, or dense index when kind is 'dense'. */
  a: number;
  /** Categorical field index of side b. */
  b: number;
  /** [size_a · dim] per-value vectors, or [dim] for a dense side. */
  va: Float64Array;
  /** [size_b · dim] per-value vectors, already multiplied by the term's scale. */
  vb: Float64Array;
  /** Mean of ln(1+x_a) over the pilot (dense side only; 0 otherwise). */
  centre: number;
}

/** The fitted parameters of the planted model. Field indices are schema indices. */
export interface PlantedParams {
  intercept: number;
  dim: number;
  denseLinear: { field: number; weight: number; centre: number }[];
  /** Per-value weights, centred and scaled; an empty cell contributes 0. */
  categoricalLinear: { field: number; weights: Float64Array }[];
  interactions: InteractionParams[];
  /** scale · (exp(-(ln(1+x) - peak)² / (2 width²)) - centre). */
  bump: { field: number; peak: number; width: number; scale: number; centre: number };
}

/** Number of terms: linear (dense, then categorical), interactions, then the bump. */
export function termCount(p: PlantedParams): number {
  return p.denseLinear.length + p.categoricalLinear.length + p.interactions.length + 1;
}

/** The bump's shape before scaling and centring. @param t ln(1 + x) */
export function bumpShape(t: number, peak: number, width: number): number {
  const d = (t - peak) / width;
  return Math.exp(-0.5 * d * d);
}

function dot(x: Float64Array, i: number, y: Float64Array, j: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += x[i + d]! * y[j + d]!;
  return s;
}

function interaction(t: InteractionParams, cells: RowCells, dim: number): number {
  const b = cells.categorical[t.b]!;
  if (b === MISSING_CATEGORY) return 0;
  if (t.kind === 'dense') return (logCount(cells.dense[t.a]!) - t.centre) * dot(t.va, 0, t.vb, b * dim, dim);
  const a = cells.categorical[t.a]!;
  return a === MISSING_CATEGORY ? 0 : dot(t.va, a * dim, t.vb, b * dim, dim);
}

/**
 * Writes each term's logit contribution for one row into `out` ([termCount(p)], order as in
 * termCount) and returns their sum (the logit without the intercept).
 */
export function evaluateTerms(p: PlantedParams, cells: RowCells, out: Float64Array): number {
  let k = 0;
  let sum = 0;
  for (const d of p.denseLinear) {
    sum += out[k++] = d.weight * (logCount(cells.dense[d.field]!) - d.centre);
  }
  for (const c of p.categoricalLinear) {
    const v = cells.categorical[c.field]!;
    sum += out[k++] = v === MISSING_CATEGORY ? 0 : c.weights[v]!;
  }
  for (const t of p.interactions) {
    sum += out[k++] = interaction(t, cells, p.dim);
  }
  const b = p.bump;
  sum += out[k] = b.scale * (bumpShape(logCount(cells.dense[b.field]!), b.peak, b.width) - b.centre);
  return sum;
}

/** Numerically stable ln(1 + e^z). */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** 1 / (1 + e^-z). */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}
