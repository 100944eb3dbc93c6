// Path and architecture sampling (NASREC.md §8.1, §10.1), checked with chi-square goodness-of-fit tests at p = 0.001.
import { describe, expect, it } from 'vitest';
import { archKey } from '../../../src/core/space/arch.ts';
import { fullPath } from '../../../src/core/space/path.ts';
import { paperScale, presetSpace, SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch, samplePath, warmupProbability } from '../../../src/core/space/sampler.ts';
import { DENSE_OPS, type PathBlock, type SamplingStrategy, type SpaceConfig, type SupernetPath } from '../../../src/core/space/types.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { chiSquare, expectFit, histogram, uniform } from './helpers.ts';

const N = 16_000;
const full = SPACE_PRESETS.full;
const paper = paperScale('full');
const BINOMIAL = [[1], [1 / 2, 1 / 2], [1 / 4, 1 / 2, 1 / 4], [1 / 8, 3 / 8, 3 / 8, 1 / 8]];

function draw(space: SpaceConfig, strategy: SamplingStrategy, seed: number, n = N, options = {}): SupernetPath[] {
  const rng = rngFromSeed(toSeed(seed));
  return Array.from({ length: n }, () => samplePath(space, rng, strategy, options).path);
}
const column = <T>(paths: SupernetPath[], i: number, f: (b: PathBlock) => T) => paths.map((p) => f(p[i]!));
const indexOf = <T>(items: readonly T[]) => (x: T) => items.indexOf(x);

describe("samplePath(space, rng, 'single-op-any-connection') — the NASRec default", () => {
  const paths = draw(paper, 'single-op-any-connection', 1);
  it('draws k = 1 + Binomial(min(i, 3), ½) inputs per stream (block ≥ 3: 1/8, 3/8, 3/8, 1/8)', () => {
    for (let i = 0; i < 7; i++) {
      const probs = BINOMIAL[Math.min(i, 3)]!;
      for (const stream of ['denseIdx', 'sparseIdx'] as const) {
        expectFit(histogram(column(paths, i, (b) => b[stream].length - 1), probs.length), probs, `block ${i} ${stream} count`);
      }
    }
  });
  it('draws distinct, ascending inputs from 0..i, every subset of a size equally likely', () => {
    const ascending = (idx: readonly number[], i: number) => idx.every((j, t) => j >= 0 && j <= i && (t === 0 || j > idx[t - 1]!));
    expect(paths.every((p) => p.every((b, i) => ascending(b.denseIdx, i) && ascending(b.sparseIdx, i)))).toBe(true);
    // Block 3 reads 0..3: 15 subsets, P(subset of size k) = Binomial(3, ½)[k−1] / C(4, k).
    const subsets = [...Array(16).keys()].slice(1);
    const size = (mask: number) => mask.toString(2).replaceAll('0', '').length;
    const choose = [0, 4, 6, 4, 1];
    const probs = subsets.map((m) => BINOMIAL[3]![size(m) - 1]! / choose[size(m)]!);
    const masks = column(paths, 3, (b) => b.sparseIdx.reduce((m, j) => m | (1 << j), 0));
    expectFit(subsets.map((m) => masks.filter((x) => x === m).length), probs, 'block 3 sparse subsets');
  });
  it('draws left and right uniformly and independently, with replacement', () => {
    const pairs = column(paths, 6, (b) => b.left * 7 + b.right);
    expectFit(histogram(pairs, 49), uniform(49), 'block 6 (left, right)');
    expect(pairs.some((x) => x % 8 === 0)).toBe(true); // left = right happens
    expectFit(histogram(column(paths, 1, (b) => b.left * 2 + b.right), 4), uniform(4), 'block 1 (left, right)');
  });
  it('draws one dense and one sparse op, widths and flags uniformly', () => {
    for (const i of [0, 4]) {
      expect(paths.every((p) => p[i]!.denseOps.length === 1 && p[i]!.sparseOps.length === 1)).toBe(true);
      expectFit(histogram(column(paths, i, (b) => indexOf(paper.denseOps)(b.denseOps[0]!)), 4), uniform(4), `block ${i} dense op`);
      expectFit(histogram(column(paths, i, (b) => indexOf(paper.sparseOps)(b.sparseOps[0]!)), 2), uniform(2), `block ${i} sparse op`);
      expectFit(histogram(column(paths, i, (b) => indexOf(paper.denseDims)(b.denseDim)), 8), uniform(8), `block ${i} dense width`);
      expectFit(histogram(column(paths, i, (b) => indexOf(paper.sparseDims)(b.sparseDim)), 4), uniform(4), `block ${i} sparse rows`);
      expectFit(histogram(column(paths, i, (b) => Number(b.interact) * 2 + Number(b.deepFm)), 4), uniform(4), `block ${i} flags`);
    }
  });
  it('keeps the flags off when the space has the interaction modules off, and uses only enabled ops', () => {
    const small = { ...presetSpace('small'), interactionModules: false };
    const ok = (b: PathBlock) => !b.interact && !b.deepFm && ['fc', 'dp'].includes(b.denseOps[0]!) && b.sparseOps.join() === 'efc';
    expect(draw(small, 'single-op-any-connection', 2, 2000).every((p) => p.every(ok))).toBe(true);
  });
  it('caps the inputs at maxInputs', () => {
    const two = { ...presetSpace('full'), maxInputs: 2 };
    const paths2 = draw(two, 'single-op-any-connection', 3, 4000);
    expectFit(histogram(column(paths2, 6, (b) => b.denseIdx.length - 1), 2), BINOMIAL[1]!, 'block 6 count, maxInputs 2');
  });
  it('is a function of the Rng alone: equal seeds give equal paths, other seeds other paths', () => {
    const a = draw(full, 'single-op-any-connection', 7, 50);
    expect(draw(full, 'single-op-any-connection', 7, 50)).toEqual(a);
    expect(draw(full, 'single-op-any-connection', 8, 50)).not.toEqual(a);
  });
});

