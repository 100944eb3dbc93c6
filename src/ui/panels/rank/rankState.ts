// What the rank panel knows about the current rank check, built from the worker's messages. Pure reducer.
import type { Arch, ArchKey } from '../../../core/space/types.ts';
import type { RankPoint } from '../../../worker/client.ts';
import type { JobProgressMessage, RankDoneMessage, RankRequest } from '../../../worker/protocol.ts';
import { isJobLive } from '../analysis/jobStatus.ts';
import type { JobError, JobLifecycleAction, JobStatus } from '../analysis/jobStatus.ts';

/** One architecture of the check; its losses arrive one at a time. */
export interface RankRow {
  index: number;
  key: ArchKey;
  arch: Arch;
  /** Proxy loss under the default settings. */
  proxy?: number;
  /** Best validation log loss trained from scratch. */
  standalone?: number;
  flops?: number;
  params?: number;
}

export interface RankView {
  status: JobStatus;
  jobId: number;
  request: RankRequest | undefined;
  /** By index (the order the worker drew them). */
  rows: RankRow[];
  progress: JobProgressMessage | undefined;
  result: RankDoneMessage | undefined;
  error: JobError | undefined;
}

export type RankAction =
  | JobLifecycleAction<RankRequest, RankDoneMessage>
  | { type: 'point'; msg: RankPoint }
  | { type: 'progress'; msg: JobProgressMessage };

export const INITIAL_RANK: RankView = { status: 'idle', jobId: 0, request: undefined, rows: [], progress: undefined, result: undefined, error: undefined };

/** `rows` with the point's losses merged into its index (a new index is added in order). */
export function mergePoint(rows: readonly RankRow[], msg: RankPoint): RankRow[] {
  const out = rows.slice();
  const at = out.findIndex((r) => r.index === msg.index);
  const prev = at >= 0 ? out[at] : undefined;
  const row: RankRow = {
    ...(prev ?? { index: msg.index, key: msg.key, arch: msg.arch }),
    ...(msg.proxy !== undefined ? { proxy: msg.proxy } : {}),
    ...(msg.standalone !== undefined ? { standalone: msg.standalone } : {}),
  };
  if (at >= 0) out[at] = row;
  else out.splice(sortedIndex(out, msg.index), 0, row);
  return out;
}

function sortedIndex(rows: readonly RankRow[], index: number): number {
  const i = rows.findIndex((r) => r.index > index);
  return i < 0 ? rows.length : i;
}

/** The final rows: every point's standalone loss and cost from `rankDone`, the default proxy from its first correlation. */
export function rowsFromResult(result: RankDoneMessage): RankRow[] {
  const proxy = result.correlations[0]?.proxy ?? [];
  return result.points.map((p, index) => ({ index, key: p.key, arch: p.arch, standalone: p.standalone, flops: p.flops, params: p.params, ...(proxy[index] !== undefined ? { proxy: proxy[index] } : {}) }));
}

export function rankReducer(view: RankView, action: RankAction): RankView {
  if (action.type === 'start') return { ...INITIAL_RANK, status: 'running', jobId: action.jobId, request: action.request };
  const id = 'msg' in action ? action.msg.id : action.jobId;
  if (id !== view.jobId || !isJobLive(view.status)) return view;
  switch (action.type) {
    case 'point':
      return { ...view, rows: mergePoint(view.rows, action.msg) };
    case 'progress':
      return { ...view, progress: action.msg };
    case 'stopRequested':
      return { ...view, status: 'stopping' };
    case 'done':
      return { ...view, status: 'done', progress: undefined, result: action.msg, rows: rowsFromResult(action.msg) };
    case 'stopped':
      return { ...view, status: 'stopped', progress: undefined };
    case 'failed':
      return { ...view, status: 'error', progress: undefined, error: action.error };
  }
}
