// One search at a time through the client: start, messages into the reducer, stop, and how it ended.
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { JobCancelled, WorkerJobError } from '../../worker/client.ts';
import type { AnalysisJob, SearchDone } from '../../worker/client.ts';
import type { SearchRequest } from '../../worker/protocol.ts';
import { INITIAL_SEARCH, searchReducer } from '../panels/search/searchState.ts';
import type { SearchView } from '../panels/search/searchState.ts';
import { useClient } from './useClient.ts';

export interface Search {
  view: SearchView;
  start(request: SearchRequest): void;
  stop(): void;
}

/** Drives `client.search`; replies of an earlier job are ignored by the reducer. */
export function useSearch(): Search {
  const client = useClient();
  const [view, dispatch] = useReducer(searchReducer, INITIAL_SEARCH);
  const job = useRef<AnalysisJob<SearchDone> | null>(null);

  const start = useCallback(
    (request: SearchRequest) => {
      const j = client.search(request, {
        onSearchStarted: (msg) => dispatch({ type: 'started', msg }),
        onCandidate: (msg) => dispatch({ type: 'candidate', msg }),
        onFinalModel: (model) => dispatch({ type: 'final', jobId: j.id, model }),
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
