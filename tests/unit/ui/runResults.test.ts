// The runs list's view of stored results: the search winner, τ with its interval, and two runs side by side.
import { describe, expect, it } from 'vitest';
import { compareRows, searchText, searchWinner, tauText } from '../../../src/ui/panels/runs/runResults.ts';
import type { FinalModelSummary, RunSummary, StoredRank, StoredSearch } from '../../../src/worker/protocol.ts';
import type { ArchKey } from '../../../src/core/space/types.ts';
import type { RankCorrelationSummary } from '../../../src/core/search/rankJob.ts';

const metrics = (logLoss: number) => ({ logLoss, auc: 0.69, normalizedEntropy: 0.92, calibration: 1 });
const final = (name: string, role: 'finalist' | 'baseline', key: string | undefined, logLoss: number): FinalModelSummary => ({
  name,
  role,
  ...(key ? { key: key as ArchKey, arch: { blocks: [] } } : {}),
  valLoss: logLoss,
  test: metrics(logLoss),
  params: 1,
  flops: 1,
});
const search: StoredSearch = {
  status: 'finished',
  startedAt: 0,
  updatedAt: 1,
  method: 'evolution',
  budget: 3,
  seed: 1,
  candidates: [{ index: 0, generation: -1, key: 'a' as ArchKey, loss: 0.5, flops: 1, params: 1 }],
  finals: [final('finalist 1', 'finalist', 'a', 0.4922), final('finalist 2', 'finalist', 'b', 0.4925), final('DeepFM-like', 'baseline', undefined, 0.4914), final('LR', 'baseline', undefined, 0.5089)],
  winnerKey: 'a' as ArchKey,
};
const correlation = (name: string, tau: number): RankCorrelationSummary => ({
  name,
  strategy: 'single-path',
  interactionModules: true,
  fineTune: 'last',
  kendallTau: tau,
  kendallCI: [tau - 0.4, tau + 0.4],
  spearmanRho: tau + 0.1,
  spearmanCI: [0, 1],
  topKOverlap: 2 / 3,
  topK: 3,
  proxy: [],
});
const rank: StoredRank = { status: 'finished', startedAt: 0, updatedAt: 1, k: 12, seed: 1, points: [], correlations: [correlation('NASRec (all techniques)', 0.21), correlation('single-path sampling', 0.06)] };
const run = (id: string, results: RunSummary['results']): RunSummary => ({ id, name: id, createdAt: 0, updatedAt: 0, status: 'finished', config: {}, data: { kind: 'sample', rows: 1, seed: 1 }, lastStep: 1250, results });
const nameOf = (k: string) => `arch ${k}`;

describe('stored results in words', () => {
  it('names the winner with its test log loss, or how far an unfinished search got', () => {
    expect(searchWinner(search)?.name).toBe('finalist 1');
    expect(searchText(search, nameOf)).toBe('arch a: 0.4922');
    expect(searchText({ ...search, status: 'stopped', winnerKey: undefined, budget: 56 }, nameOf)).toBe('stopped, 1 of 56 scored');
    // Stored as running: running while this page runs it, otherwise cut off by a reload or a crash.
    expect(searchText({ ...search, status: 'running', winnerKey: undefined, budget: 56 }, nameOf, true)).toBe('running, 1 of 56 scored');
    expect(searchText({ ...search, status: 'running', winnerKey: undefined, budget: 56 }, nameOf)).toBe('interrupted, 1 of 56 scored');
    expect(searchText(undefined, nameOf)).toBe('—');
  });

  it("writes τ with its 95 % interval (minus signs typeset), or the check's state", () => {
    expect(tauText(rank)).toBe('0.21 [−0.19, 0.61]');
    expect(tauText({ ...rank, status: 'running', correlations: [] }, true)).toBe('running: no τ yet');
    expect(tauText({ ...rank, status: 'running', correlations: [] })).toBe('interrupted: no τ yet');
    expect(tauText(undefined)).toBe('—');
  });
});

describe('compareRows', () => {
  it('puts two runs side by side: training, winner, best baseline, τ, ρ and each ablation', () => {
    const rows = compareRows([run('A', { search, rank }), run('B', {})], [0.4801, undefined], nameOf);
    const byLabel = new Map(rows.map((r) => [r.label, r.values]));
    expect(byLabel.get('Steps trained')).toEqual(['1,250', '1,250']);
    expect(byLabel.get('Last validation loss (supernet)')).toEqual(['0.4801', '—']);
    expect(byLabel.get('Winner')).toEqual(['arch a', '—']);
    expect(byLabel.get('Winner test log loss')).toEqual(['0.4922', '—']);
    expect(byLabel.get('Best baseline (test log loss)')).toEqual(['DeepFM-like: 0.4914', '—']);
    expect(byLabel.get('Rank check K')).toEqual(['12', '—']);
    expect(byLabel.get("Kendall's τ [95 % CI]")).toEqual(['0.21 [−0.19, 0.61]', '—']);
    expect(byLabel.get("Spearman's ρ")).toEqual(['0.31', '—']);
    expect(byLabel.get('τ, single-path sampling')).toEqual(['0.06 [−0.34, 0.46]', '—']);
    expect(byLabel.get('Search')).toEqual(['evolution, 1 scored (finished)', 'none']);
  });
});
