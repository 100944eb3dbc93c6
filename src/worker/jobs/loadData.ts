// The loadData job: turns a DataSource into bytes, runs the core loader, and reports throttled progress.
import { readableChunks, type ByteSource } from '../../core/data/byteSource.ts';
import { loadDataset } from '../../core/data/loader.ts';
import { createCriteoSample } from '../../core/data/synthetic/index.ts';
import { DataError, type LoadOptions, type LoadResult } from '../../core/data/types.ts';
import { toSeed } from '../../core/rng.ts';
import type { DataOptions, DataReadyMessage, DataSource, FromWorker } from '../protocol.ts';
import { breather, throttle } from '../throttle.ts';

/** Progress messages per second at most. */
const PROGRESS_INTERVAL_MS = 200;

/** Largest built-in sample, to keep a typo from filling the tab's memory. */
export const MAX_SAMPLE_ROWS = 2_000_000;

export interface LoadedData {
  result: LoadResult;
  message: DataReadyMessage;
}

export async function runLoadData(
  id: number,
  source: DataSource,
  options: DataOptions,
  signal: AbortSignal,
  post: (msg: FromWorker) => void,
): Promise<LoadedData> {
  const started = performance.now();
  const progress = throttle<FromWorker>(post, PROGRESS_INTERVAL_MS);
  const { byteSource, extra } = await openSource(source, signal);
  const result = await loadDataset(byteSource, toLoadOptions(options), {
    signal,
    breathe: breather(),
    onProgress: (p) => progress.push({ type: 'dataProgress', id, ...p, elapsedMs: performance.now() - started }),
  });
  progress.flush();
  const message: DataReadyMessage = { type: 'dataReady', id, stats: result.stats, preview: result.preview, ...extra() };
  return { result, message };
}

function toLoadOptions(o: DataOptions): LoadOptions {
  return {
    ...(o.format ? { format: o.format } : {}),
    ...(o.label ? { label: o.label } : {}),
    ...(o.kinds ? { kinds: o.kinds } : {}),
    ...(o.bucketCap !== undefined ? { bucketCap: o.bucketCap } : {}),
    ...(o.buckets ? { buckets: o.buckets } : {}),
    split: { mode: o.splitMode, seed: checkedSeed(o.splitSeed, 'Split seed') },
  };
}

function checkedSeed(n: number, what: string) {
  try {
    return toSeed(n);
  } catch {
    throw new DataError('badOption', `${what} must be a whole number from 0 to 4294967295, got ${String(n)}.`);
  }
}

async function openSource(
  source: DataSource,
  signal: AbortSignal,
): Promise<{ byteSource: ByteSource; extra: () => Partial<DataReadyMessage> }> {
  switch (source.kind) {
    case 'sample': {
      if (!Number.isInteger(source.rows) || source.rows < 10 || source.rows > MAX_SAMPLE_ROWS) {
        throw new DataError('badOption', `Sample rows must be a whole number from 10 to ${MAX_SAMPLE_ROWS.toLocaleString('en-US')}, got ${String(source.rows)}.`);
      }
      const sample = createCriteoSample({ rows: source.rows, seed: checkedSeed(source.seed, 'Sample seed') });
      const outcome = () => sample.outcome();
      return {
        byteSource: { name: `Built-in sample (${source.rows.toLocaleString('en-US')} rows, seed ${source.seed})`, chunks: sample.chunks() },
        extra: () => {
          const o = outcome();
          return { truth: sample.truth, ...(o ? { outcome: o } : {}) };
        },
      };
    }
    case 'file':
      return { byteSource: { name: source.file.name, chunks: readableChunks(source.file.stream()), totalBytes: source.file.size }, extra: () => ({}) };
    case 'url':
      return { byteSource: await fetchSource(source.url, signal), extra: () => ({}) };
  }
}

async function fetchSource(url: string, signal: AbortSignal): Promise<ByteSource> {
  let parsed: URL;
  try {
    parsed = new URL(url, self.location.href);
  } catch {
    throw new DataError('badOption', `"${url}" is not a valid URL.`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new DataError('badOption', `Only http and https URLs can be loaded, got ${parsed.protocol}`);
  }
  let response: Response;
  try {
    response = await fetch(parsed, { signal });
  } catch (err) {
    if (signal.aborted) throw new DataError('cancelled', 'Load cancelled.');
    throw new DataError('read', `Could not download ${parsed.href}: ${err instanceof Error ? err.message : String(err)}. The server may be down, or it may not allow cross-origin requests (CORS).`);
  }
  if (!response.ok || !response.body) {
    throw new DataError('read', `Could not download ${parsed.href}: the server answered ${response.status} ${response.statusText}.`);
  }
  if ((response.headers.get('content-type') ?? '').includes('text/html')) {
    throw new DataError('read', `${parsed.href} is a web page (HTML), not a data file. Check the address: it must point at the CSV/TSV file itself.`);
  }
  const length = Number(response.headers.get('content-length'));
  const encoded = response.headers.get('content-encoding');
  const name = decodeURIComponent(parsed.pathname.split('/').pop() || parsed.host);
  return { name, chunks: readableChunks(response.body), ...(Number.isFinite(length) && length > 0 && !encoded ? { totalBytes: length } : {}) };
}
