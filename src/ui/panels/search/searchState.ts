// What the search panel knows about the current search, built from the worker's messages. Pure reducer.
import type { ArchKey } from '../../../core/space/types.ts';
import type { SearchDone, SearchStarted } from '../../../worker/client.ts';
import type { CandidateMessage, FinalModelSummary, JobProgressMessage, SearchRequest } from '../../../worker/protocol.ts';
import { isJobLive } from '../analysis/jobStatus.ts';
import type { JobError, JobLifecycleAction, JobStatus } from '../analysis/jobStatus.ts';

export interface SearchView {
  status: JobStatus;
  /** Job whose messages this view accepts (0 = none). */
  jobId: number;
  request: SearchRequest | undefined;
  /** Architectures the search scores (from `searchStarted`). */
  budget: number | undefined;
  /** Scored candidates in the order they were scored. */
  candidates: CandidateMessage[];
  /** Finalists and baselines trained from scratch, in the order they finished. */
  finals: FinalModelSummary[];
  progress: JobProgressMessage | undefined;
  winnerKey: ArchKey | undefined;
  skippedBaselines: { name: string; reason: string }[];
  error: JobError | undefined;
}

export type SearchAction =
  | JobLifecycleAction<SearchRequest, SearchDone>
  | { type: 'started'; msg: SearchStarted }
  | { type: 'candidate'; msg: CandidateMessage }
  | { type: 'final'; jobId: number; model: FinalModelSummary }
  | { type: 'progress'; msg: JobProgressMessage };

export const INITIAL_SEARCH: SearchView = {
  status: 'idle',
  jobId: 0,
  request: undefined,
  budget: undefined,
  candidates: [],
  finals: [],
  progress: undefined,
  winnerKey: undefined,
  skippedBaselines: [],
  error: undefined,
};

/** Applies one message; messages of another job, or arriving after the job ended, are ignored. */
export function searchReducer(view: SearchView, action: SearchAction): SearchView {
  if (action.type === 'start') return { ...INITIAL_SEARCH, status: 'running', jobId: action.jobId, request: action.request };
  const id = 'msg' in action ? action.msg.id : action.jobId;
  if (id !== view.jobId || !isJobLive(view.status)) return view;
  switch (action.type) {
    case 'started':
      return { ...view, budget: action.msg.budget };
    case 'candidate':
      return { ...view, candidates: [...view.candidates, action.msg] };
    case 'final':
      return { ...view, finals: [...view.finals, action.model] };
    case 'progress':
      return { ...view, progress: action.msg };
    case 'stopRequested':
      return { ...view, status: 'stopping' };
    case 'done':
      return { ...view, status: 'done', progress: undefined, winnerKey: action.msg.winnerKey, skippedBaselines: action.msg.skippedBaselines };
    case 'stopped':
      return { ...view, status: 'stopped', progress: undefined };
    case 'failed':
      return { ...view, status: 'error', progress: undefined, error: action.error };
  }
}
