// Categorical hashing: FNV-1a over bytes for strings, NASRec's modulo rule for Criteo hex ids (NASREC.md §2.3).

/** FNV-1a 32-bit offset basis and prime (exported for the encoder's single-pass loop). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Hex digit value per byte, -1 for anything else. */
export const HEX_DIGIT = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i++) HEX_DIGIT[48 + i] = i;
for (let i = 0; i < 6; i++) HEX_DIGIT[97 + i] = HEX_DIGIT[65 + i] = 10 + i;

/**
 * 32-bit FNV-1a over bytes [start, end) of `buf`: the fixed string hash for non-hex categorical values.
 * Hashing UTF-8 bytes (not UTF-16 units) makes the result the same in every realm and for every decoder.
 */
export function fnv1a32(buf: Uint8Array, start = 0, end = buf.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    h ^= buf[i]!;
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** FNV-1a of a JS string's UTF-8 bytes; equals `fnv1a32(utf8(s))`. */
export function fnv1a32String(s: string): number {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return fnv1a32(Uint8Array.from(bytes));
}

/**
 * Parses 1–8 hex digits in bytes [start, end) as an unsigned 32-bit value (Criteo's C1..C26).
 * @returns the value, or -1 when the cell is not 1–8 hex digits (the caller then hashes it as a string).
 */
export function parseHex32(buf: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n < 1 || n > 8) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = HEX_DIGIT[buf[i]!]!;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/**
 * NASRec's bucket rule (NASREC.md §2.3, `idx = fmod(v, n_f − 1) + 1`): a present value v ≥ 0 lands in
 * [1, buckets − 1]; a missing value is index 0.
 * @param value unsigned 32-bit raw value (hex id or string hash)
 * @param buckets table rows n_f ≥ 2
 */
export function bucketIndex(value: number, buckets: number): number {
  const m = buckets - 1;
  // value % m, written without `%`: values ≥ 2^31 would make V8 call a slow float fmod (exact below 2^53).
  return value - Math.floor(value / m) * m + 1;
}
