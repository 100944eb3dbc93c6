// Criteo-looking category ids: value k of field f prints as 8 lowercase hex digits of a seeded bijective 32-bit mix.
import type { Seed } from '../../rng.ts';

/** ASCII codes of '0'..'9', 'a'..'f'. */
const HEX_DIGITS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** murmur3's finaliser: a bijection on 32-bit words, so distinct inputs give distinct ids. */
function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The 32-bit id of value rank `k` of categorical field `field` (0-based, C1 = 0). The word
 * (field + 1)·2^24 + k is unique for field < 255 and k < 2^24; xor with a seed key and fmix32 are
 * both bijections, so ids are distinct over all (field, k) for one seed.
 */
export function categoryId(seed: Seed, field: number, k: number): number {
  const key = fmix32(seed ^ 0x5bd1e995);
  return fmix32((((field + 1) << 24) | k) ^ key);
}

/** The id as Criteo prints it: 8 lowercase hex characters. */
export function categoryHex(seed: Seed, field: number, k: number): string {
  return categoryId(seed, field, k).toString(16).padStart(8, '0');
}

/** [size · 8] ASCII bytes: the printed id of every value rank of one field, for fast writing. */
export function hexTable(seed: Seed, field: number, size: number): Uint8Array {
  const out = new Uint8Array(size * 8);
  for (let k = 0; k < size; k++) {
    const id = categoryId(seed, field, k);
    for (let d = 0; d < 8; d++) out[k * 8 + d] = HEX_DIGITS[(id >>> (28 - 4 * d)) & 15]!;
  }
  return out;
}