describe('full-path warm-up (§8.1)', () => {
  const T = 2000;
  const R = 8;
  const rng = rngFromSeed(toSeed(4));
  const steps = Array.from({ length: T * R }, (_, k) => Math.floor(k / R));
  const draws = steps.map((step) => samplePath(full, rng, 'single-op-any-connection', { step, fullPathWarmupSteps: T }));
  const macroFull = (p: SupernetPath) => p.every((b) => b.leftRightAll === true);
  const microFull = (b: PathBlock) => b.denseOps.length === 4;

  it('has p_t = 1 − t/T for t < T and 0 after', () => {
    expect([0, 500, 2000, 5000].map((t) => warmupProbability(t, T))).toEqual([1, 0.75, 0, 0]);
    expect(warmupProbability(1999, T)).toBeCloseTo(0.0005, 12);
    expect(warmupProbability(10, 0)).toBe(0);
  });
  it('runs the full macro with a probability that falls linearly (10 windows of t vs 1 − t/T)', () => {
    const windows = 10;
    const hits = new Array<number>(windows).fill(0);
    const expected = new Array<number>(windows).fill(0);
    draws.forEach((d, k) => {
      const w = Math.floor((steps[k]! * windows) / T);
      hits[w]! += Number(macroFull(d.path));
      expected[w]! += warmupProbability(steps[k]!, T);
    });
    const perWindow = draws.length / windows;
    // Two cells per window (full, not full); every window holds the same number of draws.
    const observed = hits.flatMap((h) => [h, perWindow - h]);
    const probs = expected.flatMap((e) => [e / draws.length, (perWindow - e) / draws.length]);
    expectFit(observed, probs, 'full macro per window');
    expect(hits[0]! / perWindow).toBeGreaterThan(0.9);
    expect(hits[9]! / perWindow).toBeLessThan(0.1);
  });
  it('draws each block’s micro decision separately from the macro one, with the same p_t', () => {
    // Over t < T/2, p_t averages 0.875: joint (macro full, block-3 micro full) should be independent.
    const early = draws.filter((_, k) => steps[k]! < T / 2);
    const p = early.reduce((a, _, k) => a + warmupProbability(steps[k]!, T), 0) / early.length;
    const p2 = early.reduce((a, _, k) => a + warmupProbability(steps[k]!, T) ** 2, 0) / early.length;
    const cells = [0, 0, 0, 0];
    for (const d of early) cells[Number(macroFull(d.path)) * 2 + Number(microFull(d.path[3]!))]!++;
    expectFit(cells, [1 - 2 * p + p2, p - p2, p - p2, p2], '(macro, block 3 micro) full');
    expect(early.some((d) => macroFull(d.path) && !d.path.every(microFull))).toBe(true);
  });
  it('marks a step full exactly when the macro and every micro draw came out full, and builds the full choice', () => {
    expect(draws.every((d) => d.full === (macroFull(d.path) && d.path.every(microFull)))).toBe(true);
    expect(draws.filter((d) => d.full).length).toBeGreaterThan(100);
    const fullOne = draws.find((d) => d.full)!;
    expect(fullOne.path).toEqual(fullPath(full));
    const last = fullOne.path[6]!;
    expect(last).toMatchObject({ denseIdx: [0, 1, 2, 3, 4, 5, 6], denseOps: DENSE_OPS, sparseOps: ['efc', 'attn'], denseDim: 256, sparseDim: 32, interact: true, deepFm: true, leftRightAll: true });
  });
  it('never runs full once t ≥ T', () => {
    const late = Array.from({ length: 500 }, (_, k) => samplePath(full, rng, 'single-op-any-connection', { step: T + k, fullPathWarmupSteps: T }));
    expect(late.some((d) => d.full || d.path.some((b) => b.leftRightAll || microFull(b)))).toBe(false);
  });
});

