// Checkboxes for the operators a space may use, each with its colour swatch, short and full name.
import { OpSwatch } from '../../components/OpSwatch.tsx';
import { OP_STYLES } from '../../ops.ts';
import type { AnyOp } from '../../ops.ts';

export interface OpChoicesProps<Op extends AnyOp> {
  legend: string;
  /** Every op of the stream, in canonical order. */
  all: readonly Op[];
  enabled: readonly Op[];
  /** Called with the new enabled list, in canonical order. */
  onChange(ops: Op[]): void;
  error?: string | undefined;
  testId: string;
  disabled?: boolean;
}

/** A fieldset of op checkboxes (`data-testid="{testId}-{op}"`), with the problem below when none is on. */
export function OpChoices<Op extends AnyOp>({ legend, all, enabled, onChange, error, testId, disabled }: OpChoicesProps<Op>) {
  const toggle = (op: Op, on: boolean) => onChange(all.filter((o) => (o === op ? on : enabled.includes(o))));
  return (
    <fieldset className="field op-choices" aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      {all.map((op) => (
        <label key={op} title={OP_STYLES[op].what}>
          <input type="checkbox" checked={enabled.includes(op)} onChange={(e) => toggle(op, e.target.checked)} data-testid={`${testId}-${op}`} disabled={disabled} />
          <OpSwatch op={op} />
          <strong>{OP_STYLES[op].short}</strong> <span className="op-choice-name">{OP_STYLES[op].name}</span>
        </label>
      ))}
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
