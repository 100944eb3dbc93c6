// Search and rank results kept with the run whose supernet they used: every candidate, the finals and the winner,
// written while the job runs and marked with how it ended; other jobs' messages pass through untouched.
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ResultRecorder } from '../../../src/worker/jobs/resultRecorder.ts';
import type { CandidateMessage, FinalModelSummary, FromWorker } from '../../../src/worker/protocol.ts';
import { RunStore } from '../../../src/worker/store/runStore.ts';
import type { Arch, ArchKey } from '../../../src/core/space/types.ts';

let dbCount = 0;
const arch: Arch = { blocks: [] };
const key = (k: string) => k as ArchKey;

async function fixture(clock: () => number) {
  const store = await RunStore.open({ name: `results-${++dbCount}` });
  const run = await store.createRun({ config: {}, data: { kind: 'sample', rows: 10, seed: 1 } });
  const posted: FromWorker[] = [];
  return { store, runId: run.id, posted, recorder: (kind: 'search' | 'rank') => new ResultRecorder(store, run.id, kind, 7, 42, (m) => posted.push(m), clock) };
}

const candidate = (index: number, loss: number): CandidateMessage => ({ type: 'searchCandidate', id: 7, index, generation: -1, key: key(`a${index}`), arch, loss, flops: 10, params: 5 });
const final = (name: string, role: 'finalist' | 'baseline', k: string | undefined, logLoss: number): FinalModelSummary => ({
  name,
  role,
  ...(k ? { key: key(k), arch } : {}),
  valLoss: logLoss,
  test: { logLoss, auc: 0.7, normalizedEntropy: 0.9, calibration: 1 },
  params: 5,
  flops: 10,
});

describe('ResultRecorder', () => {
  it('stores a search as it goes: candidates every few seconds, then the finals, the winner and "finished" at the end', async () => {
    let t = 0;
    const { store, runId, posted, recorder } = await fixture(() => t);
    const r = recorder('search');
    r.tee({ type: 'searchStarted', id: 7, budget: 3, method: 'random' });
    r.tee(candidate(0, 0.5));
    t = 5_000;
    r.tee(candidate(1, 0.4));
    r.tee(candidate(2, 0.45)); // within 3 s of the last write: kept for the next one
    await vi.waitFor(async () => expect((await store.getRun(runId)).results.search?.candidates.map((c) => c.index)).toEqual([0, 1]));
    const mid = (await store.getRun(runId)).results.search!;
    expect(mid).toMatchObject({ status: 'running', method: 'random', budget: 3, seed: 42 });
    // Nothing more is written until the next interval or the end.
    await new Promise((done) => setTimeout(done, 50));
    expect((await store.getRun(runId)).results.search?.candidates).toHaveLength(2);
    r.tee({ type: 'finalModel', id: 7, model: final('finalist 1', 'finalist', 'a1', 0.41) });
    r.tee({ type: 'finalModel', id: 7, model: final('DLRM-like', 'baseline', undefined, 0.42) });
    r.tee({ type: 'searchDone', id: 7, winnerKey: key('a1'), skippedBaselines: [] });
    await r.end('finished');
    const stored = (await store.getRun(runId)).results.search!;
    expect(stored.status).toBe('finished');
    expect(stored.candidates.map((c) => [c.index, c.loss])).toEqual([
      [0, 0.5],
      [1, 0.4],
      [2, 0.45],
    ]);
    expect(stored.finals.map((f) => f.name)).toEqual(['finalist 1', 'DLRM-like']);
    expect(stored.winnerKey).toBe('a1');
    // Every message was passed on as it came.
    expect(posted.map((m) => m.type)).toEqual(['searchStarted', 'searchCandidate', 'searchCandidate', 'searchCandidate', 'finalModel', 'finalModel', 'searchDone']);
  });

  it('stores a rank check point by point and its correlations, and marks a cancelled one "stopped"', async () => {
    const { store, runId, recorder } = await fixture(() => 0);
    const r = recorder('rank');
    r.tee({ type: 'rankPoint', id: 7, index: 0, key: key('a'), arch, proxy: 0.5 });
    r.tee({ type: 'rankPoint', id: 7, index: 1, key: key('b'), arch, proxy: 0.6 });
    r.tee({ type: 'rankPoint', id: 7, index: 0, key: key('a'), arch, standalone: 0.45 });
    await r.end('stopped');
    const rank = (await store.getRun(runId)).results.rank!;
    expect(rank.status).toBe('stopped');
    expect(rank.points).toEqual([
      { key: 'a', arch, proxy: 0.5, standalone: 0.45 },
      { key: 'b', arch, proxy: 0.6 },
    ]);
  });

  it("holds the job's last message back until the final state is stored, so a list read on it finds the results", async () => {
    const { store, runId, posted, recorder } = await fixture(() => 0);
    const r = recorder('search');
    expect(posted).toEqual([]);
    const ending = r.end('finished', { type: 'searchDone', id: 7, winnerKey: key('w'), skippedBaselines: [] });
    expect(posted).toEqual([]);
    await ending;
    expect(posted.map((m) => m.type)).toEqual(['searchDone']);
    expect((await store.getRun(runId)).results.search).toMatchObject({ status: 'finished', winnerKey: 'w' });
  });

  it("leaves other jobs' messages alone and keeps the search of a run when a rank check is stored", async () => {
    const { store, runId, posted, recorder } = await fixture(() => 0);
    const s = recorder('search');
    s.tee({ type: 'searchDone', id: 7, winnerKey: key('w'), skippedBaselines: [] });
    await s.end('finished');
    const r = recorder('rank');
    r.tee({ type: 'backend', name: 'wasm' });
    r.tee({ ...candidate(0, 0.3), id: 99 });
    await r.end('failed');
    const results = (await store.getRun(runId)).results;
    expect(results.search?.winnerKey).toBe('w');
    expect(results.rank).toMatchObject({ status: 'failed', points: [] });
    expect(posted.map((m) => m.type)).toEqual(['searchDone', 'backend', 'searchCandidate']);
  });
});
