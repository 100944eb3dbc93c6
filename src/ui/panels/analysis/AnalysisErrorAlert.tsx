// A failed search or rank check, in words, with what to try next.
import { analysisNextStep } from './supernetGate.ts';

/** `role="alert"` box (`data-testid="{job}-error"`, `data-code` = the worker's error code). */
export function AnalysisErrorAlert({ job, message, code }: { job: 'search' | 'rank'; message: string; code: string | undefined }) {
  return (
    <div className="alert alert-error" role="alert" data-testid={`${job}-error`} data-code={code ?? ''}>
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>
        {job === 'search' ? 'The search stopped with a problem' : 'The rank check stopped with a problem'}
      </p>
      <p>{message}</p>
      <p className="alert-next">{analysisNextStep(code)}</p>
    </div>
  );
}
