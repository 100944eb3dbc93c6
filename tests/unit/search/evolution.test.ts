// Regularized evolution (NASREC.md §10.1) and random search (§10.2) against a cheap deterministic fake scorer.
import { describe, expect, it } from 'vitest';
import { Cancelled } from '../../../src/core/cancel.ts';
import { rngFromSeed, toSeed, type Rng } from '../../../src/core/rng.ts';
import {
  DEFAULT_EVOLUTION,
  evolutionBudget,
  numMutations,
  PAPER_EVOLUTION,
  runEvolution,
  validateEvolutionConfig,
  type EvolutionConfig,
  type GenerationReport,
} from '../../../src/core/search/evolution.ts';
import { runRandomSearch, SearchCancelled, SpaceExhausted, type Candidate } from '../../../src/core/search/randomSearch.ts';
import { archKey } from '../../../src/core/space/arch.ts';
import { MACRO_FIELDS, MICRO_FIELDS } from '../../../src/core/space/mutate.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import type { Arch, SpaceConfig } from '../../../src/core/space/types.ts';

const tiny = presetSpace('tiny');
const FIELDS = [...MACRO_FIELDS, ...MICRO_FIELDS];
/** Small enough to be quick, long enough (G = 40) for numMutations to fall from 3 to 1. */
const CONFIG: EvolutionConfig = { population: 12, sampleSize: 6, children: 3, generations: 40, topK: 2 };

/** Fields (of any block) at which two architectures differ. */
const distance = (a: Arch, b: Arch) =>
  a.blocks.reduce((n, x, i) => n + FIELDS.filter((f) => JSON.stringify(x[f]) !== JSON.stringify(b.blocks[i]![f])).length, 0);

/** The fake objective: how far an architecture is from a hidden target (0 = the target), a smooth landscape for mutation. */
function fakeLoss(target: Arch) {
  return (arch: Arch) => distance(arch, target) + 0.01 * arch.blocks.reduce((s, b) => s + b.denseDim, 0) / 64;
}
const target = sampleArch(tiny, rngFromSeed(toSeed(999)));
const score = async (arch: Arch) => fakeLoss(target)(arch);
const rng = (seed: number) => rngFromSeed(toSeed(seed));
const keys = (cs: readonly Candidate[]) => cs.map((c) => c.key);

describe('numMutations(gen, generations)', () => {
  it('falls from 6 at gen 0 to 2 at gen 192 and 1 for the last 47 generations when G = 240 (§10.1)', () => {
    const counts = Array.from({ length: 240 }, (_, g) => numMutations(g, 240));
    expect([counts[0], counts[47], counts[48], counts[191], counts[192], counts[193], counts[239]]).toEqual([6, 5, 5, 2, 2, 1, 1]);
    expect(counts.filter((m) => m === 1)).toHaveLength(47);
    expect(counts.every((m, g) => g === 0 || m <= counts[g - 1]!)).toBe(true);
  });
  it('is 1 throughout below 20 generations, and rejects a generation out of range', () => {
    expect(Array.from({ length: 10 }, (_, g) => numMutations(g, 10))).toEqual(new Array(10).fill(1));
    expect(numMutations(0, 40)).toBe(3);
    expect(() => numMutations(240, 240)).toThrow(RangeError);
    expect(() => numMutations(-1, 240)).toThrow(/generation -1/);
  });
});

