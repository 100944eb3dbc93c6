// The training job with a recorder: history and checkpoints land in the store, and a NaN loss stops the run before a checkpoint can keep it.
import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../src/core/data/types.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';
import { RunRecorder, unpackOptimizer } from '../../../src/worker/jobs/runRecorder.ts';
import { TrainingDiverged, TrainingJob } from '../../../src/worker/jobs/train.ts';
import type { FromWorker } from '../../../src/worker/protocol.ts';
import { RunStore } from '../../../src/worker/store/runStore.ts';
import { smallSample, TRAIN } from './trainFixture.ts';

let data: Dataset;
const train = TRAIN;
let dbCount = 0;

beforeAll(async () => {
  data = await smallSample();
});
afterEach(() => vi.restoreAllMocks());

/** A job recording into a fresh store with a fake clock that advances 1 s per reading (so a 3 s interval checkpoints every few steps). */
async function recordedJob(): Promise<{ job: TrainingJob; store: RunStore; runId: string; posted: FromWorker[] }> {
  const store = await RunStore.open({ name: `job-${++dbCount}` });
  const run = await store.createRun({ config: {}, data: { kind: 'sample', rows: 400, seed: 4 } });
  const posted: FromWorker[] = [];
  let t = 0;
  const recorder = new RunRecorder(store, run.id, 1, 3_000, (m) => posted.push(m), 0, () => (t += 1_000));
  const job = new TrainingJob({ id: 1, data, valBaseRateLogLoss: 0.5, space: SPACE_PRESETS.tiny, train, seed: 3, backend: 'cpu', post: (m) => posted.push(m), recorder });
  return { job, store, runId: run.id, posted };
}

describe('TrainingJob with a RunRecorder', () => {
  it('stores the loss history, the newest checkpoint with its optimizer state, and the final status', async () => {
    const { job, store, runId, posted } = await recordedJob();
    const trainer = await job.run();
    const history = await store.history(runId);
    expect(history.filter((p) => p.train !== undefined).map((p) => p.step)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(history.filter((p) => p.val !== undefined).map((p) => p.step)).toEqual([20, 40]);
    const run = await store.getRun(runId);
    expect(run).toMatchObject({ status: 'finished', lastStep: 40 });
    const checkpoints = await store.listCheckpoints(runId);
    expect(checkpoints.map((c) => c.step)).toEqual([40]); // older ones were replaced
    const latest = (await store.latestCheckpoint(runId))!;
    const { optimizer, embeddingAccumulators } = unpackOptimizer(latest.payload.optimizer!);
    expect(optimizer.length).toBe(trainer.net.variables.reduce((n, v) => n + v.size, 0));
    expect(embeddingAccumulators.length).toBe(trainer.embeddings.accumulators.reduce((n, a) => n + a.length, 0));
    expect(posted.filter((m) => m.type === 'checkpointSaved').length).toBeGreaterThan(2);
    expect(posted.some((m) => m.type === 'storageError')).toBe(false);
    trainer.dispose();
    store.close();
  });

  it('stops on a NaN loss with a message naming the step, marks the run failed, and keeps the last good checkpoint', async () => {
    const { job, store, runId, posted } = await recordedJob();
    const read = SupernetTrainer.prototype.readLosses;
    vi.spyOn(SupernetTrainer.prototype, 'readLosses').mockImplementation(async function (this: SupernetTrainer) {
      const losses = await read.call(this);
      return losses.map((l) => (l.step === 23 ? { ...l, value: NaN } : l));
    });
    const failure = job.run();
    await expect(failure).rejects.toBeInstanceOf(TrainingDiverged);
    await expect(failure).rejects.toThrow(/became NaN at step 23/);
    const run = await store.getRun(runId);
    expect(run.status).toBe('failed');
    expect(run.statusNote).toMatch(/step 23/);
    const saved = posted.filter((m): m is Extract<FromWorker, { type: 'checkpointSaved' }> => m.type === 'checkpointSaved').map((m) => m.step);
    expect(saved.length).toBeGreaterThan(0);
    expect(Math.max(...saved)).toBeLessThanOrEqual(23);
    expect((await store.latestCheckpoint(runId))!.step).toBe(Math.max(...saved));
    store.close();
  });
});
