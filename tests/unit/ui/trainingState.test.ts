// The training panel's reducer: histories rebuilt from the worker's deltas, job filtering, pause/resume, reset.
import { describe, expect, it } from 'vitest';
import { appendByStep, initialView, isLive, trainingReducer } from '../../../src/ui/panels/training/trainingState.ts';
import type { TrainingView } from '../../../src/ui/panels/training/trainingState.ts';
import type { OpCountsDelta, TrainProgressMessage } from '../../../src/worker/protocol.ts';
import type { PathBlock } from '../../../src/core/space/types.ts';

const NO_OPS: OpCountsDelta = { dense: [], sparse: [], denseParams: [], sparseParams: [] };
const pathBlock: PathBlock = {
  denseIdx: [0],
  sparseIdx: [0],
  left: 0,
  right: 0,
  denseOps: ['fc'],
  sparseOps: ['efc'],
  denseDim: 16,
  sparseDim: 8,
  interact: false,
  deepFm: false,
};

function progress(over: Partial<TrainProgressMessage> = {}): TrainProgressMessage {
  return {
    type: 'trainProgress',
    id: 7,
    step: 10,
    totalSteps: 100,
    state: 'running',
    samplesPerSec: 1000,
    stepsPerSec: 2,
    lr: 0.1,
    loss: [],
    val: [],
    sampled: { blocks: [], full: false },
    opCounts: NO_OPS,
    ...over,
  };
}

/** A view of job 7 that the worker has confirmed is running. */
function running(): TrainingView {
  let v = trainingReducer(initialView(1, 100), { type: 'start', jobId: 7, seed: 3, totalSteps: 100 });
  v = trainingReducer(v, { type: 'started', msg: { type: 'trainStarted', id: 7, backend: 'cpu', totalSteps: 120, supernetParams: 5000, baseRateLogLoss: 0.5 } });
  return v;
}

describe('initialView and isLive', () => {
  it('starts idle with empty histories and the given seed and step count', () => {
    const v = initialView(42, 300);
    expect(v).toMatchObject({ status: 'idle', jobId: 0, seed: 42, totalSteps: 300, step: 0, loss: [], val: [], pending: undefined });
  });

  it('counts only starting, running and paused as live', () => {
    expect(['starting', 'running', 'paused'].map((s) => isLive(s as never))).toEqual([true, true, true]);
    expect(['idle', 'finished', 'stopped', 'error'].map((s) => isLive(s as never))).toEqual([false, false, false, false]);
  });
});

describe('trainingReducer: start and started', () => {
  it('a start action gives a fresh starting view for the new job, dropping the old history', () => {
    const old = trainingReducer(running(), { type: 'progress', msg: progress({ loss: [{ step: 1, value: 0.7 }] }) });
    const v = trainingReducer(old, { type: 'start', jobId: 8, seed: 9, totalSteps: 50 });
    expect(v).toMatchObject({ status: 'starting', jobId: 8, seed: 9, totalSteps: 50, loss: [], val: [] });
  });

  it('trainStarted for the current job moves starting to running and records backend and sizes', () => {
    const v = running();
    expect(v).toMatchObject({ status: 'running', backend: 'cpu', totalSteps: 120, supernetParams: 5000, baseRateLogLoss: 0.5 });
  });

  it('trainStarted for another job leaves the view untouched', () => {
    const v = trainingReducer(initialView(1, 100), { type: 'start', jobId: 7, seed: 3, totalSteps: 100 });
    const after = trainingReducer(v, { type: 'started', msg: { type: 'trainStarted', id: 6, backend: 'wasm', totalSteps: 1, supernetParams: 1, baseRateLogLoss: 1 } });
    expect(after).toBe(v);
  });
});

