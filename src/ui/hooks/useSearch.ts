// One search at a time through the client: its messages into the reducer, start and stop via useAnalysisJob.
import { useCallback, useReducer } from 'react';
import type { SearchRequest } from '../../worker/protocol.ts';
import { INITIAL_SEARCH, searchReducer } from '../panels/search/searchState.ts';
import type { SearchView } from '../panels/search/searchState.ts';
import { useAnalysisJob } from './useAnalysisJob.ts';
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
  const launch = useCallback(
    (request: SearchRequest) => {
      const job = client.search(request, {
        onSearchStarted: (msg) => dispatch({ type: 'started', msg }),
        onCandidate: (msg) => dispatch({ type: 'candidate', msg }),
        onFinalModel: (model) => dispatch({ type: 'final', jobId: job.id, model }),
        onProgress: (msg) => dispatch({ type: 'progress', msg }),
      });
      return job;
    },
    [client],
  );
  return { view, ...useAnalysisJob(dispatch, launch) };
}
