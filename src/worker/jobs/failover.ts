// A training run that outlives its backend: when a backend fails mid-run (a lost WebGPU device, a failing kernel),
// the run moves to the next backend and goes on from its last checkpoint (or from step 0 without one).
import type { SupernetTrainer } from '../../core/train/trainer.ts';
import type { BackendName, FromWorker } from '../protocol.ts';
import { resumeRecording, type Recording } from './runs.ts';
import { TrainingDiverged, type TrainingJob } from './train.ts';

/** One training run through backend failures: where it starts, how a job is built, and how a failed backend is left. */
export interface FailoverOptions {
  jobId: number;
  backend: BackendName;
  recording: Recording;
  /**
   * Builds the job for a backend and a recording (the caller keeps it to route transport commands to it);
   * `restart` is set for the jobs that take over after a failure.
   */
  makeJob(backend: BackendName, recording: Recording, restart: boolean): TrainingJob;
  /** Leaves a failed backend; @returns the backend now in use */
  moveOff(from: BackendName, why: string): Promise<BackendName>;
  /** The device-loss reason, when the failure was one (better words than the error a dead device throws). */
  lostReason?: () => string | undefined;
  post(msg: FromWorker): void;
}

/** Why a run failed for good: `code` for the client, `message` for people. */
export class TrainingFailed extends Error {
  constructor(
    readonly code: 'diverged' | 'resume' | 'internal',
    message: string,
  ) {
    super(message);
    this.name = 'TrainingFailed';
  }
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Runs the job, and after a backend failure the same run again on the next backend, until it ends or fails on the
 * cpu backend (the last resort). A diverged loss or a bad setting (RangeError) is not the backend's fault: no retry.
 * @returns the trained supernet and the recording it ended with
 * @throws TrainingFailed
 */
export async function trainWithFailover(o: FailoverOptions): Promise<{ trainer: SupernetTrainer; recording: Recording }> {
  let backend = o.backend;
  let recording = o.recording;
  let previous: TrainingJob | undefined;
  for (;;) {
    const job = o.makeJob(backend, recording, previous !== undefined);
    // Transport commands sent to the failed job while the run moved (a stop, a pause) apply to its successor.
    if (previous) job.adoptControls(previous);
    previous = job;
    try {
      return { trainer: await job.run(), recording };
    } catch (err) {
      if (err instanceof TrainingDiverged) throw new TrainingFailed('diverged', err.message);
      if (err instanceof RangeError) throw new TrainingFailed('resume', `Training stopped with an error: ${describe(err)}`);
      if (backend === 'cpu') throw new TrainingFailed('internal', `Training stopped with an error: ${describe(err)}`);
      const why = o.lostReason?.() ?? describe(err);
      const from = backend;
      backend = await o.moveOff(from, why);
      try {
        const { recorder } = recording;
        recording = recorder ? await resumeRecording(recorder.store, recorder.runId, o.jobId, recorder.checkpointEveryMs, o.post, true) : { fromStep: 0 };
      } catch (resumeErr) {
        throw new TrainingFailed('resume', `Training failed on ${from} (${why}), and could not be resumed on ${backend}: ${describe(resumeErr)}`);
      }
      o.post({ type: 'backendSwitched', id: o.jobId, from, to: backend, reason: why, atStep: job.reachedStep, resumedFrom: recording.fromStep });
    }
  }
}
