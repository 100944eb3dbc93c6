import { describe, expect, it } from 'vitest';
import { decodeUtf8, splitCells } from '../../../src/core/data/cells.ts';
import { LineSplitter, MAX_LINE_BYTES } from '../../../src/core/data/lines.ts';
import { DataError } from '../../../src/core/data/types.ts';

function linesOf(text: string, chunk: number): string[] {
  const bytes = new TextEncoder().encode(text);
  const out: string[] = [];
  const splitter = new LineSplitter((buf, s, e) => out.push(decodeUtf8(buf, s, e)));
  for (let i = 0; i < bytes.length; i += chunk) splitter.push(bytes.slice(i, i + chunk));
  splitter.end();
  return out;
}

describe('LineSplitter', () => {
  const text = 'a\tb\r\nsecond line é\n\nlast without newline';
  const expected = ['a\tb', 'second line é', '', 'last without newline'];
  it('gives the same lines whatever the chunk size', () => {
    for (const chunk of [1, 2, 3, 5, 8, 1000]) expect(linesOf(text, chunk)).toEqual(expected);
  });
  it('strips CR of CRLF line ends', () => {
    expect(linesOf('x\r\ny\r\n', 4)).toEqual(['x', 'y']);
  });
  it('numbers lines from 1', () => {
    const numbers: number[] = [];
    const s = new LineSplitter((_b, _s, _e, n) => numbers.push(n));
    s.push(new TextEncoder().encode('a\nb\nc'));
    s.end();
    expect(numbers).toEqual([1, 2, 3]);
  });
  it('refuses a line longer than 1 MB instead of buffering it', () => {
    const s = new LineSplitter(() => undefined);
    const big = new Uint8Array(MAX_LINE_BYTES / 2).fill(65);
    s.push(big);
    expect(() => {
      s.push(big);
      s.push(big);
    }).toThrow(DataError);
  });
});

describe('splitCells', () => {
  const cells = (line: string, delim = ',') => {
    const b = new TextEncoder().encode(line);
    const bounds = new Int32Array(64);
    const n = splitCells(b, 0, b.length, delim.charCodeAt(0), bounds);
    return n < 0 ? null : Array.from({ length: n }, (_, k) => decodeUtf8(b, bounds[2 * k]!, bounds[2 * k + 1]!));
  };
  it('splits on the delimiter and keeps empty cells', () => {
    expect(cells('1,,x,')).toEqual(['1', '', 'x', '']);
    expect(cells('a\tb', '\t')).toEqual(['a', 'b']);
  });
  it('honours RFC 4180 quotes, including delimiters and doubled quotes inside', () => {
    expect(cells('"a,b",c')).toEqual(['a,b', 'c']);
    expect(cells('"say ""hi""",2')).toEqual(['say ""hi""', '2']);
  });
  it('reports an unclosed quote', () => {
    expect(cells('"open,1')).toBeNull();
  });
});
