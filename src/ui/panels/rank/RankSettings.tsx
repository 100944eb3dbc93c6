// Rank-check settings: K architectures, the proxy, the from-scratch step cap, the ablation switch, seed.
import { NumberField } from '../../components/NumberField.tsx';
import { Switch } from '../../components/Switch.tsx';
import { ProxyFields } from '../analysis/ProxyFields.tsx';
import { SeedRow } from '../analysis/SeedRow.tsx';
import type { RankForm, RankFormErrors } from './rankForm.ts';

export interface RankSettingsProps {
  form: RankForm;
  errors: RankFormErrors;
  onChange(next: RankForm): void;
  disabled: boolean;
  onDefaults(): void;
}

/** The settings card (`data-testid="rank-{k|proxy-mode|proxy-steps|val-rows|scratch-cap|ablation|seed}"`). */
export function RankSettings({ form, errors, onChange, disabled, onDefaults }: RankSettingsProps) {
  const set = (patch: Partial<RankForm>) => onChange({ ...form, ...patch });
  return (
    <fieldset className="card analysis-settings" disabled={disabled}>
      <legend>Rank-check settings</legend>
      <div className="field-row">
        <NumberField label="Architectures (K)" value={form.k} onChange={(v) => set({ k: v })} error={errors.k} testId="rank-k" hint="each is trained from scratch" />
        <NumberField label="Step cap from scratch" value={form.scratchCap} onChange={(v) => set({ scratchCap: v })} error={errors.scratchCap} testId="rank-scratch-cap" hint="at most one epoch; blank: one epoch (§12.4)" />
      </div>
      <ProxyFields prefix="rank" form={form.proxy} errors={errors} onChange={(p) => set({ proxy: { ...form.proxy, ...p } })} disabled={disabled} />
      <Switch
        label="Ablation: each technique switched off"
        checked={form.ablation}
        onChange={(ablation) => set({ ablation })}
        testId="rank-ablation"
        disabled={disabled}
        description="Trains one more supernet per technique (single-path, any-path, full-path sampling, no interaction modules) with step 3's recipe, and scores the same K with each and without fine-tuning. Several times longer."
      />
      <SeedRow prefix="rank" seed={form.seed} error={errors.seed} onSeed={(v) => set({ seed: v })} onDefaults={onDefaults} />
    </fieldset>
  );
}
