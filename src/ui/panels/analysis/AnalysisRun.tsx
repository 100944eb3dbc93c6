// The run column of the search and rank panels: Start, why it cannot start, progress with Stop, the error, and the stopped/done notices.
import type { ReactNode } from 'react';
import type { JobProgressMessage } from '../../../worker/protocol.ts';
import { AnalysisErrorAlert } from './AnalysisErrorAlert.tsx';
import { isJobLive, type JobError, type JobStatus } from './jobStatus.ts';
import { JobProgress } from './JobProgress.tsx';

export interface AnalysisRunProps {
  /** Test-id prefix: `{job}-start`, `{job}-cannot-start`, `{job}-stopped`, `{job}-done`, and JobProgress's. */
  job: 'search' | 'rank';
  status: JobStatus;
  progress: JobProgressMessage | undefined;
  error: JobError | undefined;
  /** Why Start is disabled, or undefined when it is not. */
  cannotStart: string | undefined;
  /** Button text before the first run, and after one. */
  startLabel: string;
  againLabel: string;
  /** What a run will do, shown beside Start while no job runs (or nothing). */
  hint: ReactNode;
  stoppedText: string;
  /** Shown once the job is done (or nothing, e.g. before its result arrives). */
  done: ReactNode;
  onStart(): void;
  onStop(): void;
  /** Anything the panel adds below (e.g. skipped baselines). */
  children?: ReactNode;
}

export function AnalysisRun(p: AnalysisRunProps) {
  const live = isJobLive(p.status);
  return (
    <div className="analysis-run">
      <div className="inline">
        <button type="button" className="primary" onClick={p.onStart} disabled={live || p.cannotStart !== undefined} data-testid={`${p.job}-start`} title={p.cannotStart}>
          <span aria-hidden="true">▶ </span>
          {p.status === 'idle' ? p.startLabel : p.againLabel}
        </button>
        {!live && p.hint}
      </div>
      {p.cannotStart && !live && (
        <p className="hint analysis-why" data-testid={`${p.job}-cannot-start`}>
          {p.cannotStart}
        </p>
      )}
      {live && <JobProgress job={p.job} status={p.status} progress={p.progress} onStop={p.onStop} />}
      {p.error && <AnalysisErrorAlert job={p.job} message={p.error.message} code={p.error.code} />}
      {p.status === 'stopped' && (
        <p className="notice" role="status" data-testid={`${p.job}-stopped`}>
          {p.stoppedText}
        </p>
      )}
      {p.status === 'done' && p.done && (
        <p className="notice" role="status" data-testid={`${p.job}-done`}>
          {p.done}
        </p>
      )}
      {p.children}
    </div>
  );
}
