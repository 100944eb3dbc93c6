// The training job: runs the supernet trainer step by step, obeys pause/resume/step/stop/speed within one step,
// and posts throttled progress deltas (loss points, the sampled path, operator counts).
import type { Dataset } from '../../core/data/types.ts';
import { createSupernet } from '../../core/model/supernet.ts';
import { toSeed } from '../../core/rng.ts';
import { pathOpParams } from '../../core/space/supernetCost.ts';
import { DENSE_OPS, SPARSE_OPS, type SpaceConfig, type SupernetPath } from '../../core/space/types.ts';
import { SupernetTrainer, type ResumeState, type StepResult } from '../../core/train/trainer.ts';
import type { BackendName, FromWorker, OpCountsDelta, TrainConfig, TrainControl } from '../protocol.ts';
import type { RunRecorder } from './runRecorder.ts';

/** A training loss that is not a finite number: the run is stopped, its last good checkpoint kept. */
export class TrainingDiverged extends Error {
  constructor(readonly step: number, value: number) {
    super(
      `The training loss became ${Number.isNaN(value) ? 'NaN' : String(value)} at step ${step}, so training was stopped. ` +
        'Lower the learning rate or use a smaller batch, then start again; the last good checkpoint is kept.',
    );
    this.name = 'TrainingDiverged';
  }
}

/** Progress messages per second at most. */
const PROGRESS_INTERVAL_MS = 250;
/** Train losses averaged for the final summary. */
const RECENT = 50;

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function emptyCounts(blocks: number): OpCountsDelta {
  return {
    dense: Array.from({ length: blocks }, () => zeros(DENSE_OPS)),
    sparse: Array.from({ length: blocks }, () => zeros(SPARSE_OPS)),
    denseParams: Array.from({ length: blocks }, () => zeros(DENSE_OPS)),
    sparseParams: Array.from({ length: blocks }, () => zeros(SPARSE_OPS)),
  };
}

export interface TrainJobInput {
  id: number;
  data: Dataset;
  /** Log loss of always predicting the train label rate on the validation split (the chart's base-rate line). */
  valBaseRateLogLoss: number;
  space: SpaceConfig;
  train: TrainConfig;
  seed: number;
  backend: BackendName;
  post(msg: FromWorker): void;
  /** Records the run in the browser's storage (history, checkpoints, status). */
  recorder?: RunRecorder;
  /** Continue from this state (a stored run's latest checkpoint). */
  resume?: ResumeState;
  /** Called before every step: throws (a BackendFailure) once the backend cannot go on. */
  checkBackend?: () => void;
  /** Restore `resume` and take no step: a kept run's supernet, back for search and rank. */
  loadOnly?: boolean;
  /** The run starts again (another backend took it over): `trainStarted` says from which step, 0 included. */
  restart?: boolean;
}

export class TrainingJob {
  private paused = false;
  private pendingSingleSteps = 0;
  private stopRequested = false;
  private stepsPerSecond = 0;
  private wake: (() => void) | undefined;
  private counts: OpCountsDelta;
  private lossPoints: { step: number; value: number }[] = [];
  private readonly recent: number[] = [];
  private lastVal: { step: number; value: number } | undefined;
  private valPoints: { step: number; value: number }[] = [];
  private lastProgressAt = 0;
  private readonly rate = { steps: 0, since: performance.now() };
  private stepsPerSecNow = 0;
  /** The step the run had reached (where a failure happened). */
  reachedStep = 0;

  constructor(
    private readonly input: TrainJobInput,
    stepsPerSecond = 0,
  ) {
    this.counts = emptyCounts(input.space.blocks);
    this.setSpeed(stepsPerSecond);
  }

  control(command: TrainControl): void {
    if (command === 'pause') this.paused = true;
    else if (command === 'resume') this.paused = false;
    else if (command === 'step') {
      this.paused = true;
      this.pendingSingleSteps++;
    } else this.stopRequested = true;
    this.wake?.();
  }

  /** Takes over the transport state of the job this one replaces (a run moved to another backend): a pause, single steps or a stop sent meanwhile still count. */
  adoptControls(previous: TrainingJob): void {
    this.paused = previous.paused;
    this.pendingSingleSteps = previous.pendingSingleSteps;
    this.stopRequested = previous.stopRequested;
  }

  setSpeed(stepsPerSecond: number): void {
    this.stepsPerSecond = Number.isFinite(stepsPerSecond) && stepsPerSecond > 0 ? stepsPerSecond : 0;
    this.wake?.();
  }

