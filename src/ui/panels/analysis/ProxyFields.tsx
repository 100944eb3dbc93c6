// The proxy's settings (fine-tune mode, steps, learning rate, validation rows), shared by the search and rank forms.
import { useId } from 'react';
import type { FineTuneMode } from '../../../core/search/proxy.ts';
import { NumberField } from '../../components/NumberField.tsx';
import { FINE_TUNE_MODES } from './proxyForm.ts';
import type { FlatProxyErrors, ProxyForm } from './proxyForm.ts';

export interface ProxyFieldsProps {
  /** Test-id prefix, e.g. `search` → `search-proxy-mode`, `search-proxy-steps`, `search-val-rows`. */
  prefix: string;
  form: ProxyForm;
  /** The form's errors; only the proxy's are read. */
  errors: FlatProxyErrors;
  onChange(patch: Partial<ProxyForm>): void;
  disabled: boolean;
}

export function ProxyFields({ prefix, form, errors, onChange, disabled }: ProxyFieldsProps) {
  const id = useId();
  const mode = FINE_TUNE_MODES.find((m) => m.value === form.mode);
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Proxy fine-tuning</label>
        <select id={id} value={form.mode} onChange={(e) => onChange({ mode: e.target.value as FineTuneMode })} disabled={disabled} data-testid={`${prefix}-proxy-mode`} aria-describedby={`${id}-hint`}>
          {FINE_TUNE_MODES.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
        <span className="field-hint" id={`${id}-hint`}>
          {mode?.text}
        </span>
      </div>
      <div className="field-row">
        <NumberField label="Fine-tune steps" value={form.steps} onChange={(v) => onChange({ steps: v })} error={errors.proxySteps} testId={`${prefix}-proxy-steps`} disabled={disabled || form.mode === 'none'} />
        <NumberField label="Fine-tune lr" value={form.lr} onChange={(v) => onChange({ lr: v })} error={errors.proxyLr} testId={`${prefix}-proxy-lr`} disabled={disabled || form.mode === 'none'} />
        <NumberField label="Validation rows" value={form.valRows} onChange={(v) => onChange({ valRows: v })} error={errors.proxyValRows} testId={`${prefix}-val-rows`} disabled={disabled} />
      </div>
    </>
  );
}
