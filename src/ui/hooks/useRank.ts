// One rank check at a time through the client: start, messages into the reducer, stop, and how it ended.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { JobCancelled, WorkerJobError } from '../../worker/client.ts';
import type { AnalysisJob } from '../../worker/client.ts';
import type { RankDoneMessage, RankRequest } from '../../worker/protocol.ts';
import { INITIAL_RANK, rankReducer } from '../panels/rank/rankState.ts';
import type { RankView } from '../panels/rank/rankState.ts';
import { useClient } from './useClient.ts';

export interface Rank {
  view: RankView;
  start(request: RankRequest): void;
  stop(): void;
}

/** Drives `client.rank`; replies of an earlier job are ignored by the reducer. */
export function useRank(): Rank {
  const client = useClient();
  const [view, dispatch] = useReducer(rankReducer, INITIAL_RANK);
  const job = useRef<AnalysisJob<RankDoneMessage> | null>(null);

  const start = useCallback(
    (request: RankRequest) => {
      const j = client.rank(request, {
        onRankPoint: (msg) => dispatch({ type: 'point', msg }),
        onProgress: (msg) => dispatch({ type: 'progress', msg }),
      });
      job.current = j;
      dispatch({ type: 'start', jobId: j.id, request });
      j.done.then(
        (msg) => dispatch({ type: 'done', msg }),
        (err: unknown) => {
          if (err instanceof JobCancelled) dispatch({ type: 'stopped', jobId: j.id });
          else dispatch({ type: 'failed', jobId: j.id, error: { message: err instanceof Error ? err.message : String(err), code: err instanceof WorkerJobError ? err.code : undefined } });
        },
      ).finally(() => {
        if (job.current === j) job.current = null;
      });
    },
    [client],
  );

  const stop = useCallback(() => {
    if (!job.current) return;
    job.current.cancel();
    dispatch({ type: 'stopRequested', jobId: job.current.id });
  }, []);

  // A panel that goes away stops its job in the worker.
  useEffect(() => () => job.current?.cancel(), []);

  return { view, start, stop };
}
