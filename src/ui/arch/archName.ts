// Short, stable names for architectures (DESIGN.md UI §5): dense ops per block and a hash of the canonical key. Pure.
import type { Arch, ArchKey } from '../../core/space/types.ts';
import { OP_STYLES } from '../ops.ts';

/** 32-bit FNV-1a of a string's UTF-16 code units, as 4 hex digits (the low 16 bits folded with the high). */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return ((h ^ (h >>> 16)) & 0xffff).toString(16).padStart(4, '0');
}

/**
 * A name to show in tooltips and tables: the dense operator of each block, then `#` and four hex digits of the
 * key's hash, e.g. "FC·DP·Sum #3f9a". Equal keys give equal names; the hash tells apart archs with the same ops.
 */
export function archName(arch: Arch, key: ArchKey): string {
  return `${arch.blocks.map((b) => OP_STYLES[b.denseOp].short).join('·')} #${shortHash(key)}`;
}
