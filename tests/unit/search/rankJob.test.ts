// The rank check's pieces: K distinct architectures as §10.1 draws them, and the report built from both loss lists.
import { describe, expect, it } from 'vitest';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { rankArchs, rankReport } from '../../../src/core/search/rankJob.ts';
import { kendallTauB } from '../../../src/core/search/rankStats.ts';
import { archKey } from '../../../src/core/space/arch.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';

describe('rankArchs', () => {
  it('draws K distinct architectures, the same for the same seed', () => {
    const a = rankArchs(SPACE_PRESETS.tiny, 12, rngFromSeed(toSeed(4)));
    expect(new Set(a.map(archKey)).size).toBe(12);
    expect(rankArchs(SPACE_PRESETS.tiny, 12, rngFromSeed(toSeed(4))).map(archKey)).toEqual(a.map(archKey));
  });

  it('refuses fewer than 3 architectures', () => {
    expect(() => rankArchs(SPACE_PRESETS.tiny, 2, rngFromSeed(toSeed(1)))).toThrow(/k must be/);
  });
});

describe('rankReport', () => {
  it('pairs each architecture with its two losses and reports τ-b of proxy against standalone', () => {
    const archs = rankArchs(SPACE_PRESETS.tiny, 5, rngFromSeed(toSeed(2)));
    const proxy = [0.5, 0.52, 0.51, 0.6, 0.55];
    const standalone = [0.45, 0.47, 0.48, 0.5, 0.46];
    const report = rankReport(archs, proxy, standalone, 100, rngFromSeed(toSeed(3)));
    expect(report.k).toBe(5);
    expect(report.points.map((p) => [p.key, p.proxy, p.standalone])).toEqual(archs.map((a, i) => [archKey(a), proxy[i], standalone[i]]));
    expect(report.kendallTau).toBeCloseTo(kendallTauB(proxy, standalone), 12);
    expect(report.kendallCI[0]).toBeLessThanOrEqual(report.kendallCI[1]);
  });
});
