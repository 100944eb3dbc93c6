// Column roles per format: fixed Criteo layout, Avazu's expansion of `hour`, and generic CSV inference.
import { splitCells } from './cells.ts';
import { parseNumber } from './numbers.ts';
import { DataError, type DataFormat, type FieldKind, type LoadOptions } from './types.ts';

/** What the encoder does with one source column. `field` indexes the dense or categorical field list. */
export type ColumnRole =
  | { role: 'label' }
  | { role: 'skip' }
  | { role: 'dense'; field: number }
  | { role: 'categorical'; field: number; hex: boolean }
  | { role: 'avazuHour'; hourField: number; weekdayField: number };

export interface Schema {
  format: DataFormat;
  /** Delimiter byte: 9 (tab) or 44 (comma). */
  delimiter: number;
  hasHeader: boolean;
  /** Source column names (Criteo: label, I1..I13, C1..C26). */
  columns: string[];
  roles: ColumnRole[];
  dense: string[];
  categorical: string[];
}

const CRITEO_DENSE = Array.from({ length: 13 }, (_, i) => `I${i + 1}`);
const CRITEO_CATEGORICAL = Array.from({ length: 26 }, (_, i) => `C${i + 1}`);

/** Criteo TSV: label, I1..I13, C1..C26, no header; C values are hex ids bucketed by NASRec's rule. */
export function criteoSchema(): Schema {
  const roles: ColumnRole[] = [{ role: 'label' }];
  CRITEO_DENSE.forEach((_, field) => roles.push({ role: 'dense', field }));
  CRITEO_CATEGORICAL.forEach((_, field) => roles.push({ role: 'categorical', field, hex: true }));
  return {
    format: 'criteo',
    delimiter: 9,
    hasHeader: false,
    columns: ['label', ...CRITEO_DENSE, ...CRITEO_CATEGORICAL],
    roles,
    dense: [...CRITEO_DENSE],
    categorical: [...CRITEO_CATEGORICAL],
  };
}

/** Avazu CSV: `click` is the label, `id` is dropped, `hour` (YYMMDDHH) becomes hour_of_day and weekday. */
export function avazuSchema(header: string[], delimiter: number): Schema {
  const lower = header.map((h) => h.trim().toLowerCase());
  if (!lower.includes('click')) {
    throw new DataError('noLabel', `This Avazu file has no "click" column. Columns found: ${header.join(', ')}.`);
  }
  const categorical: string[] = [];
  const roles: ColumnRole[] = lower.map((name, i): ColumnRole => {
    if (name === 'click') return { role: 'label' };
    if (name === 'id') return { role: 'skip' };
    if (name === 'hour') {
      categorical.push('hour_of_day', 'weekday');
      return { role: 'avazuHour', hourField: categorical.length - 2, weekdayField: categorical.length - 1 };
    }
    categorical.push(header[i]!.trim());
    return { role: 'categorical', field: categorical.length - 1, hex: false };
  });
  return { format: 'avazu', delimiter, hasHeader: true, columns: header, roles, dense: [], categorical };
}

/** Label column names tried in order when the user names none. */
export const LABEL_NAMES = ['label', 'click', 'clk', 'y'] as const;

/** Integer columns named like identifiers (`userid`, `adgroup_id`) are categorical, though numeric. */
const ID_NAME = /id$/i;

/**
 * Generic CSV/TSV with a header. The label column is `options.label` or the first of LABEL_NAMES;
 * a column is dense when every non-empty sampled cell is a number (except integer id-named columns),
 * categorical otherwise; `options.kinds` overrides per column.
 * @param sample up to ~1000 data lines (bytes) used to infer kinds
 */
export function csvSchema(header: string[], delimiter: number, sample: Uint8Array[], options: LoadOptions): Schema {
  const names = uniqueNames(header.map((h) => h.trim()));
  const label = findLabel(names, options.label);
  const kinds = inferKinds(names.length, delimiter, sample);
  for (const name of Object.keys(options.kinds ?? {})) {
    if (!names.includes(name)) {
      throw new DataError('badOption', `Kind given for "${name}", but the file has no such column. Columns: ${names.join(', ')}.`);
    }
  }
  const dense: string[] = [];
  const categorical: string[] = [];
  const roles = names.map((name, i): ColumnRole => {
    if (i === label) return { role: 'label' };
    const inferred = kinds[i]!;
    const kind: FieldKind = options.kinds?.[name] ?? (inferred.numeric && !(inferred.integer && ID_NAME.test(name)) ? 'dense' : 'categorical');
    if (kind === 'dense') {
      dense.push(name);
      return { role: 'dense', field: dense.length - 1 };
    }
    categorical.push(name);
    return { role: 'categorical', field: categorical.length - 1, hex: false };
  });
  if (dense.length + categorical.length === 0) {
    throw new DataError('noHeader', 'The file has a label column but no feature columns.');
  }
  return { format: 'csv', delimiter, hasHeader: true, columns: names, roles, dense, categorical };
}

function findLabel(names: string[], wanted: string | undefined): number {
  if (wanted !== undefined && wanted !== '') {
    const i = names.indexOf(wanted);
    if (i < 0) {
      throw new DataError('noLabel', `The label column "${wanted}" is not in this file. Columns found: ${names.join(', ')}.`);
    }
    return i;
  }
  const lower = names.map((n) => n.toLowerCase());
  for (const candidate of LABEL_NAMES) {
    const i = lower.indexOf(candidate);
    if (i >= 0) return i;
  }
  throw new DataError(
    'noLabel',
    `No label column found (looked for ${LABEL_NAMES.join(', ')}). Columns found: ${names.join(', ')}. Choose the label column and load again.`,
  );
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw, i) => {
    const base = raw === '' ? `column${i + 1}` : raw;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}_${n + 1}`;
  });
}

function inferKinds(columns: number, delimiter: number, sample: Uint8Array[]): { numeric: boolean; integer: boolean }[] {
  const out = Array.from({ length: columns }, () => ({ numeric: true, integer: true, seen: false }));
  const bounds = new Int32Array(2 * columns);
  for (const line of sample) {
    if (splitCells(line, 0, line.length, delimiter, bounds) !== columns) continue;
    for (let c = 0; c < columns; c++) {
      const s = bounds[2 * c]!;
      const e = bounds[2 * c + 1]!;
      if (s === e) continue;
      const col = out[c]!;
      col.seen = true;
      const v = parseNumber(line, s, e);
      if (Number.isNaN(v)) col.numeric = false;
      else if (!Number.isInteger(v)) col.integer = false;
    }
  }
  return out.map((c) => ({ numeric: c.numeric && c.seen, integer: c.integer }));
}
