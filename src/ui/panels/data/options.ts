// The Data panel's form values, their defaults, validation, and the protocol options they become.
import type { DataFormat, FieldKind, SplitMode } from '../../../core/data/types.ts';
import type { DataOptions } from '../../../worker/protocol.ts';

/** Format choice in the form: `auto` lets the loader detect it from the content. */
export type FormatChoice = 'auto' | DataFormat;

/** Raw text of the form's inputs: kept as typed so a half-typed number is not lost. */
export interface DataForm {
  sampleRows: string;
  sampleSeed: string;
  format: FormatChoice;
  label: string;
  splitMode: SplitMode;
  splitSeed: string;
  bucketCap: string;
}

export const DEFAULT_FORM: DataForm = {
  /** = core DEFAULT_SAMPLE_ROWS (the UI may not import the data layer; a unit test keeps them equal). */
  sampleRows: '400000',
  sampleSeed: '1',
  format: 'auto',
  label: '',
  splitMode: 'random',
  splitSeed: '1',
  bucketCap: '65536',
};

/** Largest built-in sample the panel offers (the worker holds the whole encoded set in memory). */
export const MAX_SAMPLE_ROWS = 2_000_000;

/** Parses an integer in [min, max]; returns an error message for people when it is not one. */
export function parseIntIn(text: string, min: number, max: number, what: string): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isInteger(n)) return `${what} must be a whole number.`;
  if (n < min || n > max) return `${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}.`;
  return n;
}

/** Per-input problems of the form (absent key = fine). */
export type FormErrors = Partial<Record<keyof DataForm, string>>;

/** Checks every numeric input. */
export function validateForm(form: DataForm): FormErrors {
  const errors: FormErrors = {};
  const checks: [keyof DataForm, number, number, string][] = [
    ['sampleRows', 10, MAX_SAMPLE_ROWS, 'Rows'],
    ['sampleSeed', 0, 0xffffffff, 'Seed'],
    ['splitSeed', 0, 0xffffffff, 'Split seed'],
    ['bucketCap', 2, 1 << 24, 'Bucket cap'],
  ];
  for (const [key, min, max, what] of checks) {
    const r = parseIntIn(form[key], min, max, what);
    if (typeof r === 'string') errors[key] = r;
  }
  return errors;
}

/** The protocol options for a valid form (call `validateForm` first); `kinds` only for CSV reloads. */
export function toDataOptions(form: DataForm, kinds?: Record<string, FieldKind>): DataOptions {
  const label = form.label.trim();
  return {
    ...(form.format !== 'auto' ? { format: form.format } : {}),
    ...(label !== '' ? { label } : {}),
    ...(kinds && Object.keys(kinds).length > 0 ? { kinds } : {}),
    bucketCap: Number(form.bucketCap),
    splitMode: form.splitMode,
    splitSeed: Number(form.splitSeed),
  };
}
