// Records one training run into the run store as it happens: status, loss history (flushed every few seconds) and
// checkpoints of the full resume state every `checkpointEveryMs`. Storage failures are reported, never thrown into training.
import type { SupernetTrainer } from '../../core/train/trainer.ts';
import type { FromWorker } from '../protocol.ts';
import type { LossPoint, RunStatus, RunStore } from '../store/runStore.ts';

/** Loss points are written at most this often. */
const HISTORY_FLUSH_MS = 2_000;

/** Flattens a resume state's arrays into one checkpoint payload, and back (see SupernetTrainer.resumeState). */
export function packOptimizer(optimizer: Float32Array, embeddingAccumulators: Float32Array): Float32Array {
  const out = new Float32Array(1 + optimizer.length + embeddingAccumulators.length);
  out[0] = optimizer.length;
  out.set(optimizer, 1);
  out.set(embeddingAccumulators, 1 + optimizer.length);
  return out;
}

/** The inverse of packOptimizer. */
export function unpackOptimizer(packed: Float32Array): { optimizer: Float32Array; embeddingAccumulators: Float32Array } {
  const n = packed[0] ?? 0;
  return { optimizer: packed.subarray(1, 1 + n), embeddingAccumulators: packed.subarray(1 + n) };
}

export class RunRecorder {
  private points: LossPoint[] = [];
  private lastFlush = 0;
  private lastCheckpoint: number;
  private lastCheckpointStep: number;
  /** Set after the first storage failure: later writes are skipped (the failure was reported once). */
  private broken = false;

  constructor(
    readonly store: RunStore,
    readonly runId: string,
    private readonly jobId: number,
    readonly checkpointEveryMs: number,
    private readonly post: (msg: FromWorker) => void,
    startStep: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.lastCheckpoint = now();
    this.lastCheckpointStep = startStep;
  }

  /** Queues train losses and validation points; written with the next flush. */
  addLosses(train: readonly { step: number; value: number }[], val: readonly { step: number; value: number }[] = []): void {
    for (const p of train) this.points.push({ step: p.step, train: p.value });
    for (const p of val) this.points.push({ step: p.step, val: p.value });
  }

  /**
   * After each step: flushes history and saves a checkpoint when their intervals have passed. `beforeCheckpoint`
   * runs first (the job reads pending losses there, so a diverged run throws before its weights are stored).
   */
  async afterStep(trainer: SupernetTrainer, beforeCheckpoint: () => Promise<void>): Promise<void> {
    const t = this.now();
    const checkpointDue = t - this.lastCheckpoint >= this.checkpointEveryMs;
    if (checkpointDue) await beforeCheckpoint();
    if (t - this.lastFlush >= HISTORY_FLUSH_MS || checkpointDue) await this.flush();
    if (checkpointDue) await this.checkpoint(trainer);
  }

  /** Writes queued loss points. */
  async flush(): Promise<void> {
    this.lastFlush = this.now();
    const points = this.points;
    this.points = [];
    await this.guard(() => this.store.appendHistory(this.runId, points));
  }

  /** Saves the trainer's resume state now (skipped when nothing changed since the last one). */
  async checkpoint(trainer: SupernetTrainer): Promise<void> {
    this.lastCheckpoint = this.now();
    if (trainer.step === this.lastCheckpointStep) return;
    const state = await trainer.resumeState();
    await this.guard(async () => {
      const info = await this.store.putCheckpoint(this.runId, {
        step: trainer.step,
        meta: state.checkpoint.meta,
        weights: state.checkpoint.weights,
        embeddings: state.checkpoint.embeddings,
        optimizer: packOptimizer(state.optimizer, state.embeddingAccumulators),
      });
      this.lastCheckpointStep = trainer.step;
      // The newest checkpoint is all a resume needs; older ones would only fill the quota.
      await this.store.deleteCheckpointsBefore(this.runId, info.step);
      this.post({ type: 'checkpointSaved', id: this.jobId, runId: this.runId, step: info.step, bytes: info.bytes });
    });
  }

  /** Sets the run's status; the note (why it failed or stopped) is cleared when none is given. */
  async setStatus(status: RunStatus, statusNote?: string): Promise<void> {
    await this.guard(() => this.store.updateRun(this.runId, { status, statusNote }));
  }

  private async guard(write: () => Promise<unknown>): Promise<void> {
    if (this.broken) return;
    try {
      await write();
    } catch (err) {
      this.broken = true;
      const why = err instanceof Error ? err.message : String(err);
      this.post({ type: 'storageError', id: this.jobId, message: `This run is no longer being saved: ${why}` });
    }
  }
}
