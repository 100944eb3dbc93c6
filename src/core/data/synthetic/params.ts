// Seeded parameters of the planted model: centred per-value weights and FM latent vectors, scaled to the target strengths.
import type { Rng } from '../../rng.ts';
import type { InteractionParams, PlantedParams } from './model.ts';
import type { InteractionSpec, PlantedSpec } from './plantedSpec.ts';
import { CATEGORICAL_FIELDS, categoricalIndex, denseIndex } from './schema.ts';
import type { ZipfTable } from './zipf.ts';

/** Moments of the dense inputs, measured on the pilot sample. */
export interface PilotStats {
  /** [13] mean and std of ln(max(x, 0) + 1) per dense field (empty → 0). */
  logMean: Float64Array;
  logStd: Float64Array;
  /** Mean and std of the bump's shape over the pilot. */
  bumpMean: number;
  bumpStd: number;
}

/** What drawing the parameters needs: the params stream, the Zipf tables, the pilot moments, the latent dimension. */
export interface ParamsContext {
  rng: Rng;
  zipf: readonly ZipfTable[];
  stats: PilotStats;
  dim: number;
}

/** Per-value vectors of one categorical field and their second moment over rows (an empty cell has vector 0). */
interface ValueVectors {
  /** [size · dim], drawn N(0, 1) and centred so their mean over rows is 0: no main effect hides in an interaction. */
  values: Float64Array;
  /** [dim · dim] E[v vᵀ] over rows. */
  moment: Float64Array;
}

function centredVectors(ctx: ParamsContext, field: number, dim: number): ValueVectors {
  const zipf = ctx.zipf[field]!;
  const present = 1 - CATEGORICAL_FIELDS[field]!.missing;
  const values = new Float64Array(zipf.size * dim);
  for (let i = 0; i < values.length; i++) values[i] = ctx.rng.normal();
  const mean = new Float64Array(dim);
  for (let k = 0; k < zipf.size; k++) {
    for (let d = 0; d < dim; d++) mean[d] = mean[d]! + zipf.pmf[k]! * values[k * dim + d]!;
  }
  const moment = new Float64Array(dim * dim);
  for (let k = 0; k < zipf.size; k++) {
    const w = present * zipf.pmf[k]!;
    for (let d = 0; d < dim; d++) values[k * dim + d] = values[k * dim + d]! - mean[d]!;
    for (let d = 0; d < dim; d++) {
      for (let e = 0; e < dim; e++) {
        moment[d * dim + e] = moment[d * dim + e]! + w * values[k * dim + d]! * values[k * dim + e]!;
      }
    }
  }
  return { values, moment };
}

function scaleInPlace(values: Float64Array, factor: number): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = values[i]! * factor;
  return values;
}

/** trace(A·B) = E[<v_a, v_b>²] for independent centred sides with moments A and B. */
function traceProduct(a: Float64Array, b: Float64Array, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) s += a[i * dim + j]! * b[j * dim + i]!;
  return s;
}

/** vᵀ M v. */
function quadratic(v: Float64Array, m: Float64Array, dim: number): number {
  let s = 0;
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) s += v[i]! * m[i * dim + j]! * v[j]!;
  return s;
}

function requireIndex(index: number, name: string): number {
  if (index < 0) throw new Error(`planted model names unknown field ${name}`);
  return index;
}

function interactionParams(spec: InteractionSpec, ctx: ParamsContext): InteractionParams {
  const { rng, stats, dim } = ctx;
  const b = requireIndex(categoricalIndex(spec.b), spec.b);
  const a = denseIndex(spec.a);
  if (a >= 0) {
    // Dense side: one vector for the field, times the centred ln(1 + x). The sides are independent,
    // so the term's variance is var(ln(1 + x)) · vᵀ M_b v.
    const va = Float64Array.from({ length: dim }, () => rng.normal());
    const side = centredVectors(ctx, b, dim);
    const sd = stats.logStd[a]! * Math.sqrt(quadratic(va, side.moment, dim));
    return { kind: 'dense', a, b, va, vb: scaleInPlace(side.values, spec.strength / sd), centre: stats.logMean[a]! };
  }
  const c = requireIndex(categoricalIndex(spec.a), spec.a);
  const sideA = centredVectors(ctx, c, dim);
  const sideB = centredVectors(ctx, b, dim);
  const sd = Math.sqrt(traceProduct(sideA.moment, sideB.moment, dim));
  return { kind: 'categorical', a: c, b, va: sideA.values, vb: scaleInPlace(sideB.values, spec.strength / sd), centre: 0 };
}

/**
 * Draws the planted model's weights from `ctx.rng` (the seed's params stream) and scales every term
 * to its target strength: analytically for categorical terms (the Zipf pmf is known), from the
 * pilot's moments for dense ones. The intercept is left at 0 for the calibration to set.
 */
export function buildParams(spec: PlantedSpec, ctx: ParamsContext): PlantedParams {
  const { stats } = ctx;
  const denseLinear = spec.denseLinear.map((d) => {
    const field = requireIndex(denseIndex(d.field), d.field);
    return { field, weight: (d.sign * d.strength) / stats.logStd[field]!, centre: stats.logMean[field]! };
  });
  const categoricalLinear = spec.categoricalLinear.map((c) => {
    const field = requireIndex(categoricalIndex(c.field), c.field);
    const side = centredVectors(ctx, field, 1);
    return { field, weights: scaleInPlace(side.values, c.strength / Math.sqrt(side.moment[0]!)) };
  });
  const interactions = spec.interactions.map((i) => interactionParams(i, ctx));
  const n = spec.nonlinear;
  const bump = {
    field: requireIndex(denseIndex(n.field), n.field),
    peak: n.peak,
    width: n.width,
    scale: n.strength / stats.bumpStd,
    centre: stats.bumpMean,
  };
  return { intercept: 0, dim: ctx.dim, denseLinear, categoricalLinear, interactions, bump };
}
