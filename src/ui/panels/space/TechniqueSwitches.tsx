// NASRec's three techniques as switches: how paths are sampled, interaction modules, post-training fine-tuning.
import { useId } from 'react';
import type { SamplingStrategy } from '../../../core/space/types.ts';
import { Switch } from '../../components/Switch.tsx';
import type { Techniques } from './spaceForm.ts';

/** Each strategy with a one-line explanation (NASREC.md §8.1). */
export const STRATEGIES: { value: SamplingStrategy; label: string; text: string }[] = [
  {
    value: 'single-op-any-connection',
    label: 'Single operator, any connection (NASRec default)',
    text: 'Each step, every block runs one dense and one sparse operator and reads any set of earlier blocks.',
  },
  { value: 'single-path', label: 'Single path', text: 'One operator and one input per stream in every block: a thin path (ablation).' },
  { value: 'any-path', label: 'Any path', text: 'Any inputs, and several operators at once whose outputs are added (ablation).' },
  { value: 'full-path', label: 'Full path', text: 'Every input, operator and width on at every step: the whole supernet, nothing sampled (ablation).' },
];

export interface TechniqueSwitchesProps {
  techniques: Techniques;
  onTechniques(patch: Partial<Techniques>): void;
  interactionModules: boolean;
  onInteractionModules(on: boolean): void;
  disabled?: boolean;
}

/** The techniques card (`data-testid="techniques"`). */
export function TechniqueSwitches({ techniques, onTechniques, interactionModules, onInteractionModules, disabled }: TechniqueSwitchesProps) {
  const name = useId();
  return (
    <fieldset className="card techniques" data-testid="techniques">
      <legend>NASRec techniques</legend>
      <fieldset className="radio-group strategy-group">
        <legend>1. How the supernet samples a path each training step</legend>
        {STRATEGIES.map((s) => (
          <label key={s.value} className="radio-with-text">
            <input
              type="radio"
              name={name}
              value={s.value}
              checked={techniques.strategy === s.value}
              onChange={() => onTechniques({ strategy: s.value })}
              data-testid={`strategy-${s.value}`}
              disabled={disabled}
            />
            <span>
              <strong>{s.label}</strong>
              <span className="radio-text">{s.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="technique-switches">
        <Switch
          label="2. Interaction modules"
          checked={interactionModules}
          onChange={onInteractionModules}
          testId="technique-interaction"
          disabled={disabled}
          description="Let each block pass its dense output into the embeddings (dense→sparse) and an FM of its embeddings into the dense output (sparse→dense). Off: never used."
        />
        <Switch
          label="3. Post-training fine-tuning"
          checked={techniques.fineTune}
          onChange={(on) => onTechniques({ fineTune: on })}
          testId="technique-finetune"
          description="Used by the search step: before scoring an architecture, briefly retrain only its last layer on top of the shared weights."
        />
      </div>
    </fieldset>
  );
}