describe('trainingReducer: progress deltas', () => {
  it('appends each delta of loss points to the history in order', () => {
    let v = running();
    v = trainingReducer(v, { type: 'progress', msg: progress({ step: 2, loss: [{ step: 1, value: 0.9 }, { step: 2, value: 0.8 }] }) });
    v = trainingReducer(v, { type: 'progress', msg: progress({ step: 3, loss: [{ step: 3, value: 0.7 }] }) });
    v = trainingReducer(v, { type: 'progress', msg: progress({ step: 3, loss: [] }) });
    expect(v.loss).toEqual([
      { step: 1, value: 0.9 },
      { step: 2, value: 0.8 },
      { step: 3, value: 0.7 },
    ]);
    expect(v.step).toBe(3);
  });

  it('copies the scalar figures of the latest message', () => {
    const v = trainingReducer(running(), { type: 'progress', msg: progress({ step: 33, totalSteps: 99, samplesPerSec: 512, stepsPerSec: 4, lr: 0.05 }) });
    expect(v).toMatchObject({ step: 33, totalSteps: 99, samplesPerSec: 512, stepsPerSec: 4, lr: 0.05 });
  });

  it('a validation point for a step already in the history replaces it instead of adding a second one', () => {
    let v = running();
    v = trainingReducer(v, { type: 'progress', msg: progress({ val: [{ step: 50, value: 0.6 }] }) });
    v = trainingReducer(v, { type: 'progress', msg: progress({ val: [{ step: 100, value: 0.55 }] }) });
    v = trainingReducer(v, { type: 'progress', msg: progress({ val: [{ step: 100, value: 0.54 }] }) });
    expect(v.val).toEqual([
      { step: 50, value: 0.6 },
      { step: 100, value: 0.54 },
    ]);
  });

  it('does not mutate the previous view’s histories', () => {
    const before = trainingReducer(running(), { type: 'progress', msg: progress({ loss: [{ step: 1, value: 1 }], val: [{ step: 1, value: 2 }] }) });
    const lossCopy = [...before.loss];
    const valCopy = [...before.val];
    trainingReducer(before, { type: 'progress', msg: progress({ loss: [{ step: 2, value: 3 }], val: [{ step: 1, value: 9 }] }) });
    expect(before.loss).toEqual(lossCopy);
    expect(before.val).toEqual(valCopy);
  });

  it('keeps the last sampled path when a message carries none, and replaces it when one comes', () => {
    let v = trainingReducer(running(), { type: 'progress', msg: progress({ step: 5, sampled: { blocks: [pathBlock], full: true } }) });
    expect(v.sampled).toEqual({ step: 5, blocks: [pathBlock], full: true });
    v = trainingReducer(v, { type: 'progress', msg: progress({ step: 6 }) });
    expect(v.sampled?.step).toBe(5);
  });

  it('adds up the per-block op-count deltas across messages', () => {
    const delta: OpCountsDelta = {
      dense: [{ fc: 1, sg: 0, sum: 2, dp: 0 }],
      sparse: [{ efc: 3, attn: 0 }],
      denseParams: [{ fc: 10, sg: 0, sum: 0, dp: 0 }],
      sparseParams: [{ efc: 5, attn: 0 }],
    };
    let v = trainingReducer(running(), { type: 'progress', msg: progress({ opCounts: delta }) });
    v = trainingReducer(v, { type: 'progress', msg: progress({ opCounts: delta }) });
    expect(v.opTotals.dense).toEqual([{ fc: 2, sg: 0, sum: 4, dp: 0 }]);
    expect(v.opTotals.sparseParams).toEqual([{ efc: 10, attn: 0 }]);
  });

  it('ignores progress of another job and progress after the run is over', () => {
    const v = running();
    expect(trainingReducer(v, { type: 'progress', msg: progress({ id: 99, loss: [{ step: 1, value: 1 }] }) })).toBe(v);
    const done = trainingReducer(v, { type: 'done', msg: { type: 'trainDone', id: 7, reason: 'finished', step: 100, trainLoss: 0.4, valLoss: 0.45 } });
    expect(trainingReducer(done, { type: 'progress', msg: progress({ loss: [{ step: 101, value: 1 }] }) })).toBe(done);
    const idle = initialView(1, 10);
    expect(trainingReducer(idle, { type: 'progress', msg: progress({ id: 0 }) })).toBe(idle);
  });
});

