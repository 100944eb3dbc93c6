// The offer to continue a kept run from its last checkpoint, or to bring back its trained supernet without training.
import type { SpaceConfig } from '../../../core/space/types.ts';
import type { RunSummary, TrainConfig } from '../../../worker/protocol.ts';

/** The space, training settings and seed a stored run was started with. */
export interface StoredRunSettings {
  space: SpaceConfig;
  train: TrainConfig;
  seed: number;
}

export interface ResumeBoxProps {
  run: RunSummary;
  /** Undefined when the run was stored by another version (it cannot be resumed here). */
  settings: StoredRunSettings | undefined;
  /** Why an interrupted run stopped: the page closed, or the worker crashed. */
  cause: 'closed' | 'crashed';
  /** Why neither button can be used yet, if so. */
  cannotStart: string | undefined;
  /** `loadOnly`: restore the supernet at its checkpoint without training. */
  onResume(loadOnly: boolean): void;
}

/** `data-testid="resume-box"` (`data-cause`, `data-status` = the stored run's status). */
export function ResumeBox({ run, settings, cause, cannotStart, onResume }: ResumeBoxProps) {
  const at = (run.checkpointStep ?? 0).toLocaleString('en-US');
  const interrupted = run.status === 'training' || run.status === 'paused' || cause === 'crashed';
  const unfinished = settings !== undefined && (run.checkpointStep ?? 0) < settings.train.steps;
  return (
    <div className="notice resume-box" role="status" data-testid="resume-box" data-cause={cause} data-status={run.status}>
      {!settings ? (
        <p>{run.name} was stored by another version of the playground and cannot be resumed here.</p>
      ) : (
        <>
          <p>
            <strong>{run.name}</strong>{' '}
            {interrupted
              ? `stopped when ${cause === 'crashed' ? 'the background worker crashed' : 'the page closed'}.`
              : run.status === 'finished'
                ? 'finished training.'
                : `${run.status === 'failed' ? 'failed' : 'was stopped'}.`}{' '}
            Its last checkpoint is at step {at} of {settings.train.steps.toLocaleString('en-US')}
            {unfinished ? '; training continues from there with the run\u2019s own settings and seed' : ''}. Loading its supernet brings it back for search
            and rank without training.
          </p>
          {unfinished && (
            <button type="button" className="primary" onClick={() => onResume(false)} disabled={cannotStart !== undefined} data-testid="resume-run">
              Resume from step {at}
            </button>
          )}{' '}
          <button type="button" className={unfinished ? '' : 'primary'} onClick={() => onResume(true)} disabled={cannotStart !== undefined} data-testid="load-supernet">
            Load its supernet (step {at})
          </button>
          {cannotStart && <span className="hint"> {cannotStart}</span>}
        </>
      )}
    </div>
  );
}
