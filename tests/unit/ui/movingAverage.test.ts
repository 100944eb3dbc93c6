// The smoothed train-loss curve: a trailing mean over the last `window` readings.
import { describe, expect, it } from 'vitest';
import { LOSS_WINDOW, movingAverage } from '../../../src/ui/panels/training/movingAverage.ts';

const pts = (values: number[], firstStep = 1) => values.map((value, i) => ({ step: firstStep + i, value }));

describe('movingAverage', () => {
  it('matches a hand-computed trailing mean of window 3', () => {
    // 2 → 2; (2+4)/2 = 3; (2+4+6)/3 = 4; (4+6+8)/3 = 6; (6+8+10)/3 = 8
    expect(movingAverage(pts([2, 4, 6, 8, 10]), 3)).toEqual([
      { x: 1, y: 2 },
      { x: 2, y: 3 },
      { x: 3, y: 4 },
      { x: 4, y: 6 },
      { x: 5, y: 8 },
    ]);
  });

  it('keeps each point’s step as x, even when steps are not consecutive', () => {
    const out = movingAverage(
      [
        { step: 10, value: 1 },
        { step: 20, value: 3 },
        { step: 40, value: 5 },
      ],
      2,
    );
    expect(out).toEqual([
      { x: 10, y: 1 },
      { x: 20, y: 2 },
      { x: 40, y: 4 },
    ]);
  });

  it('with a window of 1 returns the readings unchanged', () => {
    // A running sum, so equal up to rounding (0.7 + 0.1 − 0.7 is 0.09999999999999998), not bit for bit.
    const ys = movingAverage(pts([0.7, 0.1, 0.4]), 1).map((p) => p.y);
    [0.7, 0.1, 0.4].forEach((v, i) => expect(ys[i]).toBeCloseTo(v, 12));
  });

  it('with a window longer than the series is the running mean from the start', () => {
    // 1, (1+2)/2, (1+2+6)/3
    expect(movingAverage(pts([1, 2, 6]), 10).map((p) => p.y)).toEqual([1, 1.5, 3]);
  });

  it('uses a window of 20 readings by default', () => {
    expect(LOSS_WINDOW).toBe(20);
    // values 1..25: the last point averages 6..25 = (6+25)/2 = 15.5; point 20 averages 1..20 = 10.5
    const out = movingAverage(pts(Array.from({ length: 25 }, (_, i) => i + 1)));
    expect(out[19]!.y).toBeCloseTo(10.5, 12);
    expect(out[24]!.y).toBeCloseTo(15.5, 12);
  });

  it('counts zero-valued readings that leave the window', () => {
    // window 2 over [0, 4, 0, 0]: 0, 2, 2, 0
    expect(movingAverage(pts([0, 4, 0, 0]), 2).map((p) => p.y)).toEqual([0, 2, 2, 0]);
  });

  it('returns an empty curve for no readings', () => {
    expect(movingAverage([], 5)).toEqual([]);
  });

  it('stays accurate over a long series (no drift from the running sum)', () => {
    const values = Array.from({ length: 5000 }, (_, i) => 0.1 + ((i * 7) % 13) / 10);
    const out = movingAverage(pts(values), 20);
    const last20 = values.slice(-20);
    expect(out[out.length - 1]!.y).toBeCloseTo(last20.reduce((a, b) => a + b, 0) / 20, 9);
  });
});