describe('trainingReducer: pause and resume', () => {
  it('a pause request shows paused at once and a stale running message does not flip it back', () => {
    let v = trainingReducer(running(), { type: 'pauseRequested', jobId: 7 });
    expect(v).toMatchObject({ status: 'paused', pending: 'paused' });
    v = trainingReducer(v, { type: 'progress', msg: progress({ state: 'running', step: 11 }) });
    expect(v).toMatchObject({ status: 'paused', pending: 'paused', step: 11 });
    v = trainingReducer(v, { type: 'progress', msg: progress({ state: 'paused', step: 12 }) });
    expect(v).toMatchObject({ status: 'paused', pending: undefined });
  });

  it('a resume request is confirmed by the next running message', () => {
    let v = trainingReducer(running(), { type: 'pauseRequested', jobId: 7 });
    v = trainingReducer(v, { type: 'progress', msg: progress({ state: 'paused' }) });
    v = trainingReducer(v, { type: 'resumeRequested', jobId: 7 });
    expect(v).toMatchObject({ status: 'running', pending: 'running' });
    v = trainingReducer(v, { type: 'progress', msg: progress({ state: 'paused' }) });
    expect(v.status).toBe('running');
    v = trainingReducer(v, { type: 'progress', msg: progress({ state: 'running' }) });
    expect(v).toMatchObject({ status: 'running', pending: undefined });
  });

  it('pause requests for another job or when not running are ignored', () => {
    const v = running();
    expect(trainingReducer(v, { type: 'pauseRequested', jobId: 8 })).toBe(v);
    expect(trainingReducer(v, { type: 'resumeRequested', jobId: 7 })).toBe(v);
  });
});

describe('trainingReducer: done, failed, reset', () => {
  it('a finished run keeps its history and clears any pending request', () => {
    let v = trainingReducer(running(), { type: 'progress', msg: progress({ loss: [{ step: 1, value: 0.9 }] }) });
    v = trainingReducer(v, { type: 'pauseRequested', jobId: 7 });
    v = trainingReducer(v, { type: 'done', msg: { type: 'trainDone', id: 7, reason: 'finished', step: 100, trainLoss: 0.4, valLoss: 0.45 } });
    expect(v).toMatchObject({ status: 'finished', step: 100, pending: undefined, loss: [{ step: 1, value: 0.9 }] });
    expect(v.done?.valLoss).toBe(0.45);
  });

  it('a stopped run is marked stopped', () => {
    const v = trainingReducer(running(), { type: 'done', msg: { type: 'trainDone', id: 7, reason: 'stopped', step: 40, trainLoss: 0.5, valLoss: 0.6 } });
    expect(v.status).toBe('stopped');
  });

  it('a failure of the current job records the message and code; another job’s failure is ignored', () => {
    const v = running();
    expect(trainingReducer(v, { type: 'failed', jobId: 7, message: 'out of memory', code: 'OOM' })).toMatchObject({
      status: 'error',
      error: { message: 'out of memory', code: 'OOM' },
    });
    expect(trainingReducer(v, { type: 'failed', jobId: 3, message: 'x', code: undefined })).toBe(v);
  });

  it('reset returns to an idle view with empty histories and the new seed', () => {
    let v = trainingReducer(running(), { type: 'progress', msg: progress({ loss: [{ step: 1, value: 1 }], val: [{ step: 1, value: 1 }] }) });
    v = trainingReducer(v, { type: 'reset', seed: 5, totalSteps: 10 });
    expect(v).toEqual(initialView(5, 10));
  });
});

