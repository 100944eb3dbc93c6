// One data load at a time through the client: start, progress, result, error, cancel.
import { useCallback, useEffect, useRef, useState } from 'react';
import { JobCancelled, WorkerJobError } from '../../worker/client.ts';
import type { LoadJob, LoadProgress } from '../../worker/client.ts';
import type { DataOptions, DataReadyMessage, DataSource } from '../../worker/protocol.ts';

/** Where the panel's current load stands. `seq` counts loads started on this page (0 before the first). */
export type LoadState =
  | { status: 'idle'; seq: 0 }
  | { status: 'loading'; seq: number; source: DataSource; progress: LoadProgress | undefined }
  | { status: 'ready'; seq: number; source: DataSource; options: DataOptions; result: DataReadyMessage }
  | { status: 'error'; seq: number; source: DataSource; message: string; code: string | undefined }
  | { status: 'cancelled'; seq: number; source: DataSource };

export interface DataLoad {
  state: LoadState;
  /** Starts a load; a load still running is cancelled first. */
  load(source: DataSource, options: DataOptions): void;
  /** Cancels the running load, if any (the state becomes `cancelled`). */
  cancel(): void;
}

/**
 * Drives `client.loadData` for one panel; replies of superseded jobs are ignored. After `restarts` changes (a fresh
 * worker holds no data), the loaded or loading source is loaded again with the same options (a file is still at hand).
 */
export function useDataLoad(start: (s: DataSource, o: DataOptions, p: (p: LoadProgress) => void) => LoadJob, restarts = 0): DataLoad {
  const [state, setState] = useState<LoadState>({ status: 'idle', seq: 0 });
  const last = useRef<{ source: DataSource; options: DataOptions } | undefined>(undefined);
  const current = useRef<{ job: LoadJob; seq: number } | null>(null);
  const seqRef = useRef(0);

  const load = useCallback(
    (source: DataSource, options: DataOptions) => {
      current.current?.job.cancel();
      last.current = { source, options };
      const seq = ++seqRef.current;
      const isCurrent = () => current.current?.seq === seq;
      const job = start(source, options, (progress) => {
        if (isCurrent()) setState({ status: 'loading', seq, source, progress });
      });
      current.current = { job, seq };
      setState({ status: 'loading', seq, source, progress: undefined });
      job.done.then(
        (result) => {
          if (!isCurrent()) return;
          current.current = null;
          setState({ status: 'ready', seq, source, options, result });
        },
        (err: unknown) => {
          if (!isCurrent()) return;
          current.current = null;
          setState(failureState(seq, source, err));
        },
      );
    },
    [start],
  );

  const cancel = useCallback(() => current.current?.job.cancel(), []);

  useEffect(() => {
    if (restarts > 0 && last.current) load(last.current.source, last.current.options);
  }, [restarts, load]);

  // A panel that goes away stops its work in the worker.
  useEffect(() => () => current.current?.job.cancel(), []);

  return { state, load, cancel };
}

function failureState(seq: number, source: DataSource, err: unknown): LoadState {
  if (err instanceof JobCancelled) return { status: 'cancelled', seq, source };
  if (err instanceof WorkerJobError) return { status: 'error', seq, source, message: err.message, code: err.code };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 'error', seq, source, message, code: undefined };
}
