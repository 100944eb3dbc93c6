// Calibrates the planted model on a pilot sample drawn from its own stream: dense moments, term strengths and the intercept.
import type { Rng } from '../../rng.ts';
import { bumpShape, evaluateTerms, sigmoid, termCount } from './model.ts';
import type { PlantedParams } from './model.ts';
import { buildParams } from './params.ts';
import type { PilotStats } from './params.ts';
import { LATENT_DIM, PILOT_ROWS, TARGET_CTR } from './plantedSpec.ts';
import type { PlantedSpec } from './plantedSpec.ts';
import { DENSE_FIELDS, denseIndex } from './schema.ts';
import { logCount, newRowCells } from './rowSource.ts';
import type { RowCells, RowSource } from './rowSource.ts';

/** The calibrated model and what the pilot measured. */
export interface CalibratedModel {
  params: PlantedParams;
  /** [termCount] std of each term's logit contribution over the pilot. */
  strengths: Float64Array;
}

function drawPilot(source: RowSource, rng: Rng, rows: number): RowCells[] {
  return Array.from({ length: rows }, () => {
    const cells = newRowCells();
    source.draw(rng, cells);
    return cells;
  });
}

function meanAndStd(values: Float64Array): { mean: number; std: number } {
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(sq / values.length) };
}

function pilotStats(pilot: RowCells[], spec: PlantedSpec): PilotStats {
  const logMean = new Float64Array(DENSE_FIELDS.length);
  const logStd = new Float64Array(DENSE_FIELDS.length);
  for (let i = 0; i < DENSE_FIELDS.length; i++) {
    const m = meanAndStd(Float64Array.from(pilot, (c) => logCount(c.dense[i]!)));
    logMean[i] = m.mean;
    logStd[i] = m.std;
  }
  const { field, peak, width } = spec.nonlinear;
  const index = denseIndex(field);
  const bump = meanAndStd(Float64Array.from(pilot, (c) => bumpShape(logCount(c.dense[index]!), peak, width)));
  return { logMean, logStd, bumpMean: bump.mean, bumpStd: bump.std };
}

/** The intercept b with mean σ(b + offset_i) = target, by bisection (the mean is increasing in b). */
export function fitIntercept(offsets: Float64Array, target: number): number {
  let lo = -30;
  let hi = 30;
  for (let iter = 0; iter < 60; iter++) {
    const mid = (lo + hi) / 2;
    let p = 0;
    for (const z of offsets) p += sigmoid(mid + z);
    if (p / offsets.length < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Builds the planted model for one seed. The pilot and params streams are the seed's own named
 * streams, so the model depends only on the seed, never on how many rows are generated afterwards.
 */
export function calibrateModel(source: RowSource, streams: { pilot: Rng; params: Rng }, spec: PlantedSpec): CalibratedModel {
  const pilot = drawPilot(source, streams.pilot, PILOT_ROWS);
  const stats = pilotStats(pilot, spec);
  const params = buildParams(spec, { rng: streams.params, zipf: source.zipf, stats, dim: LATENT_DIM });
  const terms = termCount(params);
  const values = new Float64Array(terms * pilot.length);
  const offsets = new Float64Array(pilot.length);
  const scratch = new Float64Array(terms);
  pilot.forEach((cells, r) => {
    offsets[r] = evaluateTerms(params, cells, scratch);
    for (let t = 0; t < terms; t++) values[t * pilot.length + r] = scratch[t]!;
  });
  const strengths = Float64Array.from(
    { length: terms },
    (_, t) => meanAndStd(values.subarray(t * pilot.length, (t + 1) * pilot.length)).std,
  );
  params.intercept = fitIntercept(offsets, TARGET_CTR);
  return { params, strengths };
}
