// Encodes one line at a time into growing columns: validates, transforms dense, hashes categorical.
import { decodeUtf8, splitCells } from './cells.ts';
import { DistinctCounter, GrowableFloat32, GrowableUint32, GrowableUint8 } from './columns.ts';
import { fnv1a32, parseHex32 } from './hashing.ts';
import { denseTransform, parseNumber } from './numbers.ts';
import type { Schema } from './schema.ts';
import type { BadRow } from './types.ts';

/** Most bad-row examples kept for the report. */
export const BAD_ROW_EXAMPLES = 20;
/** Preview rows kept (first good rows in file order). */
export const PREVIEW_ROWS = 10;

/** A categorical column before bucketing: raw 32-bit values and a missing flag per row. */
export interface RawCategorical {
  values: GrowableUint32;
  missing: GrowableUint8;
  missingCount: number;
  distinct: DistinctCounter;
}

export interface RawDense {
  values: GrowableFloat32;
  missingCount: number;
  distinct: DistinctCounter;
}

/** A preview row before bucketing (categorical values are still raw). */
export interface RawPreview {
  line: number;
  label: number;
  dense: number[];
  rawCategorical: (number | null)[];
  raw: string[];
}

const f32 = new Float32Array(1);
const f32bits = new Uint32Array(f32.buffer);

export class RowEncoder {
  readonly dense: RawDense[];
  readonly categorical: RawCategorical[];
  readonly labels = new GrowableUint8();
  readonly preview: RawPreview[] = [];
  readonly badExamples: BadRow[] = [];
  badCount = 0;
  positives = 0;
  private readonly bounds: Int32Array;
  private readonly denseTmp: Float64Array;
  private readonly catTmp: Float64Array; // raw value, or -1 for missing

  constructor(private readonly schema: Schema) {
    this.dense = schema.dense.map(() => ({ values: new GrowableFloat32(), missingCount: 0, distinct: new DistinctCounter() }));
    this.categorical = schema.categorical.map(() => ({
      values: new GrowableUint32(),
      missing: new GrowableUint8(),
      missingCount: 0,
      distinct: new DistinctCounter(),
    }));
    this.bounds = new Int32Array(2 * (schema.columns.length + 1));
    this.denseTmp = new Float64Array(schema.dense.length);
    this.catTmp = new Float64Array(schema.categorical.length);
  }

  get rows(): number {
    return this.labels.length;
  }

  /** Encodes bytes [start, end) of line `lineNo`; blank lines are ignored, bad ones counted. */
  encode(buf: Uint8Array, start: number, end: number, lineNo: number): void {
    if (start === end) return;
    const { roles } = this.schema;
    const cells = splitCells(buf, start, end, this.schema.delimiter, this.bounds);
    if (cells !== roles.length) {
      this.bad(lineNo, cells < 0 ? 'a quoted cell is not closed' : `expected ${roles.length} columns, found ${cells}`);
      return;
    }
    const b = this.bounds;
    let label = -1;
    for (let c = 0; c < roles.length; c++) {
      const role = roles[c]!;
      const s = b[2 * c]!;
      const e = b[2 * c + 1]!;
      switch (role.role) {
        case 'label': {
          label = e - s === 1 ? buf[s]! - 48 : parseNumber(buf, s, e);
          if (label !== 0 && label !== 1) {
            this.bad(lineNo, `label must be 0 or 1, found "${cellText(buf, s, e)}"`);
            return;
          }
          break;
        }
        case 'dense': {
          if (s === e) {
            this.denseTmp[role.field] = NaN;
            break;
          }
          const v = parseNumber(buf, s, e);
          if (Number.isNaN(v)) {
            this.bad(lineNo, `column ${this.schema.columns[c]}: "${cellText(buf, s, e)}" is not a number`);
            return;
          }
          this.denseTmp[role.field] = v;
          break;
        }
        case 'categorical': {
          if (s === e) {
            this.catTmp[role.field] = -1;
            break;
          }
          const hex = role.hex ? parseHex32(buf, s, e) : -1;
          this.catTmp[role.field] = hex >= 0 ? hex : fnv1a32(buf, s, e);
          break;
        }
        case 'avazuHour': {
          const hour = parseNumber(buf, s, e);
          const parts = avazuHour(hour);
          if (!parts) {
            this.bad(lineNo, `column hour: "${cellText(buf, s, e)}" is not a YYMMDDHH time`);
            return;
          }
          this.catTmp[role.hourField] = parts.hourOfDay;
          this.catTmp[role.weekdayField] = parts.weekday;
          break;
        }
        case 'skip':
          break;
      }
    }
    this.commit(label, lineNo, buf, start, end);
  }

  private commit(label: number, lineNo: number, buf: Uint8Array, start: number, end: number): void {
    this.labels.push(label);
    this.positives += label;
    for (let f = 0; f < this.dense.length; f++) {
      const col = this.dense[f]!;
      const x = this.denseTmp[f]!;
      if (Number.isNaN(x)) {
        col.missingCount++;
        col.values.push(0);
      } else {
        const t = denseTransform(x);
        col.values.push(t);
        f32[0] = x;
        col.distinct.add(f32bits[0]!);
      }
    }
    for (let f = 0; f < this.categorical.length; f++) {
      const col = this.categorical[f]!;
      const v = this.catTmp[f]!;
      if (v < 0) {
        col.missingCount++;
        col.values.push(0);
        col.missing.push(1);
      } else {
        col.values.push(v);
        col.missing.push(0);
        col.distinct.add(v);
      }
    }
    if (this.preview.length < PREVIEW_ROWS) this.addPreview(label, lineNo, buf, start, end);
  }

  private addPreview(label: number, lineNo: number, buf: Uint8Array, start: number, end: number): void {
    const n = splitCells(buf, start, end, this.schema.delimiter, this.bounds);
    const raw: string[] = [];
    for (let c = 0; c < n; c++) raw.push(cellText(buf, this.bounds[2 * c]!, this.bounds[2 * c + 1]!));
    this.preview.push({
      line: lineNo,
      label,
      dense: Array.from(this.denseTmp, (x) => (Number.isNaN(x) ? 0 : denseTransform(x))),
      rawCategorical: Array.from(this.catTmp, (v) => (v < 0 ? null : v)),
      raw,
    });
  }

  private bad(line: number, reason: string): void {
    this.badCount++;
    if (this.badExamples.length < BAD_ROW_EXAMPLES) this.badExamples.push({ line, reason });
  }
}

function cellText(buf: Uint8Array, s: number, e: number): string {
  const text = decodeUtf8(buf, s, Math.min(e, s + 40));
  return e - s > 40 ? `${text}…` : text;
}

/** Splits Avazu's YYMMDDHH into hour of day (0–23) and weekday (0 = Sunday). */
export function avazuHour(yymmddhh: number): { hourOfDay: number; weekday: number } | null {
  if (!Number.isInteger(yymmddhh) || yymmddhh < 0 || yymmddhh > 99123123) return null;
  const hh = yymmddhh % 100;
  const dd = Math.floor(yymmddhh / 100) % 100;
  const mm = Math.floor(yymmddhh / 10000) % 100;
  const yy = Math.floor(yymmddhh / 1000000);
  if (hh > 23 || mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
  const date = new Date(Date.UTC(2000 + yy, mm - 1, dd));
  if (date.getUTCDate() !== dd) return null;
  return { hourOfDay: hh, weekday: date.getUTCDay() };
}
