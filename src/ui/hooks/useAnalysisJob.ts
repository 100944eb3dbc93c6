// The life cycle shared by the search and rank jobs: start one at a time, stop it, report how it ended.
import { useCallback, useEffect, useRef } from 'react';
import { JobCancelled, WorkerJobError } from '../../worker/client.ts';
import type { AnalysisJob } from '../../worker/client.ts';
import type { JobLifecycleAction } from '../panels/analysis/jobStatus.ts';

/**
 * `launch` starts the job through the client (with its own listeners); this hook dispatches the life-cycle
 * actions, cancels on `stop`, and cancels the worker's job when the panel goes away.
 */
export function useAnalysisJob<Request, Done>(
  dispatch: (action: JobLifecycleAction<Request, Done>) => void,
  launch: (request: Request) => AnalysisJob<Done>,
): { start(request: Request): void; stop(): void } {
  const job = useRef<AnalysisJob<Done> | null>(null);

  const start = useCallback(
    (request: Request) => {
      const j = launch(request);
      job.current = j;
      dispatch({ type: 'start', jobId: j.id, request });
      j.done
        .then(
          (msg) => dispatch({ type: 'done', msg }),
          (err: unknown) => {
            if (err instanceof JobCancelled) dispatch({ type: 'stopped', jobId: j.id });
            else dispatch({ type: 'failed', jobId: j.id, error: { message: err instanceof Error ? err.message : String(err), code: err instanceof WorkerJobError ? err.code : undefined } });
          },
        )
        .finally(() => {
          if (job.current === j) job.current = null;
        });
    },
    [dispatch, launch],
  );

  const stop = useCallback(() => {
    if (!job.current) return;
    job.current.cancel();
    dispatch({ type: 'stopRequested', jobId: job.current.id });
  }, [dispatch]);

  // A panel that goes away stops its job in the worker.
  useEffect(() => () => job.current?.cancel(), []);

  return { start, stop };
}
