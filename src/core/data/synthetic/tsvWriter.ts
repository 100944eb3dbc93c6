// Writes generated rows as Criteo TSV bytes (label, I1..I13, C1..C26; TAB, LF, ASCII) into fixed-size chunks.
import { MISSING_CATEGORY, MISSING_DENSE } from './rowSource.ts';
import type { RowCells } from './rowSource.ts';

const TAB = 9;
const LF = 10;
const ZERO = 48;
const MINUS = 45;
/** Longest possible line: label, 13 × (TAB + "-2147483648"), 26 × (TAB + 8 hex), LF. */
export const MAX_LINE_BYTES = 1 + 13 * 12 + 26 * 9 + 1;

/** Writes a 32-bit integer in decimal at `pos`; returns the position after it. */
export function writeInt(buf: Uint8Array, pos: number, value: number): number {
  let v = value;
  if (v < 0) {
    buf[pos++] = MINUS;
    v = -v;
  }
  let digits = 1;
  for (let t = v; t >= 10; t = Math.floor(t / 10)) digits++;
  const end = pos + digits;
  let p = end;
  do {
    const q = Math.floor(v / 10);
    buf[--p] = ZERO + v - q * 10;
    v = q;
  } while (v > 0);
  return end;
}

/** What a TSV line is written from: the label and the raw cells (a RowGenerator is one). */
export interface LabelledCells {
  readonly label: number;
  readonly cells: RowCells;
}

/** Writes rows as Criteo TSV lines, printing category ranks through per-field tables of hex ids. */
export class TsvLineWriter {
  /** @param hex per categorical field, [size · 8] ASCII ids (see hexTable) */
  constructor(private readonly hex: readonly Uint8Array[]) {}

  /** Writes one row's line at `pos` (at least MAX_LINE_BYTES must be free); returns the position after its LF. */
  write(buf: Uint8Array, pos: number, row: LabelledCells): number {
    let p = pos;
    buf[p++] = ZERO + row.label;
    const dense = row.cells.dense;
    for (let i = 0; i < dense.length; i++) {
      buf[p++] = TAB;
      const x = dense[i]!;
      if (x !== MISSING_DENSE) p = writeInt(buf, p, x);
    }
    const categorical = row.cells.categorical;
    for (let j = 0; j < categorical.length; j++) {
      buf[p++] = TAB;
      const k = categorical[j]!;
      if (k !== MISSING_CATEGORY) {
        const ids = this.hex[j]!;
        for (let d = k * 8, end = d + 8; d < end; d++) buf[p++] = ids[d]!; // a loop beats set(subarray()) for 8 bytes
      }
    }
    buf[p++] = LF;
    return p;
  }
}

/**
 * Packs lines into chunks of exactly `chunkBytes` (the last may be shorter). Lines are cut across
 * chunk borders, so the concatenated bytes do not depend on the chunk size.
 * @param writeLine writes the next line into (buf, pos) and returns the end position
 */
export function* chunkLines(
  lines: number,
  chunkBytes: number,
  writeLine: (buf: Uint8Array, pos: number) => number,
): Generator<Uint8Array> {
  const scratch = new Uint8Array(MAX_LINE_BYTES);
  let chunk = new Uint8Array(chunkBytes);
  let pos = 0;
  for (let r = 0; r < lines; r++) {
    if (chunkBytes - pos >= MAX_LINE_BYTES) {
      pos = writeLine(chunk, pos); // fast path: the line fits, write it in place
      if (pos < chunkBytes) continue;
    } else {
      const len = writeLine(scratch, 0);
      for (let off = 0; off < len; ) {
        const n = Math.min(len - off, chunkBytes - pos);
        chunk.set(scratch.subarray(off, off + n), pos);
        pos += n;
        off += n;
        if (pos === chunkBytes && off < len) {
          yield chunk;
          chunk = new Uint8Array(chunkBytes);
          pos = 0;
        }
      }
      if (pos < chunkBytes) continue;
    }
    yield chunk;
    chunk = new Uint8Array(chunkBytes);
    pos = 0;
  }
  if (pos > 0) yield chunk.subarray(0, pos);
}
