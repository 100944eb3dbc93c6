// Search settings: method, evolution (or random budget), proxy, finalists, from-scratch step cap, seed.
import { useId } from 'react';
import { NumberField } from '../../components/NumberField.tsx';
import { formatCount } from '../../format.ts';
import { ProxyFields } from '../analysis/ProxyFields.tsx';
import { SeedRow } from '../analysis/SeedRow.tsx';
import { searchBudget, withMethod } from './searchForm.ts';
import type { SearchForm, SearchFormErrors, SearchMethod } from './searchForm.ts';

export interface SearchSettingsProps {
  form: SearchForm;
  errors: SearchFormErrors;
  onChange(next: SearchForm): void;
  disabled: boolean;
  onDefaults(): void;
}

const METHODS: { value: SearchMethod; label: string }[] = [
  { value: 'evolution', label: 'Regularized evolution' },
  { value: 'random', label: 'Random search' },
];

/** The settings card (`data-testid="search-{field}"` on each input; `search-method-{evolution|random}`). */
export function SearchSettings({ form, errors, onChange, disabled, onDefaults }: SearchSettingsProps) {
  const name = useId();
  const set = (patch: Partial<SearchForm>) => onChange({ ...form, ...patch });
  const budget = searchBudget(form);
  return (
    <fieldset className="card analysis-settings" disabled={disabled}>
      <legend>Search settings</legend>
      <div className="segmented" role="radiogroup" aria-label="Method">
        {METHODS.map((m) => (
          <label key={m.value} className={form.method === m.value ? 'checked' : ''}>
            <input type="radio" name={name} checked={form.method === m.value} onChange={() => onChange(withMethod(form, m.value))} data-testid={`search-method-${m.value}`} />
            {m.label}
          </label>
        ))}
      </div>
      {form.method === 'evolution' ? (
        <>
          <div className="field-row">
            <NumberField label="Population" value={form.population} onChange={(v) => set({ population: v })} error={errors.population} testId="search-population" />
            <NumberField label="Tournament size" value={form.sampleSize} onChange={(v) => set({ sampleSize: v })} error={errors.sampleSize} testId="search-sample-size" />
          </div>
          <div className="field-row">
            <NumberField label="Children per generation" value={form.children} onChange={(v) => set({ children: v })} error={errors.children} testId="search-children" />
            <NumberField label="Generations" value={form.generations} onChange={(v) => set({ generations: v })} error={errors.generations} testId="search-generations" />
          </div>
          <NumberField label="Kept per generation (history)" value={form.topK} onChange={(v) => set({ topK: v })} error={errors.topK} testId="search-top-k" />
        </>
      ) : (
        <NumberField label="Architectures to score" value={form.randomBudget} onChange={(v) => set({ randomBudget: v })} error={errors.randomBudget} testId="search-random-budget" />
      )}
      <p className="hint" data-testid="search-budget">
        {budget !== undefined ? `${formatCount(budget)} architectures will be scored with the proxy.` : 'Fix the numbers above to see how many architectures will be scored.'}
      </p>
      <ProxyFields prefix="search" form={form.proxy} errors={errors} onChange={(p) => set({ proxy: { ...form.proxy, ...p } })} disabled={disabled} />
      <div className="field-row">
        <NumberField label="Finalists" value={form.finalists} onChange={(v) => set({ finalists: v })} error={errors.finalists} testId="search-finalists" hint="best by proxy, retrained from scratch" />
        <NumberField label="Step cap from scratch" value={form.scratchCap} onChange={(v) => set({ scratchCap: v })} error={errors.scratchCap} testId="search-scratch-cap" hint="blank: one epoch" />
      </div>
      <SeedRow prefix="search" seed={form.seed} error={errors.seed} onSeed={(v) => set({ seed: v })} onDefaults={onDefaults} />
    </fieldset>
  );
}