describe('evolution settings', () => {
  it('has the paper’s budget of 2,048 subnets and a playground default of 56', () => {
    expect(evolutionBudget(PAPER_EVOLUTION)).toBe(2048);
    expect(PAPER_EVOLUTION.generations * PAPER_EVOLUTION.topK).toBe(480);
    expect(evolutionBudget(DEFAULT_EVOLUTION)).toBe(56);
    expect(() => validateEvolutionConfig(PAPER_EVOLUTION)).not.toThrow();
    expect(() => validateEvolutionConfig(DEFAULT_EVOLUTION)).not.toThrow();
  });
  it('validateEvolutionConfig throws a RangeError naming the bad setting', () => {
    const bad: [Partial<Record<keyof EvolutionConfig, unknown>>, RegExp][] = [
      [{ sampleSize: 20 }, /sampleSize \(20\) must be at most population \(16\)/],
      [{ children: 17 }, /children \(17\) must be at most population/],
      [{ topK: 5 }, /topK \(5\) must be at most children \(4\)/],
      [{ population: 0 }, /population must be a whole number ≥ 1, got 0/],
      [{ generations: -1 }, /generations must be a whole number ≥ 0/],
      [{ children: 2.5 }, /children must be a whole number/],
      [{ sampleSize: '8' }, /sampleSize must be a whole number/],
      [{ topK: undefined }, /topK must be a whole number ≥ 0, got undefined/],
    ];
    for (const [over, message] of bad) expect(() => validateEvolutionConfig({ ...DEFAULT_EVOLUTION, ...over })).toThrow(message);
    expect(() => validateEvolutionConfig(null)).toThrow(RangeError);
    expect(() => validateEvolutionConfig({ ...DEFAULT_EVOLUTION, generations: 0, topK: 0, sampleSize: 16 })).not.toThrow();
  });
  it('runEvolution rejects a bad config, and a budget larger than the space, before scoring anything', async () => {
    let scored = 0;
    const counting = async (a: Arch) => (scored++, score(a));
    const badConfig = { ...CONFIG, sampleSize: 13 };
    await expect(runEvolution({ space: tiny, config: badConfig, rng: rng(1), score: counting })).rejects.toThrow(/sampleSize/);
    const one = { ...tiny, blocks: 1, denseOps: ['fc'], sparseOps: ['efc'], denseDims: [16], sparseDims: [8, 16] } satisfies SpaceConfig;
    // 1 block: one input choice each, 2 sparse widths × 4 flag settings = 8 architectures.
    const tooMany = { population: 4, sampleSize: 2, children: 2, generations: 3, topK: 1 };
    await expect(runEvolution({ space: one, config: tooMany, rng: rng(1), score: counting })).rejects.toThrow(
      /10 distinct architectures asked for, but the space holds only 8/,
    );
    expect(scored).toBe(0);
  });
});

