// The numeric choices of a space: blocks, dense widths, sparse rows, most inputs per stream, embedding size.
import { NumberField } from '../../components/NumberField.tsx';
import type { SpaceErrors, SpaceForm } from './spaceForm.ts';

export interface SpaceShapeFieldsProps {
  form: SpaceForm;
  errors: SpaceErrors;
  onEdit(patch: Partial<Omit<SpaceForm, 'preset'>>): void;
  disabled?: boolean;
}

/** Sizes and connections (`data-testid="space-{field}"` on each input). */
export function SpaceShapeFields({ form, errors, onEdit, disabled }: SpaceShapeFieldsProps) {
  return (
    <fieldset className="card">
      <legend>Sizes and connections</legend>
      <div className="field-row">
        <NumberField label="Blocks" value={form.blocks} onChange={(v) => onEdit({ blocks: v })} error={errors.blocks} testId="space-blocks" disabled={disabled} />
        <NumberField
          label="Max inputs"
          value={form.maxInputs}
          onChange={(v) => onEdit({ maxInputs: v })}
          error={errors.maxInputs}
          testId="space-max-inputs"
          hint="per stream, per block"
          disabled={disabled}
        />
      </div>
      <NumberField
        label="Dense width choices (d)"
        value={form.denseDims}
        onChange={(v) => onEdit({ denseDims: v })}
        error={errors.denseDims}
        testId="space-dense-dims"
        inputMode="text"
        hint="Output features of a block's dense operator, e.g. 16, 32, 64"
        disabled={disabled}
      />
      <NumberField
        label="Sparse row choices (s)"
        value={form.sparseDims}
        onChange={(v) => onEdit({ sparseDims: v })}
        error={errors.sparseDims}
        testId="space-sparse-dims"
        inputMode="text"
        hint="Embedding rows a block's sparse operator outputs, e.g. 8, 16"
        disabled={disabled}
      />
      <NumberField
        label="Embedding dimension (E)"
        value={form.embeddingDim}
        onChange={(v) => onEdit({ embeddingDim: v })}
        error={errors.embeddingDim}
        testId="space-embedding-dim"
        hint="Length of every category's learned vector (even: attention heads have 2 dimensions)"
        disabled={disabled}
      />
    </fieldset>
  );
}
