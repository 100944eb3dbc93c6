// A training run that outlives its backend: a failure mid-run moves it to the next backend, resumed from its last
// checkpoint, and it ends exactly where a run without the failure ends; a diverged loss or cpu failure is final.
import 'fake-indexeddb/auto';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Dataset } from '../../../src/core/data/types.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { BackendFailure } from '../../../src/worker/backends/health.ts';
import { TrainingFailed, trainWithFailover } from '../../../src/worker/jobs/failover.ts';
import { RunRecorder } from '../../../src/worker/jobs/runRecorder.ts';
import type { Recording } from '../../../src/worker/jobs/runs.ts';
import { TrainingJob } from '../../../src/worker/jobs/train.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';
import type { BackendName, FromWorker } from '../../../src/worker/protocol.ts';
import { RunStore } from '../../../src/worker/store/runStore.ts';
import { smallSample, TRAIN } from './trainFixture.ts';

let data: Dataset;
const train = TRAIN;
let dbCount = 0;

beforeAll(async () => {
  // Every "backend" of these tests computes on tfjs's cpu backend, so a resumed run must match a straight one exactly.
  data = await smallSample();
});

interface Setup {
  store: RunStore;
  runId: string;
  posted: FromWorker[];
  recording: Recording;
  jobs: BackendName[];
  /** `makeJob` for trainWithFailover: the job fails with `failure` at `failAt` on the backends listed. */
  makeJob(failAt: number, on: readonly BackendName[], failure?: () => Error): (backend: BackendName, rec: Recording) => TrainingJob;
}

/** A recorded run whose clock ticks 1 s per reading, so a 3 s interval checkpoints every few steps. */
async function setup(): Promise<Setup> {
  const store = await RunStore.open({ name: `failover-${++dbCount}` });
  const run = await store.createRun({ config: {}, data: { kind: 'sample', rows: 400, seed: 4 } });
  const posted: FromWorker[] = [];
  let t = 0;
  const recorder = new RunRecorder(store, run.id, 1, 3_000, (m) => posted.push(m), 0, () => (t += 1_000));
  const jobs: BackendName[] = [];
  return {
    store,
    runId: run.id,
    posted,
    recording: { recorder, fromStep: 0 },
    jobs,
    makeJob: (failAt, on, failure) => (backend, rec) => {
      jobs.push(backend);
      let job: TrainingJob | undefined;
      const checkBackend = () => {
        if (on.includes(backend) && job!.reachedStep >= failAt) throw failure ? failure() : new BackendFailure(backend, 'the WebGPU device was lost (destroyed)');
      };
      job = new TrainingJob({ id: 1, data, valBaseRateLogLoss: 0.5, space: SPACE_PRESETS.tiny, train, seed: 3, backend, post: (m) => posted.push(m), checkBackend, ...rec });
      return job;
    },
  };
}

async function weightsOf(trainer: { net: { variables: readonly tf.Variable[] } }): Promise<number[]> {
  const out: number[] = [];
  for (const v of trainer.net.variables) out.push(...((await v.data()) as Float32Array));
  return out;
}