describe('appendByStep', () => {
  it('appends points with later steps at the end', () => {
    expect(appendByStep([{ step: 1, value: 1 }], [{ step: 2, value: 2 }, { step: 3, value: 3 }]).map((p) => p.step)).toEqual([1, 2, 3]);
  });

  it('replaces a point whose step is already present, wherever it is', () => {
    const out = appendByStep(
      [
        { step: 1, value: 1 },
        { step: 2, value: 2 },
        { step: 3, value: 3 },
      ],
      [{ step: 2, value: 20 }],
    );
    expect(out).toEqual([
      { step: 1, value: 1 },
      { step: 2, value: 20 },
      { step: 3, value: 3 },
    ]);
  });

  it('inserts an out-of-order point before the first later step, keeping steps ascending', () => {
    const out = appendByStep(
      [
        { step: 10, value: 1 },
        { step: 30, value: 3 },
      ],
      [{ step: 20, value: 2 }, { step: 5, value: 0 }],
    );
    expect(out.map((p) => p.step)).toEqual([5, 10, 20, 30]);
  });

  it('handles an empty history and returns a new array without touching the input', () => {
    const points = [{ step: 1, value: 1 }];
    const out = appendByStep(points, []);
    expect(out).toEqual(points);
    expect(out).not.toBe(points);
    expect(appendByStep([], [{ step: 4, value: 4 }])).toEqual([{ step: 4, value: 4 }]);
  });
});

describe('trainingReducer after a backend failure', () => {
  it('lists the switch, and when the run starts again from its checkpoint drops the points after it and shows the new backend', () => {
    let v = running();
    v = trainingReducer(v, {
      type: 'progress',
      msg: progress({ step: 30, loss: Array.from({ length: 30 }, (_, i) => ({ step: i, value: 1 - i / 100 })), val: [{ step: 20, value: 0.6 }, { step: 30, value: 0.55 }] }),
    });
    v = trainingReducer(v, { type: 'backendSwitched', msg: { type: 'backendSwitched', id: 7, from: 'webgpu', to: 'wasm', reason: 'the WebGPU device was lost (destroyed)', atStep: 30, resumedFrom: 20 } });
    expect(v.switches).toEqual([{ from: 'webgpu', to: 'wasm', reason: 'the WebGPU device was lost (destroyed)', atStep: 30, resumedFrom: 20 }]);
    v = trainingReducer(v, { type: 'started', msg: { type: 'trainStarted', id: 7, backend: 'wasm', totalSteps: 120, supernetParams: 5000, baseRateLogLoss: 0.5, runId: 'r', resumedFrom: 20 } });
    expect(v).toMatchObject({ status: 'running', backend: 'wasm', step: 20, resumedFrom: 20, checkpointStep: 20 });
    expect(v.loss.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(v.val.map((p) => p.step)).toEqual([20]);
  });

  it('starts the chart and the operator counts over when the run restarts from step 0 (no checkpoint yet)', () => {
    let v = running();
    const counts: OpCountsDelta = {
      dense: [{ fc: 3, sg: 0, sum: 0, dp: 0 }],
      sparse: [{ efc: 3, attn: 0 }],
      denseParams: [{ fc: 30, sg: 0, sum: 0, dp: 0 }],
      sparseParams: [{ efc: 30, attn: 0 }],
    };
    v = trainingReducer(v, { type: 'progress', msg: progress({ step: 3, loss: [0, 1, 2].map((step) => ({ step, value: 0.7 })), opCounts: counts }) });
    expect(v.opTotals.dense[0]?.fc).toBe(3);
    v = trainingReducer(v, { type: 'started', msg: { type: 'trainStarted', id: 7, backend: 'cpu', totalSteps: 120, supernetParams: 5000, baseRateLogLoss: 0.5, resumedFrom: 0 } });
    expect(v).toMatchObject({ step: 0, loss: [], val: [] });
    expect(v.opTotals.dense).toEqual([]);
  });

  it('ignores a switch of another job', () => {
    const v = trainingReducer(running(), { type: 'backendSwitched', msg: { type: 'backendSwitched', id: 8, from: 'wasm', to: 'cpu', reason: 'x' } });
    expect(v.switches).toEqual([]);
  });
});
