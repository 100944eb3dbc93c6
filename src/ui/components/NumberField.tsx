// A labelled text input for a whole number, with its validation message tied to it for screen readers.
import { useId } from 'react';

export interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A message for people when the value is not acceptable. */
  error?: string | undefined;
  testId?: string;
  disabled?: boolean;
}

/** `<label>` + `<input inputmode="numeric">`; shows `error` below and marks the input invalid. */
export function NumberField({ label, value, onChange, error, testId, disabled }: NumberFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        disabled={disabled}
      />
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
