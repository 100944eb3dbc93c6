// Number parsing straight from bytes, and NASRec's dense transform (NASREC.md §2.3).

const latin1 = (buf: Uint8Array, start: number, end: number): string =>
  String.fromCharCode.apply(null, Array.from(buf.subarray(start, end)));

/**
 * Parses a decimal number in bytes [start, end): integers on a fast path, anything else
 * (`260.0`, `-1.5e3`) through `Number`. Surrounding spaces are allowed.
 * @returns the value, or NaN when the cell is not a finite number (empty cells are the caller's case).
 */
export function parseNumber(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === 32) start++;
  while (end > start && buf[end - 1] === 32) end--;
  if (start === end) return NaN;
  let i = start;
  let negative = false;
  if (buf[i] === 45) {
    negative = true;
    i++;
  } else if (buf[i] === 43) {
    i++;
  }
  if (i < end && end - i <= 15) {
    let v = 0;
    let j = i;
    for (; j < end; j++) {
      const d = buf[j]! - 48;
      if (d < 0 || d > 9) break;
      v = v * 10 + d;
    }
    if (j === end) return negative ? -v : v;
  }
  const text = latin1(buf, start, end);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}

/** NASRec's dense transform: ln(max(x, 0) + 1). Missing values are 0 before (and after) it. */
export function denseTransform(x: number): number {
  return Math.log(Math.max(x, 0) + 1);
}
