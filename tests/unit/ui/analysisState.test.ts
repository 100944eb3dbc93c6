// The search and rank reducers: results built from the worker's messages, job filtering, stop and failure.
import { describe, expect, it } from 'vitest';
import { INITIAL_SEARCH, searchReducer } from '../../../src/ui/panels/search/searchState.ts';
import type { SearchView } from '../../../src/ui/panels/search/searchState.ts';
import { INITIAL_RANK, mergePoint, rankReducer, rowsFromResult } from '../../../src/ui/panels/rank/rankState.ts';
import type { JobProgressMessage, RankDoneMessage, SearchRequest } from '../../../src/worker/protocol.ts';
import { ARCHS, baseline, candidate, correlation, finalist, KEYS } from './analysisFixtures.ts';

const REQUEST = { method: 'evolution' } as SearchRequest;
const progress = (id: number, done: number): JobProgressMessage => ({ type: 'jobProgress', id, job: 'search', stage: 'Scoring candidates', done, total: 6, etaSeconds: 3 });

function running(): SearchView {
  return searchReducer(INITIAL_SEARCH, { type: 'start', jobId: 1, request: REQUEST });
}

describe('searchReducer', () => {
  it('starts empty and running, forgetting the previous run', () => {
    const old = { ...running(), candidates: [candidate(0, -1, 0.5)], status: 'done' as const };
    const v = searchReducer(old, { type: 'start', jobId: 2, request: REQUEST });
    expect(v).toMatchObject({ status: 'running', jobId: 2, candidates: [], finals: [], request: REQUEST });
  });

  it('appends candidates and final models in arrival order, and keeps the latest progress', () => {
    let v = running();
    v = searchReducer(v, { type: 'started', msg: { type: 'searchStarted', id: 1, budget: 6, method: 'evolution' } });
    v = searchReducer(v, { type: 'candidate', msg: candidate(0, -1, 0.5) });
    v = searchReducer(v, { type: 'candidate', msg: candidate(1, -1, 0.4) });
    v = searchReducer(v, { type: 'progress', msg: progress(1, 2) });
    v = searchReducer(v, { type: 'final', jobId: 1, model: finalist('finalist 1', 1, 0.45) });
    v = searchReducer(v, { type: 'final', jobId: 1, model: baseline('Logistic regression', 0.52) });
    expect(v.budget).toBe(6);
    expect(v.candidates.map((c) => c.index)).toEqual([0, 1]);
    expect(v.finals.map((f) => f.name)).toEqual(['finalist 1', 'Logistic regression']);
    expect(v.progress?.done).toBe(2);
  });

  it('ignores messages of another job', () => {
    const v = running();
    expect(searchReducer(v, { type: 'candidate', msg: { ...candidate(0, -1, 0.5), id: 9 } })).toBe(v);
    expect(searchReducer(v, { type: 'final', jobId: 9, model: baseline('LR', 0.5) })).toBe(v);
  });

  it('ends done with the winner and skipped baselines, and ignores late messages', () => {
    let v = searchReducer(running(), { type: 'progress', msg: progress(1, 6) });
    v = searchReducer(v, { type: 'done', msg: { type: 'searchDone', id: 1, winnerKey: KEYS[1]!, skippedBaselines: [{ name: 'DeepFM-like', reason: 'needs FM' }] } });
    expect(v).toMatchObject({ status: 'done', winnerKey: KEYS[1], progress: undefined, skippedBaselines: [{ name: 'DeepFM-like', reason: 'needs FM' }] });
    expect(searchReducer(v, { type: 'candidate', msg: candidate(3, 0, 0.3) })).toBe(v);
  });

  it('goes stopping, then stopped, keeping what arrived', () => {
    let v = searchReducer(running(), { type: 'candidate', msg: candidate(0, -1, 0.5) });
    v = searchReducer(v, { type: 'stopRequested', jobId: 1 });
    expect(v.status).toBe('stopping');
    v = searchReducer(v, { type: 'stopped', jobId: 1 });
    expect(v.status).toBe('stopped');
    expect(v.candidates).toHaveLength(1);
  });

  it('records a failure with its code', () => {
    const v = searchReducer(running(), { type: 'failed', jobId: 1, error: { message: 'no supernet', code: 'noSupernet' } });
    expect(v).toMatchObject({ status: 'error', error: { message: 'no supernet', code: 'noSupernet' } });
  });
});

describe('rank reducer', () => {
  const point = (index: number, proxy?: number, standalone?: number) => ({
    type: 'rankPoint' as const,
    id: 1,
    index,
    key: KEYS[index]!,
    arch: ARCHS[index]!,
    ...(proxy !== undefined ? { proxy } : {}),
    ...(standalone !== undefined ? { standalone } : {}),
  });

  it('merges a point’s proxy and standalone losses into one row per index, in index order', () => {
    let rows = mergePoint([], point(2, 0.5));
    rows = mergePoint(rows, point(0, 0.4));
    rows = mergePoint(rows, point(2, undefined, 0.6));
    expect(rows.map((r) => [r.index, r.proxy, r.standalone])).toEqual([
      [0, 0.4, undefined],
      [2, 0.5, 0.6],
    ]);
  });

  it('takes the final rows from rankDone: standalone and cost per point, proxy from the default setting', () => {
    const done: RankDoneMessage = {
      type: 'rankDone',
      id: 1,
      k: 2,
      points: [0, 1].map((i) => ({ key: KEYS[i]!, arch: ARCHS[i]!, standalone: 0.5 + i / 10, flops: 100, params: 10 })),
      correlations: [correlation('NASRec (all techniques)', [1, 1, 1], [1, 1, 1], [0.3, 0.4]), correlation('no fine-tuning', [0, -1, 1], [0, -1, 1], [0.9, 0.8])],
    };
    expect(rowsFromResult(done).map((r) => [r.index, r.proxy, r.standalone, r.flops])).toEqual([
      [0, 0.3, 0.5, 100],
      [1, 0.4, 0.6, 100],
    ]);
    let v = rankReducer(INITIAL_RANK, { type: 'start', jobId: 1, request: { k: 2, proxy: { mode: 'last', steps: 1, valRows: 1 }, ablation: true, seed: 1 } });
    v = rankReducer(v, { type: 'point', msg: point(0, 0.3) });
    v = rankReducer(v, { type: 'done', msg: done });
    expect(v.status).toBe('done');
    expect(v.result).toBe(done);
    expect(v.rows).toHaveLength(2);
  });

  it('ignores another job’s points and stops like the search', () => {
    let v = rankReducer(INITIAL_RANK, { type: 'start', jobId: 3, request: { k: 3, proxy: { mode: 'last', steps: 1, valRows: 1 }, ablation: false, seed: 1 } });
    expect(rankReducer(v, { type: 'point', msg: point(0, 0.3) })).toBe(v);
    v = rankReducer(v, { type: 'stopRequested', jobId: 3 });
    v = rankReducer(v, { type: 'stopped', jobId: 3 });
    expect(v.status).toBe('stopped');
  });
});
