// Test helper: load text or bytes through the real streaming loader, in small chunks to cross boundaries.
import { bytesSource } from '../../../src/core/data/byteSource.ts';
import { loadDataset, type LoadHooks } from '../../../src/core/data/loader.ts';
import type { LoadOptions, LoadResult } from '../../../src/core/data/types.ts';
import { toSeed } from '../../../src/core/rng.ts';

export const defaultOptions: LoadOptions = { split: { mode: 'random', seed: toSeed(1) } };

export function load(input: string | Uint8Array, options: Partial<LoadOptions> = {}, chunkBytes = 7, hooks: LoadHooks = {}): Promise<LoadResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return loadDataset(bytesSource('test input', bytes, chunkBytes), { ...defaultOptions, ...options }, hooks);
}

/** A Criteo TSV line: label, 13 dense cells, 26 categorical cells. */
export function criteoLine(label: string | number, dense: (string | number)[] = [], cat: string[] = []): string {
  const d = Array.from({ length: 13 }, (_, i) => String(dense[i] ?? ''));
  const c = Array.from({ length: 26 }, (_, i) => cat[i] ?? '');
  return [String(label), ...d, ...c].join('\t');
}

/** Path of the shared real-data folder beside the checkout, if present. */
export const SHARED_DATA = new URL('../../../../shared/data/', import.meta.url);
