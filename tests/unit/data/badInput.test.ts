import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataError, type DataErrorCode } from '../../../src/core/data/types.ts';
import { criteoLine, load } from './load.ts';

const good = (n: number) => Array.from({ length: n }, (_, i) => criteoLine(i % 2, [i], ['abc'])).join('\n');

/** Each bad input and the error it must give: code and words the user sees. */
const corpus: { name: string; input: string | Uint8Array; options?: Record<string, unknown>; code: DataErrorCode; says: RegExp }[] = [
  { name: 'an empty file', input: '', code: 'empty', says: /empty/ },
  { name: 'only blank lines', input: '\n\n\r\n', code: 'empty', says: /no rows/ },
  { name: 'a binary file', input: Uint8Array.from([1, 2, 0, 255, 7, 0, 9, 10]), code: 'binary', says: /binary file/ },
  { name: 'a ZIP archive', input: Uint8Array.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0]), code: 'archive', says: /ZIP archive/ },
  { name: 'a truncated gzip file', input: gzipSync(Buffer.from(good(200))).subarray(0, 300), code: 'gzip', says: /truncated or corrupt/ },
  { name: 'a CSV without a label column', input: 'a,b,c\n1,2,3\n', code: 'noLabel', says: /No label column found.*Columns found: a, b, c/ },
  { name: 'a CSV without the chosen label column', input: 'label,b\n1,2\n', options: { label: 'target' }, code: 'noLabel', says: /"target" is not in this file/ },
  { name: 'a kind for a column that does not exist', input: 'label,b\n1,2\n', options: { kinds: { nope: 'dense' } }, code: 'badOption', says: /no such column/ },
  { name: 'a header and no data', input: 'label,b\n', code: 'noRows', says: /no data rows/ },
  { name: 'a line with no delimiter', input: 'hello\nworld\n', code: 'noHeader', says: /no tabs or commas/ },
  { name: 'headerless data that is not Criteo', input: '1,2,3\n0,4,5\n', code: 'noHeader', says: /looks like data, not a header/ },
  { name: 'mostly malformed rows', input: `${good(8)}\nx\ty\n1\t2\n`, code: 'tooManyBadRows', says: /2 of 10 rows \(20\.0 %\) are bad.*line 9: expected 40 columns, found 2/ },
  { name: 'a bad bucket cap', input: good(3), options: { bucketCap: 1 }, code: 'badOption', says: /Bucket cap/ },
];

describe('bad input', () => {
  for (const { name, input, options, code, says } of corpus) {
    it(`rejects ${name} with a clear "${code}" error`, async () => {
      const err = await load(input, options ?? {}).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DataError);
      expect((err as DataError).code).toBe(code);
      expect((err as DataError).message).toMatch(says);
    });
  }

  it('skips and counts bad rows under 10 %, naming line numbers and reasons', async () => {
    const lines = good(100).split('\n');
    lines.splice(10, 0, criteoLine(2)); // line 11: label
    lines.splice(20, 0, criteoLine(1, ['12abc'])); // line 21: number
    lines.splice(30, 0, 'too\tfew'); // line 31: columns
    const { stats } = await load(lines.join('\n'), {}, 13);
    expect(stats.rows).toBe(100);
    expect(stats.badRows.count).toBe(3);
    expect(stats.badRows.examples).toEqual([
      { line: 11, reason: 'label must be 0 or 1, found "2"' },
      { line: 21, reason: 'column I1: "12abc" is not a number' },
      { line: 31, reason: 'expected 40 columns, found 2' },
    ]);
  });

  it('keeps only the first 20 bad-row examples but counts them all', async () => {
    const lines = good(400).split('\n');
    for (let i = 0; i < 30; i++) lines.push('bad');
    const { stats } = await load(lines.join('\n'), {}, 4096);
    expect(stats.badRows.count).toBe(30);
    expect(stats.badRows.examples).toHaveLength(20);
    expect(stats.badRows.examples[0]!.line).toBe(401);
  });

  it('stops when cancelled, between chunks', async () => {
    const signal = { aborted: false };
    let calls = 0;
    const err = await load(good(500), {}, 256, {
      signal,
      onProgress: () => {
        if (++calls === 3) signal.aborted = true;
      },
    }).catch((e: unknown) => e);
    expect((err as DataError).code).toBe('cancelled');
  });

  it('reports progress with growing bytes and rows', async () => {
    const seen: { bytes: number; rows: number }[] = [];
    await load(good(3000), {}, 8192, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.bytes).toBeGreaterThan(seen[i - 1]!.bytes);
      expect(seen[i]!.rows).toBeGreaterThanOrEqual(seen[i - 1]!.rows);
    }
  });
});
