// Encodes one line at a time into the raw table: validates, transforms dense, hashes categorical.
import { decodeUtf8, splitCells } from './cells.ts';
import { FNV_OFFSET, FNV_PRIME, fnv1a32, HEX_DIGIT, parseHex32 } from './hashing.ts';
import { denseTransform, parseNumber } from './numbers.ts';
import { RawTable } from './rawTable.ts';
import type { Schema } from './schema.ts';
import type { BadRow } from './types.ts';

/** Most bad-row examples kept for the report. */
export const BAD_ROW_EXAMPLES = 20;
/** Preview rows kept (first good rows in file order). */
export const PREVIEW_ROWS = 10;

/** A preview row before bucketing (categorical values are still raw). */
export interface RawPreview {
  line: number;
  label: number;
  dense: number[];
  rawCategorical: (number | null)[];
  raw: string[];
}

/** Column kinds as small integers, so the hot loop dispatches on a typed array. */
const KIND_LABEL = 0;
const KIND_SKIP = 1;
const KIND_DENSE = 2;
const KIND_CAT_HEX = 3;
const KIND_CAT_STRING = 4;
const KIND_AVAZU_HOUR = 5;

/** ln(x + 1) for small non-negative integers, the common case of count features. */
const LOG1P_TABLE = Float32Array.from({ length: 4096 }, (_, x) => Math.log(x + 1));

export class RowEncoder {
  readonly table: RawTable;
  readonly preview: RawPreview[] = [];
  readonly badExamples: BadRow[] = [];
  badCount = 0;
  positives = 0;
  private readonly kinds: Uint8Array;
  private readonly fields: Int32Array;
  private readonly bounds: Int32Array;
  private readonly denseTmp: Float64Array; // NaN = missing
  private readonly catTmp: Float64Array; // -1 = missing
  private label = 0;

  constructor(private readonly schema: Schema) {
    this.table = new RawTable(schema.dense.length, schema.categorical.length);
    const n = schema.roles.length;
    this.kinds = new Uint8Array(n);
    this.fields = new Int32Array(n);
    schema.roles.forEach((r, c) => {
      this.kinds[c] =
        r.role === 'label'
          ? KIND_LABEL
          : r.role === 'skip'
            ? KIND_SKIP
            : r.role === 'dense'
              ? KIND_DENSE
              : r.role === 'categorical'
                ? r.hex
                  ? KIND_CAT_HEX
                  : KIND_CAT_STRING
                : KIND_AVAZU_HOUR;
      this.fields[c] = r.role === 'dense' || r.role === 'categorical' ? r.field : -1;
    });
    this.bounds = new Int32Array(2 * (n + 1));
    this.denseTmp = new Float64Array(schema.dense.length);
    this.catTmp = new Float64Array(schema.categorical.length);
  }

  get rows(): number {
    return this.table.rows;
  }

  /** Encodes bytes [start, end) of line `lineNo`; blank lines are ignored, bad ones counted. */
  encode(buf: Uint8Array, start: number, end: number, lineNo: number): void {
    if (start === end) return;
    if (this.fastParse(buf, start, end) || this.slowParse(buf, start, end, lineNo)) this.commit(lineNo, buf, start, end);
  }

  /**
   * One pass over the bytes for well-formed rows of plain cells (no quotes, integer dense values).
   * Returns false on anything unusual; the slow path then parses the line again and names the problem.
   */
  private fastParse(buf: Uint8Array, start: number, end: number): boolean {
    const kinds = this.kinds;
    const fields = this.fields;
    const delim = this.schema.delimiter;
    const last = kinds.length - 1;
    let pos = start;
    for (let c = 0; c <= last; c++) {
      const kind = kinds[c]!;
      const cellStart = pos;
      let b = pos < end ? buf[pos]! : delim;
      if (kind === KIND_DENSE) {
        const negative = b === 45;
        if (negative) b = ++pos < end ? buf[pos]! : delim;
        const digitsStart = pos;
        let v = 0;
        while (b >= 48 && b <= 57) {
          v = v * 10 + (b - 48);
          b = ++pos < end ? buf[pos]! : delim;
        }
        if (b !== delim) {
          while (pos < end && buf[pos] !== delim) pos++;
          const x = parseNumber(buf, cellStart, pos);
          if (Number.isNaN(x) || buf[cellStart] === 34) return false;
          this.denseTmp[fields[c]!] = x;
        } else if (pos === digitsStart) {
          if (negative) return false;
          this.denseTmp[fields[c]!] = NaN;
        } else {
          this.denseTmp[fields[c]!] = negative ? -v : v;
        }
      } else if (kind === KIND_CAT_HEX) {
        let v = 0;
        let d = HEX_DIGIT[b]!;
        while (d >= 0) {
          v = v * 16 + d;
          d = ++pos < end ? HEX_DIGIT[buf[pos]!]! : -1;
        }
        const len = pos - cellStart;
        if (pos < end && buf[pos] !== delim) {
          while (pos < end && buf[pos] !== delim) pos++;
          if (buf[cellStart] === 34) return false;
          this.catTmp[fields[c]!] = fnv1a32(buf, cellStart, pos);
        } else {
          this.catTmp[fields[c]!] = len === 0 ? -1 : len <= 8 ? v : fnv1a32(buf, cellStart, pos);
        }
      } else if (kind === KIND_CAT_STRING) {
        if (b === 34) return false;
        let h = FNV_OFFSET;
        while (pos < end && b !== delim) {
          h = Math.imul(h ^ b, FNV_PRIME);
          b = ++pos < end ? buf[pos]! : delim;
        }
        this.catTmp[fields[c]!] = pos === cellStart ? -1 : h >>> 0;
      } else if (kind === KIND_LABEL) {
        if (b !== 48 && b !== 49) return false;
        this.label = b - 48;
        pos++;
      } else if (kind === KIND_SKIP) {
        while (pos < end && buf[pos] !== delim) pos++;
      } else {
        return false;
      }
      if (c < last) {
        if (pos >= end || buf[pos] !== delim) return false;
        pos++;
      } else if (pos !== end) {
        return false;
      }
    }
    return true;
  }

