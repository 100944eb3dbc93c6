// The whole search on a trained supernet: proxy-scored evolution or random search, finalists retrained, baselines.
import type { CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import type { NasrecSupernet } from '../model/types.ts';
import type { Rng } from '../rng.ts';
import type { Arch, SpaceConfig } from '../space/types.ts';
import type { EmbeddingTables } from '../train/embeddings.ts';
import type { ScratchConfig } from '../train/fromScratch.ts';
import { DEFAULT_EVOLUTION, evolutionBudget, runEvolution, validateEvolutionConfig, type EvolutionConfig } from './evolution.ts';
import { baselineSpecs, trainArch, trainBaseline, type FinalModel } from './finalModels.ts';
import { ProxyScorer, type ProxyConfig } from './proxy.ts';
import { compareCandidates, runRandomSearch, type Candidate } from './randomSearch.ts';

export type SearchMethod = 'evolution' | 'random';

export interface SearchConfig {
  method: SearchMethod;
  evolution: EvolutionConfig;
  /** Random search's budget; by default the evolution's (population + generations × children). */
  randomBudget?: number;
  proxy: ProxyConfig;
  /** The best `finalists` candidates by proxy loss are retrained from scratch (§10.1: top 15). */
  finalists: number;
  /** Recipe of every from-scratch model: finalists and baselines alike. */
  scratch: ScratchConfig;
  /** Train the baselines too (default true). */
  baselines?: boolean;
}

/** Search settings with the playground's defaults (minutes for the Tiny space on the CPU fallback). */
export function searchConfig(proxy: ProxyConfig, scratch: ScratchConfig, overrides: Partial<SearchConfig> = {}): SearchConfig {
  return { method: 'evolution', evolution: { ...DEFAULT_EVOLUTION }, proxy, finalists: 3, scratch, baselines: true, ...overrides };
}

export type SearchStage = 'search' | 'finalists' | 'baselines';

export interface SearchProgress {
  stage: SearchStage;
  /** Units done and total in this stage: candidates scored, or models trained. */
  done: number;
  total: number;
  /** The model being trained (finalists, baselines). */
  model?: string;
}

export interface SearchReport {
  method: SearchMethod;
  candidates: Candidate[];
  finalists: FinalModel[];
  /** The finalist with the best validation loss; its test metrics are the search's result. It keeps its trained `weights`. */
  winner: FinalModel;
  baselines: FinalModel[];
  /** Baselines the space cannot express, with the reason. */
  skippedBaselines: { name: string; reason: string }[];
}

export interface SearchJobOptions {
  data: Dataset;
  space: SpaceConfig;
  /** The trained supernet and its embedding tables (frozen while scoring, §9). */
  net: NasrecSupernet;
  embeddings: EmbeddingTables;
  config: SearchConfig;
  rng: Rng;
  signal?: CancelSignal;
  onCandidate?: (c: Candidate) => void;
  onProgress?: (p: SearchProgress) => void;
  onFinalModel?: (m: FinalModel, role: 'finalist' | 'baseline') => void;
}

/** Runs search → finalists → baselines. Every random choice comes from named streams of `rng`. */
export async function runSearchJob(options: SearchJobOptions): Promise<SearchReport> {
  const { config, space, data, signal } = options;
  validateEvolutionConfig(config.evolution);
  if (!Number.isInteger(config.finalists) || config.finalists < 1) throw new RangeError(`finalists must be a whole number ≥ 1, got ${String(config.finalists)}`);
  const scorer = new ProxyScorer(options.net, options.embeddings, data, config.proxy);
  const budget = config.method === 'evolution' ? evolutionBudget(config.evolution) : (config.randomBudget ?? evolutionBudget(config.evolution));
  let scored = 0;
  const hooks = {
    space,
    rng: options.rng.stream('search'),
    score: (arch: Arch) => scorer.score(arch, signal),
    signal,
    onCandidate: (c: Candidate) => {
      options.onCandidate?.(c);
      options.onProgress?.({ stage: 'search', done: ++scored, total: budget });
    },
  };
  options.onProgress?.({ stage: 'search', done: 0, total: budget });
  const { candidates } =
    config.method === 'evolution' ? await runEvolution({ ...hooks, config: config.evolution }) : await runRandomSearch({ ...hooks, budget });

  const top = [...candidates].sort(compareCandidates).slice(0, config.finalists);
  const finalists: FinalModel[] = [];
  for (const [i, c] of top.entries()) {
    options.onProgress?.({ stage: 'finalists', done: i, total: top.length, model: c.key });
    // Only the winner's weights are kept (they can be exported): a finalist keeps its own only when it beats the
    // best so far (ties go to the earlier one, as the winner's choice below), which then lets go of its own.
    const best = finalists.reduce<FinalModel | undefined>((a, b) => (a === undefined || b.valLoss < a.valLoss ? b : a), undefined);
    const keepWeights = (valLoss: number) => best === undefined || valLoss < best.valLoss;
    const model = await trainArch(`finalist ${i + 1}`, c.arch, { data, space, scratch: config.scratch, rng: options.rng.stream(`finalist:${c.key}`), signal, keepWeights });
    if (best && model.weights) delete best.weights;
    finalists.push(model);
    options.onFinalModel?.(model, 'finalist');
  }
  const winner = finalists.reduce((a, b) => (b.valLoss < a.valLoss ? b : a));

  const baselines: FinalModel[] = [];
  const skippedBaselines: { name: string; reason: string }[] = [];
  const specs = config.baselines === false ? [] : baselineSpecs(space);
  for (const [i, spec] of specs.entries()) {
    options.onProgress?.({ stage: 'baselines', done: i, total: specs.length, model: spec.name });
    const model = await trainBaseline(spec, { data, space, scratch: config.scratch, rng: options.rng.stream(`baseline:${spec.name}`), signal });
    if ('reason' in model) skippedBaselines.push(model);
    else {
      baselines.push(model);
      options.onFinalModel?.(model, 'baseline');
    }
  }
  options.onProgress?.({ stage: 'baselines', done: specs.length, total: specs.length });
  return { method: config.method, candidates, finalists, winner, baselines, skippedBaselines };
}
