// TensorFlow-Playground-style transport: reset, start, pause/resume, single step, stop, new seed, speed,
// and the always-visible step counter, throughput and backend.
import { useId } from 'react';
import { BackendBadge } from '../../components/BackendBadge.tsx';
import type { BackendView } from '../../hooks/useBackend.ts';
import { formatCount } from '../../format.ts';
import type { TrainingView } from './trainingState.ts';

/** Speed choices in steps per second; 0 = as fast as the backend goes. */
export const SPEEDS: { value: number; label: string }[] = [
  { value: 1, label: '1 step/s' },
  { value: 2, label: '2 steps/s' },
  { value: 5, label: '5 steps/s' },
  { value: 10, label: '10 steps/s' },
  { value: 25, label: '25 steps/s' },
  { value: 0, label: 'Max' },
];

export interface TransportProps {
  view: TrainingView;
  backend: BackendView | undefined;
  /** Why Start is unavailable (no data, bad settings…), or `undefined` when it can start. */
  cannotStart: string | undefined;
  speed: number;
  onStart(): void;
  onPause(): void;
  onResume(): void;
  onStep(): void;
  onStop(): void;
  onReset(): void;
  onNewSeed(): void;
  onSpeed(stepsPerSecond: number): void;
}

/** "about 2 min left" from the remaining steps and the current rate. */
function timeLeft(view: TrainingView): string {
  if (view.status !== 'running' || view.stepsPerSec <= 0) return '';
  const s = (view.totalSteps - view.step) / view.stepsPerSec;
  if (s < 60) return `about ${Math.max(1, Math.round(s))} s left`;
  if (s < 3600) return `about ${Math.round(s / 60)} min left`;
  return `about ${(s / 3600).toFixed(1)} h left`;
}

const STATUS_TEXT: Record<TrainingView['status'], string> = {
  idle: 'Ready',
  starting: 'Building the supernet…',
  running: 'Training',
  paused: 'Paused',
  finished: 'Finished',
  stopped: 'Stopped',
  error: 'Failed',
};

/**
 * The transport bar. The pause button is one toggle: `data-testid="train-pause"` while it pauses,
 * `train-resume` while it resumes (the same element, so keyboard focus stays on it).
 */
export function TransportBar(props: TransportProps) {
  const { view, backend, cannotStart, speed } = props;
  const speedId = useId();
  const live = view.status === 'starting' || view.status === 'running' || view.status === 'paused';
  const paused = view.status === 'paused';
  const canToggle = view.status === 'running' || paused;
  const fraction = view.totalSteps > 0 ? view.step / view.totalSteps : 0;
  return (
    <div className="transport" data-testid="transport" data-status={view.status} role="group" aria-label="Training controls">
      <div className="transport-buttons">
        <button type="button" onClick={props.onReset} data-testid="train-reset" disabled={view.status === 'idle'} title="Clear the run; the next start repeats it with the same seed">
          <span aria-hidden="true">⟲ </span>Reset
        </button>
        <button type="button" className="primary" onClick={props.onStart} data-testid="train-start" disabled={live || cannotStart !== undefined} title={cannotStart}>
          <span aria-hidden="true">▶ </span>
          {view.status === 'idle' ? 'Start' : 'Start again'}
        </button>
        <button
          type="button"
          className="toggle"
          onClick={paused ? props.onResume : props.onPause}
          data-testid={paused ? 'train-resume' : 'train-pause'}
          disabled={!canToggle}
          aria-pressed={paused}
        >
          <span aria-hidden="true">{paused ? '▶ ' : '❚❚ '}</span>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" onClick={props.onStep} data-testid="train-step" disabled={!canToggle} title="Train one step, then pause">
          <span aria-hidden="true">▶| </span>Step
        </button>
        <button type="button" onClick={props.onStop} data-testid="train-stop" disabled={!canToggle}>
          <span aria-hidden="true">■ </span>Stop
        </button>
        <button type="button" onClick={props.onNewSeed} data-testid="train-new-seed" title="Pick a new random seed (and reset)">
          <span aria-hidden="true">⚄ </span>New seed
        </button>
        <span className="transport-seed" data-testid="train-seed">
          seed {view.seed}
        </span>
      </div>
      <div className="transport-readout">
        <div className="step-counter" data-testid="train-step-counter" data-step={view.step} data-total={view.totalSteps} aria-live="off">
          <span className="step-counter-label">step</span> <span className="step-counter-value">{formatCount(view.step)}</span>
          <span className="step-counter-total"> / {formatCount(view.totalSteps)}</span>
        </div>
        <progress max={1} value={fraction} aria-label="Training progress" />
        <span className="transport-status" role="status" data-testid="train-status">
          {STATUS_TEXT[view.status]}
          {view.status === 'running' && timeLeft(view) ? ` · ${timeLeft(view)}` : ''}
        </span>
        <span className="transport-rate" data-testid="train-samples-per-sec" data-value={view.samplesPerSec}>
          {live || view.samplesPerSec > 0 ? `${formatCount(view.samplesPerSec)} samples/s` : '— samples/s'}
        </span>
        <label className="transport-speed" htmlFor={speedId}>
          Speed
          <select id={speedId} value={speed} onChange={(e) => props.onSpeed(Number(e.target.value))} data-testid="train-speed">
            {SPEEDS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <BackendBadge backend={backend} testId="train-backend" compact />
      </div>
      {cannotStart && !live && (
        <p className="hint transport-why" data-testid="train-cannot-start">
          {cannotStart}
        </p>
      )}
    </div>
  );
}
