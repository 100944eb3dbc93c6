// Supernet training settings: steps, batch, learning rate, full-path warm-up, evaluation interval, seed.
import { NumberField } from '../../components/NumberField.tsx';
import type { TrainForm, TrainFormErrors } from './trainForm.ts';

export interface TrainSettingsProps {
  form: TrainForm;
  errors: TrainFormErrors;
  onChange(patch: Partial<TrainForm>): void;
  /** While a job is live the settings are fixed (reset to change them). */
  disabled: boolean;
  onDefaults(): void;
  presetLabel: string;
}

/** The settings card (`data-testid="train-{field}"` on each input). */
export function TrainSettings({ form, errors, onChange, disabled, onDefaults, presetLabel }: TrainSettingsProps) {
  return (
    <fieldset className="card train-settings">
      <legend>Training settings</legend>
      <div className="field-row">
        <NumberField label="Steps" value={form.steps} onChange={(v) => onChange({ steps: v })} error={errors.steps} testId="train-steps" disabled={disabled} />
        <NumberField label="Batch size" value={form.batchSize} onChange={(v) => onChange({ batchSize: v })} error={errors.batchSize} testId="train-batch" disabled={disabled} />
      </div>
      <div className="field-row">
        <NumberField
          label="Learning rate"
          value={form.lr}
          onChange={(v) => onChange({ lr: v })}
          error={errors.lr}
          testId="train-lr"
          inputMode="decimal"
          disabled={disabled}
        />
        <NumberField label="Seed" value={form.seed} onChange={(v) => onChange({ seed: v })} error={errors.seed} testId="train-seed-input" disabled={disabled} />
      </div>
      <NumberField
        label="Full-path warm-up (steps)"
        value={form.fullPathWarmupSteps}
        onChange={(v) => onChange({ fullPathWarmupSteps: v })}
        error={errors.fullPathWarmupSteps}
        testId="train-warmup"
        hint="Early steps train the whole supernet, less and less often; 0 = none"
        disabled={disabled}
      />
      <div className="field-row">
        <NumberField
          label="Validate every"
          value={form.evalEvery}
          onChange={(v) => onChange({ evalEvery: v })}
          error={errors.evalEvery}
          testId="train-eval-every"
          hint="steps"
          disabled={disabled}
        />
        <NumberField
          label="Validate on"
          value={form.evalRows}
          onChange={(v) => onChange({ evalRows: v })}
          error={errors.evalRows}
          testId="train-eval-rows"
          hint="rows (at most the split)"
          disabled={disabled}
        />
      </div>
      <p className="hint">Adagrad with 10 % learning-rate warm-up, cosine decay and gradient clipping at 5, as in NASRec.</p>
      <button type="button" onClick={onDefaults} disabled={disabled} data-testid="train-defaults">
        Defaults for {presetLabel}
      </button>
    </fieldset>
  );
}
