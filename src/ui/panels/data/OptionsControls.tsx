// Load options: format, label column, how rows are split, and the cap on embedding-table sizes.
import { useId } from 'react';
import { NumberField } from '../../components/NumberField.tsx';
import type { DataForm, FormatChoice, FormErrors } from './options.ts';

const FORMATS: { value: FormatChoice; label: string }[] = [
  { value: 'auto', label: 'Detect automatically' },
  { value: 'criteo', label: 'Criteo TSV (label, 13 numbers, 26 categories)' },
  { value: 'avazu', label: 'Avazu CSV' },
  { value: 'csv', label: 'CSV with a header' },
];

export interface OptionsControlsProps {
  form: DataForm;
  errors: FormErrors;
  onChange(patch: Partial<DataForm>): void;
}

/** The options every load uses (format and label apply to files and URLs only). */
export function OptionsControls({ form, errors, onChange }: OptionsControlsProps) {
  const id = useId();
  return (
    <fieldset className="card">
      <legend>Options</legend>
      <div className="field">
        <label htmlFor={`${id}-format`}>Format</label>
        <select id={`${id}-format`} value={form.format} onChange={(e) => onChange({ format: e.target.value as FormatChoice })} data-testid="format">
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-label`}>Label column (CSV, optional)</label>
        <input
          id={`${id}-label`}
          type="text"
          placeholder="label, click, clk or y"
          value={form.label}
          onChange={(e) => onChange({ label: e.target.value })}
          data-testid="label-column"
        />
      </div>
      <fieldset className="field radio-group">
        <legend>Split into train / validation / test</legend>
        <label>
          <input type="radio" name={`${id}-split`} checked={form.splitMode === 'random'} onChange={() => onChange({ splitMode: 'random' })} />
          Random 80 / 10 / 10
        </label>
        <label>
          <input type="radio" name={`${id}-split`} checked={form.splitMode === 'fileOrder'} onChange={() => onChange({ splitMode: 'fileOrder' })} />
          Keep file order (first 80 % train)
        </label>
      </fieldset>
      <div className="field-row">
        <NumberField
          label="Split seed"
          value={form.splitSeed}
          onChange={(v) => onChange({ splitSeed: v })}
          error={errors.splitSeed}
          disabled={form.splitMode !== 'random'}
        />
        <NumberField label="Bucket cap" value={form.bucketCap} onChange={(v) => onChange({ bucketCap: v })} error={errors.bucketCap} />
      </div>
    </fieldset>
  );
}