describe('trainWithFailover', () => {
  it('moves a run whose backend fails at step 23 to the next backend, resumes it from its last checkpoint, and ends as a straight run does', async () => {
    const straight = await setup();
    const reference = await trainWithFailover({ jobId: 1, backend: 'webgpu', recording: straight.recording, makeJob: straight.makeJob(Infinity, []), moveOff: async () => 'wasm', post: () => {} });

    const s = await setup();
    const moves: string[] = [];
    const done = await trainWithFailover({
      jobId: 1,
      backend: 'webgpu',
      recording: s.recording,
      makeJob: s.makeJob(23, ['webgpu']),
      moveOff: async (from, why) => {
        moves.push(`${from}: ${why}`);
        return 'wasm';
      },
      post: (m) => s.posted.push(m),
    });
    expect(s.jobs).toEqual(['webgpu', 'wasm']);
    expect(moves).toEqual(['webgpu: the WebGPU device was lost (destroyed)']);
    const switched = s.posted.filter((m): m is Extract<FromWorker, { type: 'backendSwitched' }> => m.type === 'backendSwitched');
    expect(switched).toHaveLength(1);
    const checkpointsBefore = s.posted.filter((m): m is Extract<FromWorker, { type: 'checkpointSaved' }> => m.type === 'checkpointSaved' && m.step <= 23).map((m) => m.step);
    expect(switched[0]).toMatchObject({ from: 'webgpu', to: 'wasm', atStep: 23, resumedFrom: Math.max(...checkpointsBefore) });
    expect(switched[0]!.resumedFrom).toBeGreaterThan(0);
    expect(done.trainer.step).toBe(40);
    expect(await weightsOf(done.trainer)).toEqual(await weightsOf(reference.trainer));
    expect(Array.from(done.trainer.embeddings.tables[0]!)).toEqual(Array.from(reference.trainer.embeddings.tables[0]!));
    // The stored history has each step once: the steps after the checkpoint were dropped and trained again.
    const steps = (await s.store.history(s.runId)).filter((p) => p.train !== undefined).map((p) => p.step);
    expect(steps).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(await s.store.getRun(s.runId)).toMatchObject({ status: 'finished', lastStep: 40 });
    done.trainer.dispose();
    reference.trainer.dispose();
  });

  it('keeps a stop sent to the failed job while the run moved: the next job ends at once, as stopped', async () => {
    const s = await setup();
    const made: TrainingJob[] = [];
    const makeJob = s.makeJob(10, ['webgpu']);
    const done = await trainWithFailover({
      jobId: 1,
      backend: 'webgpu',
      recording: s.recording,
      makeJob: (backend, rec, restart) => {
        const job = makeJob(backend, rec);
        made.push(job);
        expect(restart).toBe(made.length > 1);
        return job;
      },
      moveOff: async () => {
        made[0]!.control('stop'); // the user pressed Stop while the worker was choosing the next backend
        return 'wasm';
      },
      post: (m) => s.posted.push(m),
    });
    expect(s.jobs).toEqual(['webgpu', 'wasm']);
    const resumedFrom = (s.posted.find((m) => m.type === 'backendSwitched') as Extract<FromWorker, { type: 'backendSwitched' }>).resumedFrom!;
    expect(done.trainer.step).toBe(resumedFrom);
    expect(s.posted.filter((m) => m.type === 'trainDone').at(-1)).toMatchObject({ reason: 'stopped', step: resumedFrom });
    expect((await s.store.getRun(s.runId)).status).toBe('stopped');
    done.trainer.dispose();
  });

  it('starts again from step 0 when the failure comes before the first checkpoint', async () => {
    const s = await setup();
    const done = await trainWithFailover({ jobId: 1, backend: 'wasm', recording: s.recording, makeJob: s.makeJob(1, ['wasm']), moveOff: async () => 'cpu', post: (m) => s.posted.push(m) });
    expect(s.jobs).toEqual(['wasm', 'cpu']);
    expect(s.posted.find((m) => m.type === 'backendSwitched')).toMatchObject({ from: 'wasm', to: 'cpu', resumedFrom: 0 });
    expect(done.trainer.step).toBe(40);
    done.trainer.dispose();
  });

  it('gives up on the cpu backend, the last resort, with the error that ended the run', async () => {
    const s = await setup();
    const failing = trainWithFailover({
      jobId: 1,
      backend: 'wasm',
      recording: s.recording,
      makeJob: s.makeJob(5, ['wasm', 'cpu'], () => new Error('kernel Foo is broken')),
      moveOff: async () => 'cpu',
      post: (m) => s.posted.push(m),
    });
    await expect(failing).rejects.toBeInstanceOf(TrainingFailed);
    await expect(failing).rejects.toThrow(/Training stopped with an error: kernel Foo is broken/);
    expect(s.jobs).toEqual(['wasm', 'cpu']);
    expect((await s.store.getRun(s.runId)).status).toBe('failed');
  });

  it('does not blame the backend for a diverged loss: the run ends naming the step, on the backend it was on', async () => {
    const s = await setup();
    const read = SupernetTrainer.prototype.readLosses;
    const spy = vi.spyOn(SupernetTrainer.prototype, 'readLosses').mockImplementation(async function (this: SupernetTrainer) {
      return (await read.call(this)).map((l) => (l.step === 12 ? { ...l, value: Infinity } : l));
    });
    const moves: string[] = [];
    const failing = trainWithFailover({ jobId: 1, backend: 'webgpu', recording: s.recording, makeJob: s.makeJob(Infinity, []), moveOff: async (from) => (moves.push(from), 'wasm'), post: () => {} });
    await expect(failing).rejects.toMatchObject({ code: 'diverged', message: expect.stringMatching(/became Infinity at step 12/) });
    expect(s.jobs).toEqual(['webgpu']);
    expect(moves).toEqual([]);
    spy.mockRestore();
  });

  it('does not blame the backend for a bad setting: a RangeError ends the run at once', async () => {
    const s = await setup();
    const failing = trainWithFailover({
      jobId: 1,
      backend: 'webgpu',
      recording: s.recording,
      makeJob: s.makeJob(2, ['webgpu'], () => new RangeError('cannot resume at step -1')),
      moveOff: async () => 'wasm',
      post: () => {},
    });
    await expect(failing).rejects.toMatchObject({ code: 'resume' });
    expect(s.jobs).toEqual(['webgpu']);
  });
});
