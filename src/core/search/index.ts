// The search layer's public surface: regularized evolution and random search over a space, scored by the caller.
export {
  runEvolution,
  numMutations,
  evolutionBudget,
  validateEvolutionConfig,
  PAPER_EVOLUTION,
  DEFAULT_EVOLUTION,
  type EvolutionConfig,
  type EvolutionOptions,
  type EvolutionResult,
  type GenerationReport,
} from './evolution.ts';
export {
  runRandomSearch,
  compareCandidates,
  bestOf,
  SearchCancelled,
  SpaceExhausted,
  MAX_TRIES,
  type Candidate,
  type Scorer,
  type SearchHooks,
} from './randomSearch.ts';
export {
  rankCorrelation,
  kendallTauB,
  spearmanRho,
  averageRanks,
  bootstrapCI,
  topKOverlap,
  defaultTopK,
  type RankCorrelation,
} from './rankStats.ts';
export { ProxyScorer, proxyConfig, validateProxyConfig, type FineTuneMode, type ProxyConfig } from './proxy.ts';
