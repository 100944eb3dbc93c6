// Preset choice: NASRec-Full, NASRec-Small or Tiny; shows "Custom" once the space has been edited.
import { useId } from 'react';
import type { PresetName } from '../../../core/space/types.ts';

export const PRESETS: { name: PresetName; label: string; text: string }[] = [
  { name: 'full', label: 'NASRec-Full', text: 'The paper\u2019s full space: 7 blocks and all six operators, with widths shrunk for a browser.' },
  { name: 'small', label: 'NASRec-Small', text: 'The paper\u2019s smaller space: 7 blocks with only FC, Dot-Product and EFC (AutoCTR\u2019s operators).' },
  { name: 'tiny', label: 'Tiny', text: 'A teaching space: 3 blocks, every operator, few widths. It trains in minutes, even without a fast GPU.' },
];

export interface PresetPickerProps {
  value: PresetName | 'custom';
  onChoose(name: PresetName): void;
  disabled?: boolean;
}

/** A `<select>` of the presets (`data-testid="space-preset"`), with a sentence on the chosen one. */
export function PresetPicker({ value, onChoose, disabled }: PresetPickerProps) {
  const id = useId();
  const chosen = PRESETS.find((p) => p.name === value);
  return (
    <div className="field">
      <label htmlFor={id}>Preset</label>
      <select id={id} value={value} onChange={(e) => onChoose(e.target.value as PresetName)} data-testid="space-preset" disabled={disabled}>
        {PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {p.label}
          </option>
        ))}
        {value === 'custom' && (
          <option value="custom" disabled>
            Custom (edited)
          </option>
        )}
      </select>
      <p className="hint" data-testid="space-preset-text">
        {chosen ? chosen.text : 'Edited from a preset. Pick a preset again to start over from it.'}
      </p>
    </div>
  );
}
