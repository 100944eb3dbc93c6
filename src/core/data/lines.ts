// Splits a stream of byte chunks into lines (LF or CRLF) without decoding or holding the whole text.
import { DataError } from './types.ts';

/** Called once per line with the bytes [start, end) of `buf` (no line terminator) and its 1-based number. */
export type LineHandler = (buf: Uint8Array, start: number, end: number, lineNo: number) => void;

/** Longest line accepted; longer ones mean the input is not row-per-line text. */
export const MAX_LINE_BYTES = 1 << 20;

/**
 * Push chunks in order, then call `end()`. Lines are handed over synchronously, so a caller may
 * reuse its chunk buffer after `push` returns.
 */
export class LineSplitter {
  private carry: Uint8Array | null = null;
  private lineNo = 0;

  constructor(private readonly onLine: LineHandler) {}

  /** Number of lines emitted so far. */
  get lines(): number {
    return this.lineNo;
  }

  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.carry) {
      const nl = chunk.indexOf(10);
      const joined = concat(this.carry, nl < 0 ? chunk : chunk.subarray(0, nl));
      if (nl < 0) {
        this.setCarry(joined);
        return;
      }
      this.carry = null;
      this.emit(joined, 0, joined.length);
      pos = nl + 1;
    }
    for (;;) {
      const nl = chunk.indexOf(10, pos);
      if (nl < 0) break;
      this.emit(chunk, pos, nl);
      pos = nl + 1;
    }
    if (pos < chunk.length) this.setCarry(chunk.slice(pos));
  }

  /** Emits the last line when the input does not end with a newline. */
  end(): void {
    if (this.carry && this.carry.length > 0) this.emit(this.carry, 0, this.carry.length);
    this.carry = null;
  }

  private setCarry(bytes: Uint8Array): void {
    if (bytes.length > MAX_LINE_BYTES) {
      throw new DataError(
        'binary',
        `Line ${this.lineNo + 1} is longer than 1 MB. This does not look like a CSV/TSV file with one row per line.`,
      );
    }
    this.carry = bytes;
  }

  private emit(buf: Uint8Array, start: number, end: number): void {
    this.lineNo++;
    if (end > start && buf[end - 1] === 13) end--; // CRLF
    this.onLine(buf, start, end, this.lineNo);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