  /** Trains until done or stopped; the trained supernet is returned to the caller, who owns (and disposes) it. */
  async run(): Promise<SupernetTrainer> {
    const { id, data, space, train, post } = this.input;
    const { recorder, resume } = this.input;
    const trainer = new SupernetTrainer({ data, space, config: train, seed: toSeed(this.input.seed), createSupernet });
    let last: StepResult | undefined;
    let ok = false;
    try {
      if (resume) trainer.restore(resume);
      this.reachedStep = trainer.step;
      post({
        type: 'trainStarted',
        id,
        backend: this.input.backend,
        totalSteps: train.steps,
        supernetParams: countParams(trainer),
        baseRateLogLoss: this.input.valBaseRateLogLoss,
        ...(recorder ? { runId: recorder.runId } : {}),
        ...(resume || this.input.restart ? { resumedFrom: trainer.step } : {}),
      });
      await recorder?.setStatus('training');
      if (this.input.loadOnly) this.stopRequested = trainer.step < train.steps;
      while (trainer.step < train.steps && !this.stopRequested) {
        if (this.paused && this.pendingSingleSteps === 0) {
          this.emitProgress(trainer, last, true, true); // always confirm a pause
          await this.sleep(Infinity);
          continue;
        }
        this.input.checkBackend?.();
        const single = this.pendingSingleSteps > 0;
        if (single) this.pendingSingleSteps--;
        const started = performance.now();
        last = await trainer.trainStep();
        this.reachedStep = trainer.step;
        this.count(last.path, trainer);
        const done = trainer.step;
        if (done % train.readbackEvery === 0 || this.paused) this.addLosses(await trainer.readLosses());
        if (done % train.evalEvery === 0) await this.addValidation(trainer);
        this.emitProgress(trainer, last, this.paused, single);
        await recorder?.afterStep(trainer, async () => this.addLosses(await trainer.readLosses()));
        const minGap = this.stepsPerSecond > 0 ? 1000 / this.stepsPerSecond : 0;
        await this.sleep(Math.max(0, minGap - (performance.now() - started)));
      }
      this.addLosses(await trainer.readLosses());
      // A finished run gets a final validation; a stopped one reports the last it has, so Stop is quick.
      if (!this.stopRequested || this.lastVal === undefined || this.input.loadOnly) await this.addValidation(trainer);
      const valLoss = this.lastVal?.value ?? NaN;
      this.emitProgress(trainer, last, false, true);
      const tail = this.recentTrainLoss();
      if (recorder) {
        await recorder.flush();
        await recorder.checkpoint(trainer);
        await recorder.setStatus(this.stopRequested ? 'stopped' : 'finished');
      }
      post({ type: 'trainDone', id, reason: this.stopRequested ? 'stopped' : 'finished', step: trainer.step, trainLoss: tail, valLoss });
      ok = true;
      return trainer;
    } catch (err) {
      if (recorder) {
        await recorder.flush();
        await recorder.setStatus('failed', err instanceof Error ? err.message : String(err));
      }
      throw err;
    } finally {
      if (!ok) disposeQuietly(trainer);
    }
  }

  private count(path: SupernetPath, trainer: SupernetTrainer): void {
    const params = pathOpParams(path, this.input.space, trainer.input, { layerNorm: true });
    path.forEach((block, b) => {
      for (const op of block.denseOps) {
        this.counts.dense[b]![op]++;
        this.counts.denseParams[b]![op] += params.perBlock[b]?.dense[op] ?? 0;
      }
      for (const op of block.sparseOps) {
        this.counts.sparse[b]![op]++;
        this.counts.sparseParams[b]![op] += params.perBlock[b]?.sparse[op] ?? 0;
      }
    });
    this.rate.steps++;
  }

  private emitProgress(trainer: SupernetTrainer, last: StepResult | undefined, paused: boolean, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    const elapsed = (now - this.rate.since) / 1000;
    if (elapsed > 0.5 || force) {
      this.stepsPerSecNow = this.rate.steps / Math.max(elapsed, 1e-3);
      this.rate.steps = 0;
      this.rate.since = now;
    }
    this.lastProgressAt = now;
    const { id, train, post } = this.input;
    post({
      type: 'trainProgress',
      id,
      step: trainer.step,
      totalSteps: train.steps,
      state: paused ? 'paused' : 'running',
      samplesPerSec: this.stepsPerSecNow * train.batchSize,
      stepsPerSec: this.stepsPerSecNow,
      lr: last?.lr ?? 0,
      loss: this.lossPoints,
      val: this.valPoints,
      sampled: { blocks: last ? [...last.path] : [], full: last?.full ?? false }, // postMessage clones it
      opCounts: this.counts,
    });
    this.lossPoints = [];
    this.valPoints = [];
    this.counts = emptyCounts(this.input.space.blocks);
  }

  /** Evaluates once per step at most and queues the point. */
  private async addValidation(trainer: SupernetTrainer): Promise<void> {
    if (this.lastVal?.step === trainer.step) return;
    this.lastVal = { step: trainer.step, value: await trainer.evaluate() };
    this.valPoints.push(this.lastVal);
    this.input.recorder?.addLosses([], [this.lastVal]);
  }

  /** Keeps new loss points for the next progress message and the last RECENT for the final summary. */
  private addLosses(points: { step: number; value: number }[]): void {
    // NaN or ±∞ (an exploding loss overflows float32): stop before a checkpoint can store the broken weights.
    const bad = points.find((p) => !Number.isFinite(p.value));
    if (bad) throw new TrainingDiverged(bad.step, bad.value);
    this.input.recorder?.addLosses(points);
    this.lossPoints.push(...points);
    this.recent.push(...points.map((p) => p.value));
    if (this.recent.length > RECENT) this.recent.splice(0, this.recent.length - RECENT);
  }

  /** Mean of the most recent train losses. */
  private recentTrainLoss(): number {
    return this.recent.length ? this.recent.reduce((s, x) => s + x, 0) / this.recent.length : NaN;
  }

  /** Waits `ms` (Infinity: until a control message), but always yields so messages are handled. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = ms === Infinity ? undefined : setTimeout(done, ms);
      this.wake = done;
    });
  }
}

/** Frees a failed run's tensors; on a lost device freeing may throw too, which must not hide the first error. */
function disposeQuietly(trainer: SupernetTrainer): void {
  try {
    trainer.dispose();
  } catch {
    // the backend is gone; its memory went with it
  }
}

function countParams(trainer: SupernetTrainer): number {
  return trainer.net.variables.reduce((s, v) => s + v.size, 0);
}

