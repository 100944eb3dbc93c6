// Cell boundaries of one delimited line, on bytes, with RFC 4180 quotes; and a small UTF-8 decoder.

/**
 * Finds the cells of bytes [start, end) split on `delim`. Cell k spans
 * [bounds[2k], bounds[2k+1]); a quoted cell excludes its outer quotes (doubled quotes stay as they are).
 * @returns the number of cells (it keeps counting past the capacity of `bounds`, but stops writing),
 *          or -1 when a quote is not closed on this line.
 */
export function splitCells(buf: Uint8Array, start: number, end: number, delim: number, bounds: Int32Array): number {
  const capacity = bounds.length >> 1;
  let count = 0;
  let pos = start;
  for (;;) {
    let cellStart = pos;
    let cellEnd: number;
    if (pos < end && buf[pos] === 34) {
      let j = pos + 1;
      for (;;) {
        if (j >= end) return -1;
        if (buf[j] === 34) {
          if (j + 1 < end && buf[j + 1] === 34) j += 2;
          else break;
        } else j++;
      }
      cellStart = pos + 1;
      cellEnd = j;
      pos = j + 1;
      while (pos < end && buf[pos] !== delim) pos++; // text after a closing quote is tolerated and dropped
    } else {
      const d = buf.indexOf(delim, pos);
      pos = d < 0 || d >= end ? end : d;
      cellEnd = pos;
    }
    if (count < capacity) {
      bounds[2 * count] = cellStart;
      bounds[2 * count + 1] = cellEnd;
    }
    count++;
    if (pos >= end) return count;
    pos++; // skip the delimiter
  }
}

/** Decodes UTF-8 bytes [start, end) (invalid sequences become U+FFFD). Used for headers and previews only. */
export function decodeUtf8(buf: Uint8Array, start = 0, end = buf.length): string {
  let out = '';
  let i = start;
  while (i < end) {
    const c = buf[i++]!;
    let cp = 0xfffd;
    if (c < 0x80) cp = c;
    else if (c >= 0xc2 && c < 0xe0 && i < end) cp = ((c & 31) << 6) | (buf[i++]! & 63);
    else if (c >= 0xe0 && c < 0xf0 && i + 1 < end) {
      cp = ((c & 15) << 12) | ((buf[i]! & 63) << 6) | (buf[i + 1]! & 63);
      i += 2;
    } else if (c >= 0xf0 && c < 0xf5 && i + 2 < end) {
      cp = ((c & 7) << 18) | ((buf[i]! & 63) << 12) | ((buf[i + 1]! & 63) << 6) | (buf[i + 2]! & 63);
      i += 3;
    }
    out += String.fromCodePoint(cp > 0x10ffff ? 0xfffd : cp);
  }
  return out;
}

/** Splits a decoded line into cell strings (used for headers). */
export function splitCellsText(bytes: Uint8Array, delim: number): string[] {
  const bounds = new Int32Array(2 * 4096);
  const n = splitCells(bytes, 0, bytes.length, delim, bounds);
  const cells: string[] = [];
  for (let k = 0; k < Math.min(n, 4096); k++) cells.push(decodeUtf8(bytes, bounds[2 * k]!, bounds[2 * k + 1]!));
  return cells;
}
