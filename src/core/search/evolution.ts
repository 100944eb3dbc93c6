// Regularized (aging) evolution over a search space (NASREC.md §10.1), driven by a caller-supplied async scorer.
// Pure TypeScript: no tfjs, DOM or Node.
import type { Rng } from '../rng.ts';
import { archKey } from '../space/arch.ts';
import { chooseDistinct } from '../space/draws.ts';
import { mutateArch } from '../space/mutate.ts';
import type { Arch, ArchKey, SpaceConfig } from '../space/types.ts';
import { validateSpace } from '../space/validateSpace.ts';
import {
  bestOf,
  checkBudget,
  compareCandidates,
  MAX_TRIES,
  SearchLog,
  searchStreams,
  SpaceExhausted,
  type Candidate,
  type SearchHooks,
} from './randomSearch.ts';

/** Settings of a regularized evolution (all whole numbers). */
export interface EvolutionConfig {
  /** Initial population, kept constant by aging (`init_population`). */
  population: number;
  /** Members drawn without replacement for each tournament (`sample_size`). */
  sampleSize: number;
  /** Children per generation; as many oldest members are removed (`n_childs`). */
  children: number;
  /** Generations after the initial population (`n_generations`). */
  generations: number;
  /** Best children of each generation appended to `history` (`ea_top_k`). */
  topK: number;
}

/** The paper's settings (§10.1, `scripts/run_ea`): 128 + 240 × 8 = 2,048 scored subnets, 480 in history. */
export const PAPER_EVOLUTION: Readonly<EvolutionConfig> = Object.freeze({
  population: 128,
  sampleSize: 64,
  children: 8,
  generations: 240,
  topK: 2,
});

/**
 * Playground default (§0: "finishes in minutes"): 16 + 10 × 4 = 56 scored subnets, sized for the Tiny space on CPU
 * (a few seconds of last-layer fine-tuning each). The ratios follow the paper: sample = population / 2,
 * children = population / 4 (paper: /16; more, so that ten generations still turn the population over 2.5 times).
 * With fewer than 20 generations every child is one mutation from its parent, as `numMutations` gives.
 */
export const DEFAULT_EVOLUTION: Readonly<EvolutionConfig> = Object.freeze({
  population: 16,
  sampleSize: 8,
  children: 4,
  generations: 10,
  topK: 2,
});

/** Architectures an evolution scores: population + generations × children. */
export function evolutionBudget(config: EvolutionConfig): number {
  return config.population + config.generations * config.children;
}

function whole(config: Record<string, unknown>, field: keyof EvolutionConfig, min: number): number {
  const v = config[field];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new RangeError(`${field} must be a whole number ≥ ${min}, got ${String(v)}`);
  }
  return v;
}

/**
 * Checks an evolution config (typed or from JSON).
 * @throws RangeError naming the bad setting, e.g. "sampleSize (20) must be at most population (16)"
 */
export function validateEvolutionConfig(config: unknown): asserts config is EvolutionConfig {
  if (typeof config !== 'object' || config === null) throw new RangeError('an evolution config must be an object');
  const c = config as Record<string, unknown>;
  const population = whole(c, 'population', 1);
  const sampleSize = whole(c, 'sampleSize', 1);
  const children = whole(c, 'children', 1);
  whole(c, 'generations', 0);
  const topK = whole(c, 'topK', 0);
  if (sampleSize > population) throw new RangeError(`sampleSize (${sampleSize}) must be at most population (${population})`);
  // Aging removes `children` members per generation; more than the population would discard children unseen.
  if (children > population) throw new RangeError(`children (${children}) must be at most population (${population})`);
  if (topK > children) throw new RangeError(`topK (${topK}) must be at most children (${children})`);
}

/**
 * Successive mutations per child in generation `gen` of `generations` (§10.1):
 * (G − gen) // max(20, G // 5) + 1. For G = 240: 6 at gen 0, 2 at gen 192, 1 from gen 193; 1 throughout when G < 20.
 */