describe('ablation strategies', () => {
  it("'single-path': one uniform input per stream and one op per stream", () => {
    const paths = draw(paper, 'single-path', 5);
    expect(paths.every((p) => p.every((b) => b.denseIdx.length === 1 && b.sparseIdx.length === 1 && b.denseOps.length === 1))).toBe(true);
    expectFit(histogram(column(paths, 6, (b) => b.denseIdx[0]!), 7), uniform(7), 'block 6 dense input');
    expectFit(histogram(column(paths, 6, (b) => b.sparseIdx[0]!), 7), uniform(7), 'block 6 sparse input');
  });
  it("'any-path': 1 + Binomial(3, ½) dense ops and 1 + Binomial(1, ½) sparse ops, distinct, in space order", () => {
    const paths = draw(paper, 'any-path', 6);
    expectFit(histogram(column(paths, 2, (b) => b.denseOps.length - 1), 4), BINOMIAL[3]!, 'dense op count');
    expectFit(histogram(column(paths, 2, (b) => b.sparseOps.length - 1), 2), BINOMIAL[1]!, 'sparse op count');
    const inOrder = (ops: readonly string[], all: readonly string[]) => ops.every((op, t) => t === 0 || all.indexOf(op) > all.indexOf(ops[t - 1]!));
    expect(paths.every((p) => p.every((b) => inOrder(b.denseOps, paper.denseOps) && inOrder(b.sparseOps, paper.sparseOps)))).toBe(true);
    // Given 2 dense ops, each of the 6 pairs is equally likely.
    const pairs = column(paths, 2, (b) => b.denseOps).filter((ops) => ops.length === 2).map((ops) => ops.join());
    const keys = [...new Set(pairs)].sort();
    expect(keys).toHaveLength(6);
    expectFit(keys.map((k) => pairs.filter((x) => x === k).length), uniform(6), 'dense op pairs');
    expectFit(histogram(column(paths, 5, (b) => b.denseIdx.length - 1), 4), BINOMIAL[3]!, 'any-path input count');
  });
  it("'full-path': always the full supernet", () => {
    const rng = rngFromSeed(toSeed(1));
    const d = samplePath(SPACE_PRESETS.small, rng, 'full-path', { step: 10 ** 6 });
    expect(d).toEqual({ path: fullPath(SPACE_PRESETS.small), full: true });
  });
});

describe('sampleArch(space, rng) — the initial population (§10.1)', () => {
  const rng = rngFromSeed(toSeed(12));
  const archs = Array.from({ length: N }, () => sampleArch(paper, rng));
  it('draws input counts uniformly on 1..min(i+1, maxInputs)', () => {
    for (const i of [0, 1, 2, 3, 6]) {
      const k = Math.min(i + 1, 4);
      expectFit(histogram(archs.map((a) => a.blocks[i]!.denseIdx.length - 1), k), uniform(k), `block ${i} dense count`);
      expectFit(histogram(archs.map((a) => a.blocks[i]!.sparseIdx.length - 1), k), uniform(k), `block ${i} sparse count`);
    }
  });
  it('differs detectably from the binomial counts of supernet sampling (the fit test has power)', () => {
    const counts = histogram(archs.map((a) => a.blocks[6]!.denseIdx.length - 1), 4);
    const { stat, critical } = chiSquare(counts, BINOMIAL[3]!);
    expect(stat).toBeGreaterThan(10 * critical);
  });
  it('draws everything else uniformly and returns valid, distinct architectures', () => {
    expectFit(histogram(archs.map((a) => a.blocks[5]!.left * 6 + a.blocks[5]!.right), 36), uniform(36), 'block 5 (left, right)');
    expectFit(histogram(archs.map((a) => indexOf(paper.denseOps)(a.blocks[5]!.denseOp)), 4), uniform(4), 'dense op');
    expectFit(histogram(archs.map((a) => indexOf(paper.denseDims)(a.blocks[5]!.denseDim)), 8), uniform(8), 'dense width');
    expectFit(histogram(archs.map((a) => Number(a.blocks[5]!.interact) * 2 + Number(a.blocks[5]!.deepFm)), 4), uniform(4), 'flags');
    expect(new Set(archs.map(archKey)).size).toBe(N);
    expect(Object.isFrozen(archs[0])).toBe(true);
  });
});