describe('runEvolution({ space, config, rng, score })', () => {
  const run = async (seed: number, config = CONFIG) => {
    const generations: GenerationReport[] = [];
    const reported: Candidate[] = [];
    const onGeneration = (g: GenerationReport) => generations.push(g);
    const onCandidate = (c: Candidate) => reported.push(c);
    const result = await runEvolution({ space: tiny, config, rng: rng(seed), score, onGeneration, onCandidate });
    return { ...result, generations, reported };
  };

  it('scores the initial population (generation −1), then `children` per generation, each key once, reported in order', async () => {
    const r = await run(1);
    expect(r.candidates).toHaveLength(evolutionBudget(CONFIG));
    expect(r.reported).toEqual(r.candidates);
    expect(r.candidates.map((c) => c.index)).toEqual(r.candidates.map((_, i) => i));
    expect(r.candidates.slice(0, 12).every((c) => c.generation === -1 && c.parentKey === undefined)).toBe(true);
    expect(r.candidates.slice(12).map((c) => c.generation)).toEqual(Array.from({ length: 120 }, (_, k) => Math.floor(k / 3)));
    expect(new Set(keys(r.candidates)).size).toBe(r.candidates.length);
    expect(r.candidates.every((c) => c.key === archKey(c.arch))).toBe(true);
  });

  it('keeps the population size constant and removes exactly the oldest members (aging)', async () => {
    const r = await run(2);
    let before = r.candidates.slice(0, CONFIG.population);
    for (const g of r.generations) {
      expect(g.population).toHaveLength(CONFIG.population);
      expect(g.removed).toEqual(before.slice(0, CONFIG.children));
      expect(g.population).toEqual([...before.slice(CONFIG.children), ...g.children]);
      before = g.population;
    }
    expect(r.population).toEqual(before);
    // Every member of the final population is among the newest: aging, not selection, decides who leaves.
    expect(Math.min(...r.population.map((c) => c.index))).toBe(r.candidates.length - CONFIG.population);
  });

  it('picks the lowest-loss member of a tournament of `sampleSize` distinct current members as parent', async () => {
    const r = await run(3);
    let current = r.candidates.slice(0, CONFIG.population);
    for (const g of r.generations) {
      expect(new Set(g.sample).size).toBe(CONFIG.sampleSize);
      expect(g.sample.every((c) => current.includes(c))).toBe(true);
      expect(g.parent.loss).toBe(Math.min(...g.sample.map((c) => c.loss)));
      expect(g.children.every((c) => c.parentKey === g.parent.key)).toBe(true);
      current = g.population;
    }
  });

  it('makes each child by numMutations(gen) successive mutations of its parent, more rounds only when the key was taken', async () => {
    const r = await run(4);
    const byKey = new Map(r.candidates.map((c) => [c.key, c]));
    for (const child of r.candidates.slice(CONFIG.population)) {
      const parent = byKey.get(child.parentKey!)!;
      const m = numMutations(child.generation, CONFIG.generations);
      expect(child.mutations! % m).toBe(0);
      expect(child.mutations).toBeGreaterThanOrEqual(m);
      const d = distance(parent.arch, child.arch);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(child.mutations!);
    }
    // Most children need a single round (a same-value redraw or a taken key costs another); early ones are often several fields away.
    const children = r.candidates.slice(CONFIG.population);
    const oneRound = children.filter((c) => c.mutations === numMutations(c.generation, CONFIG.generations));
    expect(oneRound.length).toBeGreaterThan(children.length / 2);
    expect(children.some((c) => c.generation < 20 && distance(byKey.get(c.parentKey!)!.arch, c.arch) >= 2)).toBe(true);
  });

  it('appends the top `topK` children of each generation to history, and returns the best over all candidates', async () => {
    const r = await run(5);
    expect(r.history).toHaveLength(CONFIG.generations * CONFIG.topK);
    r.generations.forEach((g, i) => {
      const top = [...g.children].sort((a, b) => a.loss - b.loss || a.index - b.index).slice(0, CONFIG.topK);
      expect(r.history.slice(i * CONFIG.topK, (i + 1) * CONFIG.topK)).toEqual(top);
    });
    expect(r.best.loss).toBe(Math.min(...r.candidates.map((c) => c.loss)));
  });

  it('is a function of the seed and the losses: equal seeds give equal candidates whatever the scoring delays', async () => {
    const a = await run(6);
    expect(keys((await run(6)).candidates)).toEqual(keys(a.candidates));
    expect(keys((await run(7)).candidates)).not.toEqual(keys(a.candidates));
    const jitter = rng(42);
    const slow = (arch: Arch) => new Promise<number>((resolve) => setTimeout(() => resolve(fakeLoss(target)(arch)), jitter.int(0, 3)));
    const small = { ...CONFIG, generations: 8 };
    const timed = await runEvolution({ space: tiny, config: small, rng: rng(6), score: slow });
    expect(keys(timed.candidates)).toEqual(keys((await run(6, small)).candidates));
  });

  it('finds a better architecture than random search with the same budget (mean best over 8 seeds)', async () => {
    const budget = evolutionBudget(CONFIG);
    let evo = 0;
    let rand = 0;
    for (let seed = 100; seed < 108; seed++) {
      evo += (await runEvolution({ space: tiny, config: CONFIG, rng: rng(seed), score })).best.loss / 8;
      rand += (await runRandomSearch({ space: tiny, budget, rng: rng(seed), score })).best.loss / 8;
    }
    // Seen: ≈ 3.3 against ≈ 9.9 fields from the target.
    expect(evo).toBeLessThan(rand - 3);
  });

  it('ranks a NaN loss worst, never choosing it as parent or best while a number is left', async () => {
    const nanEvery3 = async (arch: Arch) => (archKey(arch).length % 3 === 0 ? NaN : fakeLoss(target)(arch));
    const generations: GenerationReport[] = [];
    const r = await runEvolution({ space: tiny, config: CONFIG, rng: rng(8), score: nanEvery3, onGeneration: (g) => generations.push(g) });
    expect(r.candidates.some((c) => Number.isNaN(c.loss))).toBe(true);
    expect(Number.isNaN(r.best.loss)).toBe(false);
    expect(generations.every((g) => !Number.isNaN(g.parent.loss) || g.sample.every((c) => Number.isNaN(c.loss)))).toBe(true);
  });

  it('rejects a score that is not a number, naming the candidate, and passes on a scorer’s own error', async () => {
    const text = (async () => 'low') as unknown as (a: Arch) => Promise<number>;
    await expect(runEvolution({ space: tiny, config: CONFIG, rng: rng(1), score: text })).rejects.toThrow(
      /score of candidate 0 \(.+\) returned "low", not a number/,
    );
    const boom = async () => {
      throw new Error('GPU lost');
    };
    await expect(runEvolution({ space: tiny, config: CONFIG, rng: rng(1), score: boom })).rejects.toThrow('GPU lost');
  });
});

