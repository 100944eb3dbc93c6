// Node-side byte sources for the CLI and benchmarks: files streamed from disk, and the built-in sample.
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ByteSource } from '../core/data/byteSource.ts';
import { createCriteoSample, type SyntheticSample } from '../core/data/synthetic/index.ts';
import { toSeed } from '../core/rng.ts';

/** Streams a file in 1 MiB chunks, never reading it whole. */
export function fileSource(path: string): ByteSource {
  const size = statSync(path).size;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  return { name: basename(path), chunks: stream as AsyncIterable<Uint8Array>, totalBytes: size };
}

/** The built-in generator as a byte source, plus the sample (for its ground truth). */
export function sampleSource(rows: number, seed: number): { source: ByteSource; sample: SyntheticSample } {
  const sample = createCriteoSample({ rows, seed: toSeed(seed) });
  return { source: { name: `built-in sample (${rows} rows, seed ${seed})`, chunks: sample.chunks() }, sample };
}
