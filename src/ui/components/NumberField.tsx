// A labelled text input for a number (or a list of numbers), with its validation message tied to it for screen readers.
import { useId } from 'react';

export interface NumberFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** A message for people when the value is not acceptable. */
  error?: string | undefined;
  testId?: string;
  disabled?: boolean;
  /** Keyboard on touch devices: whole numbers (default), decimals, or free text such as "16, 32, 64". */
  inputMode?: 'numeric' | 'decimal' | 'text';
  /** A short note under the input (e.g. the expected format). */
  hint?: string;
}

/** `<label>` + `<input inputmode="numeric">`; shows `error` below and marks the input invalid. */
export function NumberField({ label, value, onChange, error, testId, disabled, inputMode = 'numeric', hint }: NumberFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : '', hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-testid={testId}
        disabled={disabled}
      />
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
