// The built-in sample as the benchmarks load it (seeded; optionally with every categorical field forced to one table size).
import { loadDataset } from '../src/core/data/loader.ts';
import { CATEGORICAL_FIELDS, createCriteoSample } from '../src/core/data/synthetic/index.ts';
import type { Dataset } from '../src/core/data/types.ts';
import { toSeed, type Seed } from '../src/core/rng.ts';

/** Rows of the benchmark sample: enough for several batches of 4,096 in the train split. */
export const BENCH_ROWS = 50_000;

/**
 * The built-in sample, drawn and split with `seed` (default 1).
 * @param tableRows when given, every categorical field hashes into exactly this many embedding rows
 */
export async function sampleDataset(options: { rows?: number; seed?: Seed; tableRows?: number } = {}): Promise<Dataset> {
  const seed = options.seed ?? toSeed(1);
  const sample = createCriteoSample({ rows: options.rows ?? BENCH_ROWS, seed });
  const buckets = options.tableRows === undefined ? undefined : Object.fromEntries(CATEGORICAL_FIELDS.map((f) => [f.name, options.tableRows!]));
  const { dataset } = await loadDataset(
    { name: 'sample', chunks: sample.chunks() },
    { split: { mode: 'random', seed }, ...(buckets ? { buckets } : {}) },
  );
  return dataset;
}