describe('cancellation', () => {
  it('stops before the next score once the signal is aborted, throwing SearchCancelled with what was scored', async () => {
    const controller = new AbortController();
    let scored = 0;
    const counting = async (a: Arch) => (scored++, score(a));
    const onCandidate = (c: Candidate) => {
      if (c.index === 20) controller.abort();
    };
    const signal = controller.signal;
    const options = { space: tiny, config: CONFIG, rng: rng(1), score: counting, onCandidate, signal };
    const error = await runEvolution(options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SearchCancelled);
    expect(error).toBeInstanceOf(Cancelled);
    const cancelled = error as SearchCancelled;
    expect(scored).toBe(21);
    expect(cancelled.candidates.map((c) => c.index)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(cancelled.history.length).toBeGreaterThan(0);
    expect(cancelled.message).toBe('Search cancelled after 21 scored architectures.');
  });
  it('scores nothing when the signal is already aborted, in random search too', async () => {
    const controller = new AbortController();
    controller.abort();
    let scored = 0;
    const counting = async (a: Arch) => (scored++, score(a));
    const signal = controller.signal;
    await expect(runEvolution({ space: tiny, config: CONFIG, rng: rng(1), score: counting, signal })).rejects.toThrow(SearchCancelled);
    await expect(runRandomSearch({ space: tiny, budget: 5, rng: rng(1), score: counting, signal })).rejects.toThrow(/after 0 scored/);
    expect(scored).toBe(0);
  });
});

describe('runRandomSearch({ space, budget, rng, score })', () => {
  it('scores `budget` distinct random architectures, the same ones as the evolution’s initial population for that seed', async () => {
    const r = await runRandomSearch({ space: tiny, budget: 30, rng: rng(9), score });
    expect(r.candidates).toHaveLength(30);
    expect(new Set(keys(r.candidates)).size).toBe(30);
    expect(r.candidates.every((c) => c.generation === -1 && c.mutations === undefined)).toBe(true);
    expect(r.best.loss).toBe(Math.min(...r.candidates.map((c) => c.loss)));
    const evo = await runEvolution({ space: tiny, config: { ...CONFIG, population: 30 }, rng: rng(9), score });
    expect(keys(evo.candidates.slice(0, 30))).toEqual(keys(r.candidates));
  });
  it('redraws duplicates, and can take every architecture of a small space', async () => {
    const eight = { ...tiny, blocks: 1, denseOps: ['fc'], sparseOps: ['efc'], denseDims: [16], sparseDims: [8, 16] } satisfies SpaceConfig;
    const r = await runRandomSearch({ space: eight, budget: 8, rng: rng(3), score });
    expect(new Set(keys(r.candidates)).size).toBe(8);
  });
  it('rejects a bad budget', async () => {
    for (const budget of [0, 2.5, NaN]) {
      await expect(runRandomSearch({ space: tiny, budget, rng: rng(1), score })).rejects.toThrow(/budget must be a whole number ≥ 1/);
    }
  });
  it('gives up with SpaceExhausted when draws keep repeating', async () => {
    // A degenerate source: every draw is the same architecture.
    const stuck: Rng = { ...rng(1), nextUint32: () => 0, next: () => 0, int: (lo) => lo, bernoulli: () => false, stream: () => stuck };
    const error = await runRandomSearch({ space: tiny, budget: 2, rng: stuck, score }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpaceExhausted);
    expect((error as Error).message).toMatch(/random draw: no new architecture after 10000 tries \(1 produced so far\)/);
  });
});