export function numMutations(gen: number, generations: number): number {
  if (!Number.isInteger(gen) || !Number.isInteger(generations) || gen < 0 || gen >= generations) {
    throw new RangeError(`generation ${gen} is not in 0..${generations - 1}`);
  }
  return Math.floor((generations - gen) / Math.max(20, Math.floor(generations / 5))) + 1;
}

/** One generation, reported after aging. */
export interface GenerationReport {
  generation: number;
  parent: Candidate;
  /** The tournament: members drawn, in population (age) order. */
  sample: Candidate[];
  children: Candidate[];
  /** The oldest members, removed. */
  removed: Candidate[];
  /** The population after aging, oldest first. */
  population: Candidate[];
}

export interface EvolutionOptions extends SearchHooks {
  config: EvolutionConfig;
  onGeneration?: (report: GenerationReport) => void;
}

export interface EvolutionResult {
  /** Every scored architecture, in order: the initial population (generation −1), then each generation's children. */
  candidates: Candidate[];
  /** The top `topK` children of each generation, generation by generation (§10.1 step 6). */
  history: Candidate[];
  /** Lowest loss over all candidates (initial population included). */
  best: Candidate;
  /** The final population, oldest first. */
  population: Candidate[];
}

/**
 * A child (§10.1 steps 2–3): `count` successive mutations of the parent; while its key was already produced (as a
 * child or as an initial member: every scored key is new), `count` more mutations of the same child, as the
 * official loop does. A no-op mutation (same-value redraw) is simply absorbed by this loop.
 */
function makeChild(
  parent: Arch,
  count: number,
  space: SpaceConfig,
  rng: Rng,
  seen: Set<ArchKey>,
): { arch: Arch; key: ArchKey; mutations: number } {
  let arch = parent;
  for (let round = 1; round <= MAX_TRIES; round++) {
    for (let t = 0; t < count; t++) arch = mutateArch(arch, space, rng).arch;
    const key = archKey(arch);
    if (!seen.has(key)) {
      seen.add(key);
      return { arch, key, mutations: round * count };
    }
  }
  throw new SpaceExhausted('mutation', MAX_TRIES, seen.size);
}

/**
 * Regularized (aging) evolution (§10.1, `regularized_evolution_from_supernet`). Scores the initial population of
 * `population` distinct random architectures, then each generation: a tournament of `sampleSize` members drawn
 * without replacement picks the lowest-loss parent; `children` children, each numMutations(gen) mutations away,
 * are scored and appended; the `children` oldest members are removed; the top `topK` children join `history`.
 * Architectures are scored one at a time, in order; no key is ever scored twice.
 * @throws RangeError for a bad config or a space smaller than the budget; SearchCancelled (holding the partial
 *   candidates and history) when `signal` is aborted before a score; SpaceExhausted; or what `score` throws
 */
export async function runEvolution(options: EvolutionOptions): Promise<EvolutionResult> {
  const { space, config, rng } = options;
  validateSpace(space);
  validateEvolutionConfig(config);
  checkBudget(space, evolutionBudget(config), 'evolution budget (population + generations × children)');
  const log = new SearchLog(options);
  const streams = searchStreams(rng);
  let population: Candidate[] = [];
  for (let k = 0; k < config.population; k++) {
    const { arch, key } = log.drawNew(streams.population);
    population.push(await log.score(arch, key, { generation: -1 }));
  }
  for (let gen = 0; gen < config.generations; gen++) {
    const sample = chooseDistinct(streams.selection, population.length, config.sampleSize).map((j) => population[j]!);
    const parent = bestOf(sample);
    const count = numMutations(gen, config.generations);
    const children: Candidate[] = [];
    for (let c = 0; c < config.children; c++) {
      const { arch, key, mutations } = makeChild(parent.arch, count, space, streams.mutation, log.seen);
      children.push(await log.score(arch, key, { generation: gen, parentKey: parent.key, mutations }));
    }
    const removed = population.slice(0, config.children);
    population = [...population.slice(config.children), ...children];
    log.history.push(...[...children].sort(compareCandidates).slice(0, config.topK));
    options.onGeneration?.({ generation: gen, parent, sample, children, removed, population: [...population] });
  }
  return { candidates: log.candidates, history: log.history, best: bestOf(log.candidates), population };
}
