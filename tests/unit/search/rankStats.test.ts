import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import {
  averageRanks,
  bootstrapCI,
  defaultTopK,
  kendallTauB,
  rankCorrelation,
  spearmanRho,
  topKOverlap,
} from '../../../src/core/search/rankStats.ts';

interface Case {
  name: string;
  x: number[];
  y: number[];
  kendallTauB: number | null;
  spearmanRho: number | null;
  ranksX: number[];
  ranksY: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/reference/rank.json', import.meta.url), 'utf8')) as { cases: Case[] };

/** A loss-like sample of n points and a noisy copy of it that keeps most of its order. */
function correlatedSample(n: number, seed: number): { truth: number[]; proxy: number[] } {
  const rng = rngFromSeed(toSeed(seed));
  const truth = Array.from({ length: n }, () => rng.normal());
  const proxy = truth.map((t) => t + 0.3 * rng.normal());
  return { truth, proxy };
}

describe('kendallTauB, spearmanRho and averageRanks against SciPy', () => {
  for (const c of fixture.cases) {
    it(`match kendalltau, spearmanr and rankdata on "${c.name}"`, () => {
      expect(averageRanks(c.x)).toEqual(c.ranksX);
      expect(averageRanks(c.y)).toEqual(c.ranksY);
      if (c.kendallTauB === null) expect(kendallTauB(c.x, c.y)).toBeNaN();
      else expect(kendallTauB(c.x, c.y)).toBeCloseTo(c.kendallTauB, 12);
      if (c.spearmanRho === null) expect(spearmanRho(c.x, c.y)).toBeNaN();
      else expect(spearmanRho(c.x, c.y)).toBeCloseTo(c.spearmanRho, 12);
    });
  }

  it('the fixtures cover ties in both samples, in one only, and undefined (NaN) results', () => {
    const tied = (v: number[]): boolean => new Set(v).size < v.length;
    expect(fixture.cases.some((c) => tied(c.x) && tied(c.y))).toBe(true);
    expect(fixture.cases.some((c) => tied(c.x) !== tied(c.y))).toBe(true);
    expect(fixture.cases.some((c) => c.kendallTauB === null && c.spearmanRho === null)).toBe(true);
  });
});

describe('kendallTauB and spearmanRho', () => {
  it('are symmetric in their arguments and unchanged by a monotone transform', () => {
    const { truth, proxy } = correlatedSample(40, 1);
    expect(kendallTauB(proxy, truth)).toBeCloseTo(kendallTauB(truth, proxy), 14);
    expect(spearmanRho(proxy, truth)).toBeCloseTo(spearmanRho(truth, proxy), 14);
    const squashed = proxy.map((p) => Math.exp(p));
    expect(kendallTauB(squashed, truth)).toBe(kendallTauB(proxy, truth));
    expect(spearmanRho(squashed, truth)).toBe(spearmanRho(proxy, truth));
  });

  it('kendallTauB equals the O(n²) pair count on a sample with many ties', () => {
    const rng = rngFromSeed(toSeed(5));
    const x = Array.from({ length: 60 }, () => rng.int(0, 5));
    const y = x.map((v) => rng.int(0, 4) + v);
    let s = 0;
    let tx = 0;
    let ty = 0;
    for (let i = 0; i < x.length; i++) {
      for (let j = i + 1; j < x.length; j++) {
        const dx = Math.sign(x[i]! - x[j]!);
        const dy = Math.sign(y[i]! - y[j]!);
        s += dx * dy;
        tx += dx * dx;
        ty += dy * dy;
      }
    }
    expect(kendallTauB(x, y)).toBeCloseTo(s / Math.sqrt(tx * ty), 14);
  });

  it('averageRanks gives 1-based ranks with tied values sharing the mean rank', () => {
    expect(averageRanks([0.3, 0.1, 0.3, 0.2, 0.3])).toEqual([4, 1, 4, 2, 4]);
    expect(averageRanks([])).toEqual([]);
  });
});

describe('bootstrapCI(x, y, stat, { rng, resamples, level })', () => {
  it('contains the point estimate of a strongly correlated sample', () => {
    const { truth, proxy } = correlatedSample(50, 2);
    const tau = kendallTauB(proxy, truth);
    const [lo, hi] = bootstrapCI(proxy, truth, kendallTauB, { rng: rngFromSeed(toSeed(11)) });
    expect(tau).toBeGreaterThan(0.6);
    expect(lo).toBeLessThan(tau);
    expect(hi).toBeGreaterThan(tau);
    expect(hi).toBeLessThanOrEqual(1);
  });

  it('is narrower with more points', () => {
    const width = (n: number): number => {
      const { truth, proxy } = correlatedSample(n, 3);
      const [lo, hi] = bootstrapCI(proxy, truth, spearmanRho, { rng: rngFromSeed(toSeed(12)) });
      return hi - lo;
    };
    expect(width(200)).toBeLessThan(width(20));
  });

  it('is narrower at a lower level', () => {
    const { truth, proxy } = correlatedSample(30, 4);
    const ci = (level: number): [number, number] =>
      bootstrapCI(proxy, truth, kendallTauB, { rng: rngFromSeed(toSeed(13)), level });
    const [lo90, hi90] = ci(0.9);
    const [lo99, hi99] = ci(0.99);
    expect(hi90 - lo90).toBeLessThan(hi99 - lo99);
  });

  it('gives the same interval for the same seed and another for another seed', () => {
    const { truth, proxy } = correlatedSample(30, 5);
    const ci = (seed: number): [number, number] =>
      bootstrapCI(proxy, truth, kendallTauB, { rng: rngFromSeed(toSeed(seed)), resamples: 200 });
    expect(ci(7)).toEqual(ci(7));
    expect(ci(8)).not.toEqual(ci(7));
  });

  it('interpolates linearly between order statistics, as numpy.quantile does', () => {
    // The statistic ignores the data and counts its calls: 1, 2, …, 5, so the quantiles are exact.
    let calls = 0;
    const counter = (): number => ++calls;
    const ci = bootstrapCI([1, 2], [1, 2], counter, { rng: rngFromSeed(toSeed(1)), resamples: 5, level: 0.5 });
    expect(ci).toEqual([2, 4]); // positions 4·0.25 = 1 and 4·0.75 = 3 of [1, 2, 3, 4, 5]
    calls = 0;
    const ci80 = bootstrapCI([1, 2], [1, 2], counter, { rng: rngFromSeed(toSeed(1)), resamples: 5, level: 0.8 });
    expect(ci80[0]).toBeCloseTo(1.4, 12); // position 0.4
    expect(ci80[1]).toBeCloseTo(4.6, 12); // position 3.6
  });

  it('skips resamples whose statistic is NaN, and gives [NaN, NaN] when all are', () => {
    const ci = bootstrapCI([1, 2, 3], [3, 1, 2], kendallTauB, { rng: rngFromSeed(toSeed(9)), resamples: 100 });
    expect(ci.every(Number.isFinite)).toBe(true);
    const none = bootstrapCI([1, 1, 1], [1, 2, 3], kendallTauB, { rng: rngFromSeed(toSeed(9)), resamples: 10 });
    expect(none[0]).toBeNaN();
    expect(none[1]).toBeNaN();
  });

  it('rejects a bad number of resamples or level', () => {
    const rng = rngFromSeed(toSeed(1));
    expect(() => bootstrapCI([1, 2], [1, 2], kendallTauB, { rng, resamples: 0 })).toThrow(/resamples must be a positive integer, got 0/);
    expect(() => bootstrapCI([1, 2], [1, 2], kendallTauB, { rng, level: 1 })).toThrow(/level must lie in \(0, 1\), got 1/);
  });
});

describe('topKOverlap(proxy, truth, k) with lower = better', () => {
  it('counts the shared members of the two best-k sets', () => {
    const truth = [0.1, 0.2, 0.3, 0.4, 0.5];
    expect(topKOverlap([0.5, 0.4, 0.3, 0.2, 0.1], truth, 2)).toBe(0); // {3,4} vs {0,1}
    expect(topKOverlap([0.2, 0.9, 0.1, 0.8, 0.7], truth, 2)).toBe(0.5); // {2,0} vs {0,1}
    expect(topKOverlap([0.2, 0.9, 0.1, 0.8, 0.7], truth, 3)).toBeCloseTo(2 / 3, 15); // {2,0,4} vs {0,1,2}
    expect(topKOverlap(truth, truth, 5)).toBe(1);
  });

  it('breaks ties by index, the earlier point ranking better', () => {
    const truth = [1, 2, 3, 4];
    // proxy ties everything: its top 2 are indices {0, 1}, exactly truth's.
    expect(topKOverlap([5, 5, 5, 5], truth, 2)).toBe(1);
    // a tie across the cut: proxy's best is 3, then 0 or 2 (both 0.5) → 0 wins; truth's top 2 = {0, 1}.
    expect(topKOverlap([0.5, 0.9, 0.5, 0.1], truth, 2)).toBe(0.5);
    // ties in truth as well: truth [3, 1, 1, 2] ranks 1, 2, 3, 0 → top 2 = {1, 2}.
    expect(topKOverlap([0.2, 0.1, 0.3, 0.3], [3, 1, 1, 2], 2)).toBe(0.5); // proxy top 2 = {1, 0}
  });

  it('rejects a k outside [1, n] or not an integer', () => {
    expect(() => topKOverlap([1, 2, 3], [1, 2, 3], 0)).toThrow(/k must be an integer in \[1, 3\], got 0/);
    expect(() => topKOverlap([1, 2, 3], [1, 2, 3], 4)).toThrow(/got 4/);
    expect(() => topKOverlap([1, 2, 3], [1, 2, 3], 1.5)).toThrow(/got 1.5/);
  });
});

describe('rankCorrelation(proxy, truth, { rng, resamples, topK })', () => {
  it('reports τ-b and ρ with intervals, the top-k overlap and the number of points', () => {
    const { truth, proxy } = correlatedSample(40, 6);
    const r = rankCorrelation(proxy, truth, { rng: rngFromSeed(toSeed(21)), resamples: 300 });
    expect(r.k).toBe(40);
    expect(r.kendallTau).toBe(kendallTauB(proxy, truth));
    expect(r.spearmanRho).toBe(spearmanRho(proxy, truth));
    expect(r.kendallCI[0]).toBeLessThan(r.kendallTau);
    expect(r.kendallCI[1]).toBeGreaterThan(r.kendallTau);
    expect(r.spearmanCI[0]).toBeLessThan(r.spearmanRho);
    expect(r.spearmanCI[1]).toBeGreaterThan(r.spearmanRho);
    expect(r.topK).toBe(10);
    expect(r.topKOverlap).toBe(topKOverlap(proxy, truth, 10));
  });

  it('uses the Kendall interval of the same rng first, then the Spearman one, and honours topK', () => {
    const { truth, proxy } = correlatedSample(25, 7);
    const rng = rngFromSeed(toSeed(22));
    const kendallCI = bootstrapCI(proxy, truth, kendallTauB, { rng, resamples: 50 });
    const spearmanCI = bootstrapCI(proxy, truth, spearmanRho, { rng, resamples: 50 });
    const r = rankCorrelation(proxy, truth, { rng: rngFromSeed(toSeed(22)), resamples: 50, topK: 3 });
    expect(r.kendallCI).toEqual(kendallCI);
    expect(r.spearmanCI).toEqual(spearmanCI);
    expect(r.topK).toBe(3);
  });

  it('defaults topK to a quarter of the points, rounded, at least 1', () => {
    expect([2, 3, 4, 10, 40, 101].map(defaultTopK)).toEqual([1, 1, 1, 3, 10, 25]);
  });
});

describe('bad input', () => {
  const rng = rngFromSeed(toSeed(1));
  it('throws when the samples differ in length', () => {
    expect(() => kendallTauB([1, 2, 3], [1, 2])).toThrow(/x and y differ in length \(3 vs 2\)/);
    expect(() => rankCorrelation([1, 2], [1, 2, 3], { rng })).toThrow(/proxy and truth differ in length \(2 vs 3\)/);
  });
  it('throws with fewer than 2 points', () => {
    expect(() => spearmanRho([1], [1])).toThrow(/at least 2 paired points, got 1/);
    expect(() => bootstrapCI([], [], kendallTauB, { rng })).toThrow(/at least 2 paired points, got 0/);
  });
  it('throws on a non-finite value and names where it is', () => {
    expect(() => kendallTauB([1, NaN, 3], [1, 2, 3])).toThrow(RangeError);
    expect(() => kendallTauB([1, NaN, 3], [1, 2, 3])).toThrow(/x\[1\] is not a finite number \(got NaN\)/);
    expect(() => spearmanRho([1, 2, 3], [1, 2, Infinity])).toThrow(/y\[2\] is not a finite number \(got Infinity\)/);
    expect(() => topKOverlap([1, 2], [-Infinity, 2], 1)).toThrow(/truth\[0\] is not a finite number/);
    expect(() => averageRanks([0, NaN])).toThrow(/x\[1\] is not a finite number/);
  });
});
