// The run store (IndexedDB through fake-indexeddb): runs, history and checkpoints survive a reopen; delete, prune and quota errors behave.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { RunNotFoundError, RunStore, StorageQuotaError, type StoredDataSource } from '../../../src/worker/store/runStore.ts';
import type { ArchKey } from '../../../src/core/space/types.ts';

let dbCount = 0;
const stores: RunStore[] = [];
/** A store over a fresh database, with a clock that ticks 1 s per call and ids run-1, run-2, …. */
async function freshStore(name = `test-${++dbCount}`): Promise<{ store: RunStore; name: string }> {
  let t = 1_000;
  let ids = 0;
  const store = await RunStore.open({ name, now: () => (t += 1_000), newId: () => `run-${++ids}` });
  stores.push(store);
  return { store, name };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const SAMPLE: StoredDataSource = { kind: 'sample', rows: 400_000, seed: 1 };
const FILE: StoredDataSource = { kind: 'file', name: 'train.tsv', size: 12_345, lastModified: 99 };

describe('RunStore runs', () => {
  it('creates runs named Run 1, Run 2 …, lists them newest first, and keeps them across a reopen', async () => {
    const { store, name } = await freshStore();
    const a = await store.createRun({ config: { seed: 1 }, data: SAMPLE });
    const b = await store.createRun({ config: { seed: 2 }, data: FILE });
    expect([a.name, b.name]).toEqual(['Run 1', 'Run 2']);
    expect(a.status).toBe('created');
    expect((await store.listRuns()).map((r) => r.id)).toEqual([b.id, a.id]);
    store.close();
    const reopened = await RunStore.open({ name });
    stores.push(reopened);
    expect(await reopened.getRun(b.id)).toEqual(b);
    expect((await reopened.getRun(b.id)).data).toEqual(FILE);
  });

  it('renames (trimmed), updates status and results, and refuses empty or overlong names', async () => {
    const { store } = await freshStore();
    const run = await store.createRun({ config: {}, data: SAMPLE });
    const renamed = await store.renameRun(run.id, '  Tiny, seed 7  ');
    expect(renamed.name).toBe('Tiny, seed 7');
    expect(renamed.updatedAt).toBeGreaterThan(run.updatedAt);
    const done = await store.updateRun(run.id, { status: 'finished' });
    expect(done).toMatchObject({ name: 'Tiny, seed 7', status: 'finished', results: {}, createdAt: run.createdAt });
    await expect(store.renameRun(run.id, '   ')).rejects.toThrow(/needs a name/);
    await expect(store.renameRun(run.id, 'x'.repeat(101))).rejects.toThrow(/at most 100/);
    // The list's order follows updates: the updated run comes first.
    const other = await store.createRun({ config: {}, data: SAMPLE });
    await store.updateRun(run.id, { status: 'stopped' });
    expect((await store.listRuns()).map((r) => r.id)).toEqual([run.id, other.id]);
  });

  it('keeps the latest search and rank results of a run, each replacing only its own kind', async () => {
    const { store } = await freshStore();
    const run = await store.createRun({ config: {}, data: SAMPLE });
    const search = { status: 'finished', startedAt: 1, updatedAt: 2, method: 'evolution', budget: 2, seed: 1, candidates: [], finals: [], winnerKey: 'k' as ArchKey } as const;
    const rank = { status: 'running', startedAt: 3, updatedAt: 4, k: 0, seed: 2, points: [], correlations: [] } as const;
    await store.setResult(run.id, 'search', { ...search, candidates: [], finals: [] });
    await store.setResult(run.id, 'rank', { ...rank, points: [], correlations: [] });
    expect((await store.getRun(run.id)).results).toEqual({ search, rank });
    await store.setResult(run.id, 'search', { ...search, winnerKey: 'other' as ArchKey, candidates: [], finals: [] });
    const after = (await store.getRun(run.id)).results;
    expect(after.search?.winnerKey).toBe('other');
    expect(after.rank).toEqual(rank);
    await expect(store.setResult('nope', 'rank', { ...rank, points: [], correlations: [] })).rejects.toBeInstanceOf(RunNotFoundError);
  });

  it('says which run is missing instead of writing a new one', async () => {
    const { store } = await freshStore();
    await expect(store.getRun('nope')).rejects.toBeInstanceOf(RunNotFoundError);
    await expect(store.updateRun('nope', { status: 'stopped' })).rejects.toThrow(/No stored run has the id nope/);
    await expect(store.appendHistory('nope', [{ step: 1, train: 0.5 }])).rejects.toBeInstanceOf(RunNotFoundError);
    expect(await store.listRuns()).toEqual([]);
  });
});

describe('RunStore history', () => {
  it('appends loss points in chunks, reads them back in order, moves lastStep, and truncates after a step', async () => {
    const { store } = await freshStore();
    const run = await store.createRun({ config: {}, data: SAMPLE });
    await store.appendHistory(run.id, [{ step: 10, train: 0.6 }, { step: 20, train: 0.55, val: 0.57 }]);
    await store.appendHistory(run.id, []);
    await store.appendHistory(run.id, [{ step: 30, train: 0.52 }]);
    expect(await store.history(run.id)).toEqual([{ step: 10, train: 0.6 }, { step: 20, train: 0.55, val: 0.57 }, { step: 30, train: 0.52 }]);
    expect((await store.getRun(run.id)).lastStep).toBe(30);
    await store.truncateHistory(run.id, 15);
    expect(await store.history(run.id)).toEqual([{ step: 10, train: 0.6 }]);
  });
});

describe('RunStore checkpoints', () => {
  const payload = (step: number, n = 4) => ({
    step,
    meta: { steps: step },
    weights: Float32Array.from({ length: n }, (_, i) => i + step),
    embeddings: new Float32Array([step, -step]),
    optimizer: new Float32Array([0.5]),
  });

  it('stores and returns the latest checkpoint with its numbers exactly, and only the view’s bytes', async () => {
    const { store, name } = await freshStore();
    const run = await store.createRun({ config: {}, data: SAMPLE });
    const big = new Float32Array(100).fill(7);
    await store.putCheckpoint(run.id, { ...payload(100), weights: big.subarray(10, 14) });
    await store.putCheckpoint(run.id, payload(300));
    await store.putCheckpoint(run.id, payload(200));
    store.close();
    const reopened = await RunStore.open({ name });
    stores.push(reopened);
    const latest = await reopened.latestCheckpoint(run.id);
    expect(latest?.step).toBe(300);
    expect(Array.from(latest!.payload.weights)).toEqual([300, 301, 302, 303]);
    expect(Array.from(latest!.payload.embeddings)).toEqual([300, -300]);
    expect(Array.from(latest!.payload.optimizer!)).toEqual([0.5]);
    expect(latest!.payload.meta).toEqual({ steps: 300 });
    expect((await reopened.listCheckpoints(run.id)).find((c) => c.step === 100)?.bytes).toBe((4 + 2 + 1) * 4);
    expect((await reopened.getRun(run.id)).lastStep).toBe(300);
    expect(await reopened.latestCheckpoint('other')).toBeUndefined();
  });

  it('prunes the oldest checkpoints but keeps each run’s newest, and deleting a run removes its history and checkpoints', async () => {
    const { store } = await freshStore();
    const a = await store.createRun({ config: {}, data: SAMPLE });
    const b = await store.createRun({ config: {}, data: SAMPLE });
    for (const step of [100, 200, 300]) await store.putCheckpoint(a.id, payload(step));
    await store.putCheckpoint(b.id, payload(50));
    const pruned = await store.pruneCheckpoints(1);
    expect(pruned).toEqual({ removed: 2, bytes: 2 * (4 + 2 + 1) * 4 });
    expect((await store.listCheckpoints()).map((c) => `${c.runId}@${c.step}`).sort()).toEqual([`${a.id}@300`, `${b.id}@50`]);
    expect(await store.pruneCheckpoints(0)).toEqual({ removed: 0, bytes: 0 }); // never below one per run
    await store.putCheckpoint(a.id, payload(400));
    expect(await store.deleteCheckpointsBefore(a.id, 400)).toBe(1);
    expect((await store.listCheckpoints(a.id)).map((c) => c.step)).toEqual([400]);

    await store.appendHistory(a.id, [{ step: 1, train: 1 }]);
    await store.deleteRun(a.id);
    await expect(store.getRun(a.id)).rejects.toBeInstanceOf(RunNotFoundError);
    expect(await store.history(a.id)).toEqual([]);
    expect(await store.listCheckpoints(a.id)).toEqual([]);
    expect((await store.listCheckpoints(b.id)).map((c) => c.step)).toEqual([50]);
  });

  it('reports a full quota as a StorageQuotaError that says what to do, and leaves the stored data intact', async () => {
    const { store } = await freshStore();
    const run = await store.createRun({ config: {}, data: SAMPLE });
    await store.putCheckpoint(run.id, payload(100));
    const { IDBObjectStore: FakeStore } = globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } };
    const put = FakeStore.prototype.put;
    FakeStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const failure = store.putCheckpoint(run.id, payload(200));
      await expect(failure).rejects.toBeInstanceOf(StorageQuotaError);
      await expect(store.putCheckpoint(run.id, payload(200))).rejects.toThrow(/no room left to store a checkpoint .*Delete old runs or prune checkpoints/);
    } finally {
      FakeStore.prototype.put = put;
    }
    expect((await store.latestCheckpoint(run.id))?.step).toBe(100);
  });
});
