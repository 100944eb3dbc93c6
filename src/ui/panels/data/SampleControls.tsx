// Built-in sample: how many rows, which seed, and the button that generates it in the worker.
import { NumberField } from '../../components/NumberField.tsx';
import type { DataForm, FormErrors } from './options.ts';

export interface SampleControlsProps {
  form: DataForm;
  errors: FormErrors;
  onChange(patch: Partial<DataForm>): void;
  onLoad(): void;
}

/** Rows and seed inputs with a "Load sample" button (disabled while an input is invalid). */
export function SampleControls({ form, errors, onChange, onLoad }: SampleControlsProps) {
  const invalid = Boolean(errors.sampleRows ?? errors.sampleSeed ?? errors.splitSeed ?? errors.bucketCap);
  return (
    <fieldset className="card">
      <legend>Built-in sample</legend>
      <p className="hint">Synthetic Criteo-style clicks with a planted model, so the right answer is known.</p>
      <div className="field-row">
        <NumberField label="Rows" value={form.sampleRows} onChange={(v) => onChange({ sampleRows: v })} error={errors.sampleRows} testId="sample-rows" />
        <NumberField label="Seed" value={form.sampleSeed} onChange={(v) => onChange({ sampleSeed: v })} error={errors.sampleSeed} testId="sample-seed" />
      </div>
      <button type="button" className="primary" onClick={onLoad} disabled={invalid} data-testid="load-sample">
        Load sample
      </button>
    </fieldset>
  );
}
