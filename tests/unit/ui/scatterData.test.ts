// The scatter chart's pure helpers: padded extents on linear and log axes, keyboard order.
import { describe, expect, it } from 'vitest';
import { keyboardOrder, nextActive, paddedExtent } from '../../../src/ui/charts/scatterData.ts';

describe('paddedExtent', () => {
  it('pads a linear range by 6 % on each side, ignoring non-finite values', () => {
    const [lo, hi] = paddedExtent([1, 2, Number.NaN, 3, Infinity], 'linear');
    expect(lo).toBeCloseTo(0.88);
    expect(hi).toBeCloseTo(3.12);
  });

  it('gives one value a small window and no values [0, 1]', () => {
    const [lo, hi] = paddedExtent([0.5], 'linear');
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    expect(paddedExtent([], 'linear')).toEqual([0, 1]);
  });

  it('pads a log range by a factor and skips values ≤ 0', () => {
    const [lo, hi] = paddedExtent([0, -5, 10, 1000], 'log');
    expect(lo).toBeLessThan(10);
    expect(lo).toBeGreaterThan(5);
    expect(hi).toBeGreaterThan(1000);
    expect(paddedExtent([0], 'log')).toEqual([1, 10]);
    expect(paddedExtent([100], 'log')).toEqual([100 / 1.5, 150]);
  });
});

describe('keyboard order', () => {
  const points = [
    { x: 3, y: 1 },
    { x: 1, y: 5 },
    { x: 1, y: 2 },
    { x: 2, y: 0 },
  ];

  it('walks points by x, then y', () => {
    expect(keyboardOrder(points)).toEqual([2, 1, 3, 0]);
  });

  it('moves with the arrow keys, Home and End, starting at an end, and stops at the ends', () => {
    const order = keyboardOrder(points);
    expect(nextActive(order, -1, 'ArrowRight')).toBe(2);
    expect(nextActive(order, -1, 'ArrowLeft')).toBe(0);
    expect(nextActive(order, 2, 'ArrowRight')).toBe(1);
    expect(nextActive(order, 0, 'ArrowRight')).toBe(0);
    expect(nextActive(order, 3, 'Home')).toBe(2);
    expect(nextActive(order, 2, 'End')).toBe(0);
    expect(nextActive(order, 2, 'x')).toBeUndefined();
    expect(nextActive([], -1, 'ArrowRight')).toBeUndefined();
  });
});
