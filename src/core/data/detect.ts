// Recognises what a byte stream is: gzip, binary or archive (rejected), and which text format.
import { parseNumber } from './numbers.ts';
import { splitCells, splitCellsText } from './cells.ts';
import { DataError, type DataFormat } from './types.ts';

/** True when the bytes start with the gzip magic number 1f 8b. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/** Throws a DataError when the (decompressed) head of a file is not delimited text. */
export function assertText(head: Uint8Array): void {
  const n = Math.min(head.length, 8192);
  const magic = (s: string) => s.split('').every((ch, i) => head[i] === ch.charCodeAt(0));
  if (magic('PK\x03\x04')) throw new DataError('archive', 'This is a ZIP archive. Unzip it and load the CSV/TSV file inside (gzip files load directly).');
  if (magic('PAR1')) throw new DataError('binary', 'This is a Parquet file. Export it as CSV or TSV and load that.');
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) throw new DataError('binary', 'This looks like a binary file, not CSV/TSV text (it contains NUL bytes).');
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) control++;
  }
  if (control > n * 0.01) throw new DataError('binary', 'This looks like a binary file, not CSV/TSV text (it contains many control characters).');
}

export interface Detected {
  format: DataFormat;
  delimiter: number;
}

/**
 * Decides the format from the first non-empty line: 40 tab-separated cells starting with a 0/1
 * label is Criteo; a header with `click` and `hour` is Avazu; any other header is generic CSV/TSV.
 */
export function detectFormat(firstLine: Uint8Array): Detected {
  let tabs = 0;
  let commas = 0;
  for (const c of firstLine) {
    if (c === 9) tabs++;
    else if (c === 44) commas++;
  }
  if (tabs === 0 && commas === 0) {
    throw new DataError('noHeader', 'The first line has no tabs or commas. Expected Criteo TSV, Avazu CSV, or a CSV/TSV file with a header row.');
  }
  const delimiter = tabs >= commas ? 9 : 44;
  const bounds = new Int32Array(2 * 64);
  const cells = splitCells(firstLine, 0, firstLine.length, delimiter, bounds);
  const first = parseNumber(firstLine, bounds[0]!, bounds[1]!);
  if (delimiter === 9 && cells === 40 && (first === 0 || first === 1)) return { format: 'criteo', delimiter };
  if (!looksLikeHeader(firstLine, delimiter)) {
    throw new DataError(
      'noHeader',
      'The first line looks like data, not a header. Generic CSV/TSV needs a header row; Criteo TSV needs 40 tab-separated columns (label, I1–I13, C1–C26).',
    );
  }
  const names = splitCellsText(firstLine, delimiter).map((n) => n.trim().toLowerCase());
  if (names.includes('click') && names.includes('hour') && (names.includes('site_id') || names.includes('app_id'))) {
    return { format: 'avazu', delimiter };
  }
  return { format: 'csv', delimiter };
}

/** A header has no empty names and at least one cell that is not a number. */
function looksLikeHeader(line: Uint8Array, delimiter: number): boolean {
  const bounds = new Int32Array(2 * 4096);
  const n = Math.min(splitCells(line, 0, line.length, delimiter, bounds), 4096);
  let nonNumeric = 0;
  for (let k = 0; k < n; k++) {
    const s = bounds[2 * k]!;
    const e = bounds[2 * k + 1]!;
    if (Number.isNaN(parseNumber(line, s, e))) nonNumeric++;
  }
  return nonNumeric > 0 && nonNumeric >= n / 2;
}
