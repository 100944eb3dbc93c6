// What the training panel knows about the current run, built from the worker's messages. Pure reducer.
import type { PathBlock } from '../../../core/space/types.ts';
import type { BackendSwitched, TrainDone, TrainStarted } from '../../../worker/client.ts';
import type { BackendName, TrainProgressMessage } from '../../../worker/protocol.ts';
import { addOpCounts, EMPTY_TOTALS } from './opTotals.ts';
import type { OpTotals } from './opTotals.ts';

/**
 * `idle`: nothing run since the last reset. `starting`: sent, waiting for `trainStarted`.
 * `running` / `paused`: live. `finished` / `stopped` / `error`: over; the history stays on screen.
 */
export type RunStatus = 'idle' | 'starting' | 'running' | 'paused' | 'finished' | 'stopped' | 'error';

export interface StepPoint {
  step: number;
  value: number;
}

export interface TrainingView {
  status: RunStatus;
  /** Job whose messages this view accepts (0 = none). */
  jobId: number;
  seed: number;
  step: number;
  totalSteps: number;
  samplesPerSec: number;
  stepsPerSec: number;
  lr: number;
  backend: BackendName | undefined;
  supernetParams: number | undefined;
  baseRateLogLoss: number | undefined;
  /** Full histories, appended from the deltas (the worker never resends them). */
  loss: StepPoint[];
  val: StepPoint[];
  sampled: { step: number; blocks: PathBlock[]; full: boolean } | undefined;
  opTotals: OpTotals;
  done: TrainDone | undefined;
  error: { message: string; code: string | undefined } | undefined;
  /**
   * A pause or resume sent but not yet confirmed: progress messages already on their way still say the
   * old state, and must not flip the buttons back.
   */
  pending: 'paused' | 'running' | undefined;
  /** The stored run this job records into, the step it resumed from, and the step of its last saved checkpoint. */
  runId: string | undefined;
  resumedFrom: number | undefined;
  checkpointStep: number | undefined;
  /** Backends that failed during this run, and where the run went on (oldest first). */
  switches: { from: BackendName; to: BackendName; reason: string; atStep: number | undefined; resumedFrom: number | undefined }[];
}

export type TrainingAction =
  | { type: 'start'; jobId: number; seed: number; totalSteps: number }
  | { type: 'started'; msg: TrainStarted }
  | { type: 'progress'; msg: TrainProgressMessage }
  /** Optimistic transport state, confirmed by the next progress message. */
  | { type: 'pauseRequested'; jobId: number }
  | { type: 'resumeRequested'; jobId: number }
  | { type: 'done'; msg: TrainDone }
  | { type: 'failed'; jobId: number; message: string; code: string | undefined }
  | { type: 'reset'; seed: number; totalSteps: number }
  | { type: 'checkpoint'; jobId: number; step: number }
  | { type: 'backendSwitched'; msg: BackendSwitched };

export function initialView(seed: number, totalSteps: number): TrainingView {
  return {
    status: 'idle',
    jobId: 0,
    seed,
    step: 0,
    totalSteps,
    samplesPerSec: 0,
    stepsPerSec: 0,
    lr: 0,
    backend: undefined,
    supernetParams: undefined,
    baseRateLogLoss: undefined,
    loss: [],
    val: [],
    sampled: undefined,
    opTotals: EMPTY_TOTALS,
    done: undefined,
    error: undefined,
    pending: undefined,
    runId: undefined,
    resumedFrom: undefined,
    checkpointStep: undefined,
    switches: [],
  };
}

/** Whether a job is live in the worker (transport controls apply). */
export function isLive(status: RunStatus): boolean {
  return status === 'starting' || status === 'running' || status === 'paused';
}

export function trainingReducer(view: TrainingView, action: TrainingAction): TrainingView {
  switch (action.type) {
    case 'start':
      return { ...initialView(action.seed, action.totalSteps), status: 'starting', jobId: action.jobId };
    case 'reset':
      return initialView(action.seed, action.totalSteps);
    case 'started': {
      const m = action.msg;
      if (m.id !== view.jobId) return view;
      // Started again on another backend: the steps after its checkpoint are trained again, so their points go.
      const again = view.status !== 'starting' && m.resumedFrom !== undefined;
      // Loss point s is step s's batch (steps 0..N−1 precede a checkpoint at N); validation point N was measured at it.
      const from = m.resumedFrom ?? 0;
      return {
        ...view,
        // Operator counts start again too, as after a reload: the steps trained again would count twice.
        ...(again ? { loss: view.loss.filter((p) => p.step < from), val: view.val.filter((p) => p.step <= from), opTotals: EMPTY_TOTALS } : {}),
        status: view.status === 'starting' ? 'running' : view.status,
        backend: m.backend,
        totalSteps: m.totalSteps,
        supernetParams: m.supernetParams,
        baseRateLogLoss: m.baseRateLogLoss,
        runId: m.runId,
        resumedFrom: m.resumedFrom,
        step: m.resumedFrom ?? view.step,
        checkpointStep: m.resumedFrom,
      };
    }
    case 'checkpoint':
      return action.jobId === view.jobId ? { ...view, checkpointStep: action.step } : view;
    case 'backendSwitched': {
      const m = action.msg;
      if (m.id !== view.jobId) return view;
      return { ...view, switches: [...view.switches, { from: m.from, to: m.to, reason: m.reason, atStep: m.atStep, resumedFrom: m.resumedFrom }] };
    }
    case 'progress':
      return action.msg.id === view.jobId && isLive(view.status) ? applyProgress(view, action.msg) : view;
    case 'pauseRequested':
      return action.jobId === view.jobId && view.status === 'running' ? { ...view, status: 'paused', pending: 'paused' } : view;
    case 'resumeRequested':
      return action.jobId === view.jobId && view.status === 'paused' ? { ...view, status: 'running', pending: 'running' } : view;
    case 'done': {
      const m = action.msg;
      if (m.id !== view.jobId) return view;
      return { ...view, status: m.reason === 'finished' ? 'finished' : 'stopped', step: m.step, done: m, pending: undefined };
    }
    case 'failed':
      if (action.jobId !== view.jobId) return view;
      return { ...view, status: 'error', error: { message: action.message, code: action.code } };
  }
}

function applyProgress(view: TrainingView, m: TrainProgressMessage): TrainingView {
  const confirmed = view.pending === undefined || view.pending === m.state;
  return {
    ...view,
    status: confirmed ? m.state : view.status,
    pending: confirmed ? undefined : view.pending,
    step: m.step,
    totalSteps: m.totalSteps,
    samplesPerSec: m.samplesPerSec,
    stepsPerSec: m.stepsPerSec,
    lr: m.lr,
    loss: m.loss.length > 0 ? view.loss.concat(m.loss) : view.loss,
    val: m.val.length > 0 ? appendByStep(view.val, m.val) : view.val,
    sampled: m.sampled.blocks.length > 0 ? { step: m.step, blocks: m.sampled.blocks, full: m.sampled.full } : view.sampled,
    opTotals: addOpCounts(view.opTotals, m.opCounts),
  };
}

/** Appends `more` to `points`; a point for a step already there replaces it (the final evaluation may repeat the last). */
export function appendByStep(points: StepPoint[], more: readonly StepPoint[]): StepPoint[] {
  const out = points.slice();
  for (const p of more) {
    const last = out[out.length - 1];
    if (last && last.step >= p.step) {
      const i = out.findIndex((q) => q.step === p.step);
      if (i >= 0) out[i] = p;
      else out.splice(out.findIndex((q) => q.step > p.step), 0, p);
    } else out.push(p);
  }
  return out;
}
