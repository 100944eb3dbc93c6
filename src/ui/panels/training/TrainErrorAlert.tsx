// A failed training run, in words, with what to try next.

/** What to do next for a training error code from the worker. */
export function trainNextStep(code: string | undefined): string {
  switch (code) {
    case 'noData':
      return 'Load data in step 1 first, then start again.';
    case 'badOption':
    case 'badConfig':
    case 'badSpace':
      return 'Correct the setting named above, then start again.';
    case 'busy':
      return 'Wait a moment for the previous run to wind down, then start again.';
    case 'unavailable':
      return 'This build cannot train yet. Reload the page after updating it.';
    case 'crash':
      return 'A fresh worker is loading the data again. If the run had saved a checkpoint, resume it from there below; otherwise start again.';
    case 'memory':
    case 'oom':
      return 'Try a smaller space (fewer blocks or widths) or a smaller batch size.';
    default:
      return 'Reset and start again; if it fails again, try a smaller batch size or the Tiny preset.';
  }
}

/** Setting names as the worker writes them → as the settings card labels them. */
const LABELS: Record<string, string> = {
  steps: 'Steps',
  batchSize: 'Batch size',
  lr: 'Learning rate',
  fullPathWarmupSteps: 'Full-path warm-up',
  evalEvery: 'Validate every',
  evalRows: 'Validate on (rows)',
};

/** The worker's message with setting names replaced by their labels in the form ("evalRows must…" → "Validate on (rows) must…"). */
export function humanize(message: string): string {
  return message.replace(/\b(steps|batchSize|lr|fullPathWarmupSteps|evalEvery|evalRows)\b(?= must)/g, (key) => LABELS[key] ?? key);
}

/** `role="alert"` box in the training panel (`data-testid="train-error"`). */
export function TrainErrorAlert({ message, code }: { message: string; code: string | undefined }) {
  return (
    <div className="alert alert-error" role="alert" data-testid="train-error">
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>Training stopped with a problem
      </p>
      <p>{humanize(message)}</p>
      <p className="alert-next">{trainNextStep(code)}</p>
    </div>
  );
}
