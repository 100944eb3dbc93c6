import { describe, expect, it } from 'vitest';
import { bucketIndex, fnv1a32, fnv1a32String, parseHex32 } from '../../../src/core/data/hashing.ts';
import { denseTransform, parseNumber } from '../../../src/core/data/numbers.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32(bytes(''))).toBe(0x811c9dc5);
    expect(fnv1a32(bytes('a'))).toBe(0xe40c292c);
    expect(fnv1a32(bytes('foobar'))).toBe(0xbf9cf968);
  });
  it('hashes a byte range the same as the bytes alone', () => {
    const b = bytes('xxfoobaryy');
    expect(fnv1a32(b, 2, 8)).toBe(fnv1a32(bytes('foobar')));
  });
  it('hashes a JS string through its UTF-8 bytes', () => {
    expect(fnv1a32String('café 東京')).toBe(fnv1a32(bytes('café 東京')));
  });
});

describe('parseHex32', () => {
  it('reads 1–8 hex digits in either case', () => {
    const b = bytes('68fd1e64');
    expect(parseHex32(b, 0, b.length)).toBe(0x68fd1e64);
    expect(parseHex32(bytes('FFFFFFFF'), 0, 8)).toBe(0xffffffff);
    expect(parseHex32(bytes('0'), 0, 1)).toBe(0);
  });
  it('rejects non-hex cells and cells longer than 8 digits', () => {
    expect(parseHex32(bytes('68fd1e6g'), 0, 8)).toBe(-1);
    expect(parseHex32(bytes('123456789'), 0, 9)).toBe(-1);
    expect(parseHex32(bytes(''), 0, 0)).toBe(-1);
  });
});

describe('bucketIndex (NASREC.md §2.3: fmod(v, n−1) + 1)', () => {
  it('matches values computed in Python for Criteo C1 with n = 1461', () => {
    expect(bucketIndex(0x68fd1e64, 1461)).toBe(393); // python: 0x68fd1e64 % 1460 + 1
  });
  it('keeps every present value in [1, n−1], leaving 0 for missing', () => {
    for (const v of [0, 1, 65534, 65535, 0xffffffff]) {
      const idx = bucketIndex(v, 65536);
      expect(idx).toBeGreaterThanOrEqual(1);
      expect(idx).toBeLessThanOrEqual(65535);
    }
    expect(bucketIndex(0xffffffff, 65536)).toBe(1); // 2^32−1 is a multiple of 65535
  });
});

describe('parseNumber', () => {
  const p = (s: string) => parseNumber(bytes(s), 0, s.length);
  it('parses integers, negatives, decimals and exponents', () => {
    expect(p('1382')).toBe(1382);
    expect(p('-1')).toBe(-1);
    expect(p('+7')).toBe(7);
    expect(p('260.0')).toBe(260);
    expect(p('3.9')).toBeCloseTo(3.9);
    expect(p('-1.5e3')).toBe(-1500);
    expect(p(' 42 ')).toBe(42);
  });
  it('returns NaN for anything that is not a finite number', () => {
    for (const s of ['', ' ', '12abc', 'abc', '1.2.3', '0x10', 'Infinity', 'NaN', '-', '1e999']) expect(p(s)).toBeNaN();
  });
});

describe('denseTransform (NASREC.md §2.3)', () => {
  it('is ln(max(x, 0) + 1)', () => {
    expect(denseTransform(0)).toBe(0);
    expect(denseTransform(-1)).toBe(0);
    expect(denseTransform(-100)).toBe(0);
    expect(denseTransform(Math.E - 1)).toBeCloseTo(1, 12);
    expect(denseTransform(1382)).toBeCloseTo(Math.log(1383), 12);
  });
});
