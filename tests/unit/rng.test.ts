import { describe, expect, it } from 'vitest';
import { rngFromSeed, toSeed } from '../../src/core/rng.ts';

describe('rngFromSeed', () => {
  it('gives the same sequence for the same seed', () => {
    const a = rngFromSeed(toSeed(42));
    const b = rngFromSeed(toSeed(42));
    expect(Array.from({ length: 5 }, () => a.nextUint32())).toEqual(Array.from({ length: 5 }, () => b.nextUint32()));
  });
  it('gives different sequences for different seeds, seed 0 included', () => {
    expect(rngFromSeed(toSeed(0)).nextUint32()).not.toBe(rngFromSeed(toSeed(1)).nextUint32());
  });
  it('derives named streams that are independent of each other and of draws on the parent', () => {
    const root = rngFromSeed(toSeed(7));
    const before = root.stream('sampler').nextUint32();
    root.next();
    root.stream('init').next();
    expect(root.stream('sampler').nextUint32()).toBe(before);
    expect(root.stream('init').nextUint32()).not.toBe(before);
  });
  it('draws uniform floats in [0, 1) (chi-square over 10 bins)', () => {
    const rng = rngFromSeed(toSeed(3));
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      if (!(x >= 0 && x < 1)) outside++;
      else bins[Math.floor(x * 10)]!++;
    }
    expect(outside).toBe(0);
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // p = 0.001 critical value, 9 degrees of freedom
  });
  it('draws standard normals with mean 0 and variance 1', () => {
    const rng = rngFromSeed(toSeed(5));
    const xs = Array.from({ length: 50_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });
  it('draws integers in [lo, hi) and shuffles into a permutation', () => {
    const rng = rngFromSeed(toSeed(9));
    for (let i = 0; i < 1000; i++) {
      const k = rng.int(-2, 3);
      expect(k >= -2 && k < 3 && Number.isInteger(k)).toBe(true);
    }
    expect(() => rng.int(3, 3)).toThrow(RangeError);
    const items = Array.from({ length: 50 }, (_, i) => i);
    expect([...rng.shuffle([...items])].sort((x, y) => x - y)).toEqual(items);
  });
  it('never gives tfjs the seed 0, which tfjs reads as "unseeded"', () => {
    const rng = rngFromSeed(toSeed(11));
    for (let i = 0; i < 1000; i++) expect(rng.tfSeed()).toBeGreaterThan(0);
  });
});

describe('toSeed', () => {
  it('accepts unsigned 32-bit integers and rejects anything else', () => {
    expect(toSeed(0)).toBe(0);
    expect(toSeed(4294967295)).toBe(4294967295);
    for (const bad of [-1, 1.5, 2 ** 32, NaN]) expect(() => toSeed(bad)).toThrow(/seed must be an integer/);
  });
});
