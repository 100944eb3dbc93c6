// One rank check at a time through the client: its messages into the reducer, start and stop via useAnalysisJob.
import { useCallback, useReducer } from 'react';
import type { RankRequest } from '../../worker/protocol.ts';
import { INITIAL_RANK, rankReducer } from '../panels/rank/rankState.ts';
import type { RankView } from '../panels/rank/rankState.ts';
import { useAnalysisJob } from './useAnalysisJob.ts';
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
  const launch = useCallback(
    (request: RankRequest) =>
      client.rank(request, {
        onRankPoint: (msg) => dispatch({ type: 'point', msg }),
        onProgress: (msg) => dispatch({ type: 'progress', msg }),
      }),
    [client],
  );
  return { view, ...useAnalysisJob(dispatch, launch) };
}
