// The last row of the search and rank settings: the seed and the Defaults button (`{prefix}-seed`, `{prefix}-defaults`).
import { NumberField } from '../../components/NumberField.tsx';

export interface SeedRowProps {
  prefix: 'search' | 'rank';
  seed: string;
  error: string | undefined;
  onSeed(value: string): void;
  onDefaults(): void;
}

export function SeedRow({ prefix, seed, error, onSeed, onDefaults }: SeedRowProps) {
  return (
    <div className="field-row">
      <NumberField label="Seed" value={seed} onChange={onSeed} error={error} testId={`${prefix}-seed`} />
      <div className="field field-button">
        <button type="button" onClick={onDefaults} data-testid={`${prefix}-defaults`}>
          Defaults
        </button>
      </div>
    </div>
  );
}
