// The built-in sample as the benchmarks load it (seeded; optionally with every categorical field forced to one table size).
import { loadDataset } from '../src/core/data/loader.ts';
import { CATEGORICAL_FIELDS, createCriteoSample } from '../src/core/data/synthetic/index.ts';
import type { Dataset } from '../src/core/data/types.ts';
import { toSeed } from '../src/core/rng.ts';

/** Rows of the benchmark sample: enough for several batches of 4,096 in the train split. */
export const BENCH_ROWS = 50_000;

/**
 * The built-in sample, seed 1, random split seed 1.
 * @param tableRows when given, every categorical field hashes into exactly this many embedding rows
 */
export async function sampleDataset(options: { rows?: number; tableRows?: number } = {}): Promise<Dataset> {
  const sample = createCriteoSample({ rows: options.rows ?? BENCH_ROWS, seed: toSeed(1) });
  const buckets = options.tableRows === undefined ? undefined : Object.fromEntries(CATEGORICAL_FIELDS.map((f) => [f.name, options.tableRows!]));
  const { dataset } = await loadDataset(
    { name: 'sample', chunks: sample.chunks() },
    { split: { mode: 'random', seed: toSeed(1) }, ...(buckets ? { buckets } : {}) },
  );
  return dataset;
}
