// An on/off switch: a checkbox with role="switch", its state written out ("On"/"Off"), not shown by colour alone.
import { useId } from 'react';
import type { ReactNode } from 'react';

export interface SwitchProps {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  /** One line under the label on what the switch does. */
  description?: ReactNode;
  testId?: string;
  disabled?: boolean;
}

/** A labelled switch with an optional description tied to it for screen readers. */
export function Switch({ label, checked, onChange, description, testId, disabled }: SwitchProps) {
  const id = useId();
  return (
    <div className="switch-field">
      <label className="switch" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          role="switch"
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={description ? `${id}-desc` : undefined}
          data-testid={testId}
          disabled={disabled}
        />
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">{label}</span>
        <span className={`switch-state${checked ? ' on' : ''}`} aria-hidden="true">
          {checked ? 'On' : 'Off'}
        </span>
      </label>
      {description && (
        <p className="switch-desc" id={`${id}-desc`}>
          {description}
        </p>
      )}
    </div>
  );
}