  /** Full parse with quotes and every format; records why a row is bad. */
  private slowParse(buf: Uint8Array, start: number, end: number, lineNo: number): boolean {
    const { roles, columns } = this.schema;
    const cells = splitCells(buf, start, end, this.schema.delimiter, this.bounds);
    if (cells !== roles.length) return this.bad(lineNo, cells < 0 ? 'a quoted cell is not closed' : `expected ${roles.length} columns, found ${cells}`);
    const b = this.bounds;
    for (let c = 0; c < roles.length; c++) {
      const role = roles[c]!;
      const s = b[2 * c]!;
      const e = b[2 * c + 1]!;
      if (role.role === 'label') {
        const label = e - s === 1 ? buf[s]! - 48 : parseNumber(buf, s, e);
        if (label !== 0 && label !== 1) return this.bad(lineNo, `label must be 0 or 1, found "${cellText(buf, s, e)}"`);
        this.label = label;
      } else if (role.role === 'dense') {
        const v = s === e ? NaN : parseNumber(buf, s, e);
        if (s !== e && Number.isNaN(v)) return this.bad(lineNo, `column ${columns[c]}: "${cellText(buf, s, e)}" is not a number`);
        this.denseTmp[role.field] = v;
      } else if (role.role === 'categorical') {
        const hex = role.hex ? parseHex32(buf, s, e) : -1;
        this.catTmp[role.field] = s === e ? -1 : hex >= 0 ? hex : fnv1a32(buf, s, e);
      } else if (role.role === 'avazuHour') {
        const parts = avazuHour(parseNumber(buf, s, e));
        if (!parts) return this.bad(lineNo, `column hour: "${cellText(buf, s, e)}" is not a YYMMDDHH time`);
        this.catTmp[role.hourField] = parts.hourOfDay;
        this.catTmp[role.weekdayField] = parts.weekday;
      }
    }
    return true;
  }

  private commit(lineNo: number, buf: Uint8Array, start: number, end: number): void {
    const t = this.table;
    t.reserveRow();
    const r = t.rows++;
    t.labels[r] = this.label;
    this.positives += this.label;
    for (let f = 0; f < t.nDense; f++) {
      const x = this.denseTmp[f]!;
      if (x !== x) {
        t.denseMissing[f]!++;
        t.denseRaw[f]![r] = NaN;
      } else {
        t.dense[f]![r] = x >= 0 && x < 4096 && (x | 0) === x ? LOG1P_TABLE[x]! : denseTransform(x);
        t.denseRaw[f]![r] = x;
      }
    }
    for (let f = 0; f < t.nCat; f++) {
      const v = this.catTmp[f]!;
      if (v < 0) {
        t.catMissing[f]!++;
        t.missing[f]![r] = 1;
      } else {
        t.cat[f]![r] = v;
      }
    }
    if (this.preview.length < PREVIEW_ROWS) this.addPreview(lineNo, buf, start, end);
  }

  private addPreview(lineNo: number, buf: Uint8Array, start: number, end: number): void {
    const n = splitCells(buf, start, end, this.schema.delimiter, this.bounds);
    const raw: string[] = [];
    for (let c = 0; c < Math.min(n, this.bounds.length >> 1); c++) raw.push(cellText(buf, this.bounds[2 * c]!, this.bounds[2 * c + 1]!));
    this.preview.push({
      line: lineNo,
      label: this.label,
      dense: Array.from(this.denseTmp, (x) => (Number.isNaN(x) ? 0 : denseTransform(x))),
      rawCategorical: Array.from(this.catTmp, (v) => (v < 0 ? null : v)),
      raw,
    });
  }

  private bad(line: number, reason: string): false {
    this.badCount++;
    if (this.badExamples.length < BAD_ROW_EXAMPLES) this.badExamples.push({ line, reason });
    return false;
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
