// A long job's progress line: its stage, a bar, "3 of 12", the time left, and the Stop button.
import type { JobProgressMessage } from '../../../worker/protocol.ts';
import { countText, etaText, fractionDone } from './eta.ts';
import type { JobStatus } from './jobStatus.ts';

export interface JobProgressProps {
  /** Test-id prefix: `search` or `rank`. */
  job: 'search' | 'rank';
  status: JobStatus;
  progress: JobProgressMessage | undefined;
  onStop(): void;
}

/** `data-testid="{job}-progress"` with `data-stage`, `data-done`, `data-total`; `{job}-eta`; `{job}-stop`. */
export function JobProgress({ job, status, progress, onStop }: JobProgressProps) {
  const stopping = status === 'stopping';
  return (
    <div className="job-progress" data-testid={`${job}-progress`} data-stage={progress?.stage ?? ''} data-done={progress?.done ?? 0} data-total={progress?.total ?? 0}>
      <p className="job-progress-title" role="status">
        {stopping ? 'Stopping after the current step…' : (progress?.stage ?? 'Starting…')}
        {progress?.detail && !stopping ? <span className="job-progress-detail"> — {progress.detail}</span> : null}
      </p>
      <div className="inline">
        <progress max={1} value={progress ? fractionDone(progress.done, progress.total) : 0} aria-label={`${job === 'search' ? 'Search' : 'Rank check'} progress`} />
        <span className="job-progress-count">{progress ? countText(progress.done, progress.total) : ''}</span>
        <span className="job-progress-eta" data-testid={`${job}-eta`}>
          {progress && progress.done < progress.total ? etaText(progress.etaSeconds) : ''}
        </span>
        <button type="button" onClick={onStop} disabled={stopping} data-testid={`${job}-stop`}>
          <span aria-hidden="true">■ </span>Stop
        </button>
      </div>
    </div>
  );
}
