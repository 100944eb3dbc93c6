// Trailing moving average of the train-loss readings. Pure.
import type { LinePoint } from '../../charts/lineData.ts';

/** Readings averaged per point of the smoothed train-loss curve (the worker sends one reading per step). */
export const LOSS_WINDOW = 20;

/** For each point, the mean of it and the up to `window − 1` readings before it. */
export function movingAverage(points: readonly { step: number; value: number }[], window = LOSS_WINDOW): LinePoint[] {
  const out: LinePoint[] = new Array(points.length);
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    sum += (points[i] as { value: number }).value;
    const drop = points[i - window];
    if (drop) sum -= drop.value;
    out[i] = { x: (points[i] as { step: number }).step, y: sum / Math.min(i + 1, window) };
  }
  return out;
}
