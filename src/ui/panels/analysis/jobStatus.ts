// The life of a search or rank job as a panel shows it. Pure.

/**
 * `idle`: nothing run yet. `running`: sent to the worker. `stopping`: stop asked, not confirmed yet.
 * `done` / `stopped` / `error`: over; what arrived stays on screen.
 */
export type JobStatus = 'idle' | 'running' | 'stopping' | 'done' | 'stopped' | 'error';

/** Whether the worker still has the job (its controls are locked meanwhile). */
export function isJobLive(status: JobStatus): boolean {
  return status === 'running' || status === 'stopping';
}

export interface JobError {
  message: string;
  code: string | undefined;
}

/** The actions every analysis reducer understands (each reducer ignores those of an earlier job). */
export type JobLifecycleAction<Request, Done> =
  | { type: 'start'; jobId: number; request: Request }
  | { type: 'stopRequested'; jobId: number }
  | { type: 'done'; msg: Done }
  | { type: 'stopped'; jobId: number }
  | { type: 'failed'; jobId: number; error: JobError };
