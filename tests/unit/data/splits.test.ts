import { describe, expect, it } from 'vitest';
import { makeSplits } from '../../../src/core/data/splits.ts';
import { toSeed } from '../../../src/core/rng.ts';

describe('makeSplits', () => {
  const random = (rows: number, seed = 1) => makeSplits(rows, { mode: 'random', seed: toSeed(seed) });

  it('cuts 80/10/10 and covers every row exactly once', () => {
    const s = random(1003);
    expect([s.train.length, s.val.length, s.test.length]).toEqual([802, 100, 101]);
    const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 1003 }, (_, i) => i));
  });
  it('keeps each split in file order', () => {
    const s = random(500);
    for (const part of [s.train, s.val, s.test]) for (let i = 1; i < part.length; i++) expect(part[i]!).toBeGreaterThan(part[i - 1]!);
  });
  it('is the same for the same seed and different for another', () => {
    expect(random(1000, 7).val).toEqual(random(1000, 7).val);
    expect(random(1000, 7).val).not.toEqual(random(1000, 8).val);
  });
  it('draws the random split evenly over the file', () => {
    const { val } = random(100_000, 3);
    const firstHalf = val.filter((r) => r < 50_000).length;
    expect(Math.abs(firstHalf - 5000)).toBeLessThan(4 * Math.sqrt(10000 * 0.25)); // ±4σ
  });
  it('keeps file order as contiguous train, val, test ranges', () => {
    const s = makeSplits(10, { mode: 'fileOrder', seed: toSeed(1) });
    expect(Array.from(s.train)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(Array.from(s.val)).toEqual([8]);
    expect(Array.from(s.test)).toEqual([9]);
  });
});
