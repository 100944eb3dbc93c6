// Shared test helpers for the space layer: the official NasRec fixtures and a chi-square goodness-of-fit check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { InputShape } from '../../../src/core/space/types.ts';

export type Dataset = 'criteo' | 'avazu' | 'kdd';
export type Config = 'xlarge' | 'autoctr';

/** Raw input shapes (NASREC.md §2.2, §3): Avazu has one all-zero dense column. */
export const INPUTS: Record<Dataset, InputShape> = {
  criteo: { dense: 13, sparse: 26 },
  avazu: { dense: 1, sparse: 23 },
  kdd: { dense: 3, sparse: 10 },
};

/** Text of a released config, stored verbatim under tests/fixtures/nasrec (see its README). */
export function fixtureText(ds: Dataset, config: Config): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/nasrec/${ds}_${config}.json`, import.meta.url)), 'utf8');
}

// Upper 0.001 quantiles of the chi-square distribution, df 1..20.
const CRITICAL_001 = [
  10.828, 13.816, 16.266, 18.467, 20.515, 22.458, 24.322, 26.124, 27.877, 29.588, 31.264, 32.909, 34.528, 36.123, 37.697, 39.252,
  40.79, 42.312, 43.82, 45.315,
];

/** Critical value at p = 0.001 (table up to df 20, Wilson–Hilferty beyond, accurate to ~0.1 %). */
export function chiSquareCritical(df: number): number {
  const tabled = CRITICAL_001[df - 1];
  if (tabled !== undefined) return tabled;
  const z = 3.0902;
  const a = 2 / (9 * df);
  return df * (1 - a + z * Math.sqrt(a)) ** 3;
}

/** Pearson's statistic of observed counts against expected probabilities (which sum to 1). */
export function chiSquare(observed: readonly number[], probs: readonly number[]): { stat: number; df: number; critical: number } {
  const n = observed.reduce((a, b) => a + b, 0);
  let stat = 0;
  observed.forEach((o, i) => {
    const e = n * probs[i]!;
    stat += ((o - e) * (o - e)) / e;
  });
  const df = observed.length - 1;
  return { stat, df, critical: chiSquareCritical(df) };
}

/** Counts of each value 0..k−1. */
export function histogram(values: readonly number[], k: number): number[] {
  const h = new Array<number>(k).fill(0);
  for (const v of values) h[v]!++;
  return h;
}

export const uniform = (k: number) => new Array<number>(k).fill(1 / k);

/** Asserts a goodness of fit at p = 0.001 (a fixed seed makes the outcome deterministic). */
export function expectFit(observed: readonly number[], probs: readonly number[], label: string): void {
  if (probs.length === 1) {
    expect(observed, `${label}: a certain outcome`).toHaveLength(1);
    return;
  }
  const { stat, df, critical } = chiSquare(observed, probs);
  expect(stat, `${label}: χ² = ${stat.toFixed(2)} on ${df} df (critical ${critical.toFixed(2)}), counts ${observed.join(' ')}`).toBeLessThan(critical);
}
