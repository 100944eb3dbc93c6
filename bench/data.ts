// Data bench: parse + hash throughput of the streaming loader on a generated ≥100 MB Criteo TSV file.
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { bytesSource } from '../src/core/data/byteSource.ts';
import { loadDataset } from '../src/core/data/loader.ts';
import { createCriteoSample } from '../src/core/data/synthetic/index.ts';
import type { LoadResult } from '../src/core/data/types.ts';
import { toSeed } from '../src/core/rng.ts';
import { fileSource } from '../src/cli/nodeSource.ts';
import type { BenchOutput } from './run.ts';

const ROWS = 500_000;
const SEED = 2024;
const FILE = `bench/tmp/criteo-${ROWS}-seed${SEED}.tsv`;
const REPEATS = 3;

async function ensureFile(): Promise<{ seconds: number }> {
  if (existsSync(FILE)) return { seconds: NaN };
  mkdirSync('bench/tmp', { recursive: true });
  const t0 = performance.now();
  const out = createWriteStream(FILE);
  for (const chunk of createCriteoSample({ rows: ROWS, seed: toSeed(SEED), chunkBytes: 1 << 20 }).chunks()) {
    if (!out.write(Buffer.from(chunk))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { seconds: (performance.now() - t0) / 1000 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function dataBench(): Promise<BenchOutput> {
  const gen = await ensureFile();
  const bytes = statSync(FILE).size;
  if (bytes < 100e6) throw new Error(`bench file ${FILE} is ${bytes} bytes, under the 100 MB the benchmark needs`);
  const options = { split: { mode: 'random' as const, seed: toSeed(1) } };
  const fromDisk: number[] = [];
  const inMemory: number[] = [];
  let last: LoadResult | undefined;
  const whole = readFileSync(FILE);
  for (let i = 0; i < REPEATS; i++) {
    let t0 = performance.now();
    last = await loadDataset(fileSource(FILE), options);
    fromDisk.push((performance.now() - t0) / 1000);
    t0 = performance.now();
    await loadDataset(bytesSource('memory', whole, 1 << 20), options);
    inMemory.push((performance.now() - t0) / 1000);
  }
  const rows = last!.stats.rows;
  const disk = median(fromDisk);
  const mem = median(inMemory);
  const result = {
    file: FILE,
    bytes,
    rows,
    repeats: REPEATS,
    generateSeconds: gen.seconds,
    streamFromDisk: { seconds: disk, mbPerSec: bytes / 1e6 / disk, rowsPerSec: rows / disk },
    inMemoryChunks: { seconds: mem, mbPerSec: bytes / 1e6 / mem, rowsPerSec: rows / mem },
    encodedBytesPerRow: last!.stats.encodedBytesPerRow,
    targets: { mbPerSec: 100, encodedBytesPerRow: 110 },
  };
  const f = (x: number, d = 1) => x.toLocaleString('en-US', { maximumFractionDigits: d });
  return {
    json: result,
    table: [
      `file: ${FILE} (${f(bytes / 1e6)} MB, ${f(rows)} rows${Number.isNaN(gen.seconds) ? ', cached' : `, generated in ${f(gen.seconds)} s`})`,
      'path                 seconds    MB/s       rows/s',
      `stream from disk   ${f(disk, 2).padStart(9)} ${f(result.streamFromDisk.mbPerSec).padStart(8)} ${f(result.streamFromDisk.rowsPerSec, 0).padStart(12)}`,
      `in-memory chunks   ${f(mem, 2).padStart(9)} ${f(result.inMemoryChunks.mbPerSec).padStart(8)} ${f(result.inMemoryChunks.rowsPerSec, 0).padStart(12)}`,
      `encoded bytes/row: ${f(result.encodedBytesPerRow, 1)} (target ≤ 110); throughput target ≥ 100 MB/s`,
    ],
  };
}
