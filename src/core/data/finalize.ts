// Turns streamed raw columns into the encoded Dataset: bucket counts, smallest index types, splits, statistics.
import { encodingOf } from './encoding.ts';
import { bucketIndex } from './hashing.ts';
import { DistinctCounter } from './distinct.ts';
import type { RowEncoder } from './encoder.ts';
import { makeSplits } from './splits.ts';
import {
  DataError,
  type Dataset,
  type DatasetStats,
  type FieldStats,
  type IndexArray,
  type LoadOptions,
  type LoadResult,
  type PreviewRow,
  type SplitStats,
} from './types.ts';
import type { Schema } from './schema.ts';

export const DEFAULT_BUCKET_CAP = 1 << 16;
/** Distinct values counted exactly per field; beyond, the count is a lower bound (`distinctCapped`). */
export const CATEGORICAL_DISTINCT_LIMIT = 1 << 22;
export const DENSE_DISTINCT_LIMIT = 1 << 16;
/** Float32 bit pattern of NaN as the loader writes it for a missing dense value. */
const NAN_BITS = new Uint32Array(Float32Array.of(NaN).buffer)[0]!;

/** Exact distinct count of one raw column (missing cells skipped), up to `limit`. */
function countDistinct(values: Uint32Array, limit: number, skipNaN: boolean, missing?: Uint8Array): { distinct: number; distinctCapped: boolean } {
  const counter = new DistinctCounter(limit);
  for (let r = 0; r < values.length; r++) {
    if (missing ? missing[r] : skipNaN && values[r] === NAN_BITS) continue;
    counter.add(values[r]!);
    if (counter.capped) break;
  }
  return { distinct: counter.count, distinctCapped: counter.capped };
}

/**
 * Embedding rows for a field: distinct values + 1 (index 0 is "missing"), at least 2, at most `cap`,
 * unless the user gave an override. Modulo hashing then spreads values over [1, n − 1] (NASREC.md §2.3).
 */
export function chooseBuckets(distinct: number, cap: number, override?: number): number {
  if (override !== undefined) return override;
  return Math.max(2, Math.min(distinct + 1, cap));
}

/** The smallest unsigned typed array that holds indices in [0, buckets). */
export function indexArrayFor(buckets: number, rows: number): IndexArray {
  if (buckets <= 1 << 8) return new Uint8Array(rows);
  if (buckets <= 1 << 16) return new Uint16Array(rows);
  return new Uint32Array(rows);
}

/** Validates bucket options before a load starts, so a typo fails fast with a clear message. */
export function validateBucketOptions(options: LoadOptions): void {
  const cap = options.bucketCap ?? DEFAULT_BUCKET_CAP;
  if (!Number.isInteger(cap) || cap < 2 || cap > 2 ** 32) {
    throw new DataError('badOption', `Bucket cap must be a whole number from 2 to 2^32, got ${String(cap)}.`);
  }
  for (const [name, n] of Object.entries(options.buckets ?? {})) {
    if (!Number.isInteger(n) || n < 2 || n > 2 ** 32) {
      throw new DataError('badOption', `Buckets for ${name} must be a whole number from 2 to 2^32, got ${String(n)}.`);
    }
  }
}

/** Entropy of a Bernoulli(p) label in nats: the log loss of always predicting p. */
export function bernoulliEntropy(p: number): number {
  return crossEntropy(p, p);
}

/** Mean log loss (nats) of predicting probability q for labels whose positive rate is p. */
export function crossEntropy(p: number, q: number): number {
  const eps = 1e-12;
  const qc = Math.min(Math.max(q, eps), 1 - eps);
  return -(p * Math.log(qc) + (1 - p) * Math.log(1 - qc));
}

export interface FinalizeInput {
  source: string;
  schema: Schema;
  encoder: RowEncoder;
  options: LoadOptions;
  bytes: number;
  elapsedMs: number;
}

export function finalize({ source, schema, encoder, options, bytes, elapsedMs }: FinalizeInput): LoadResult {
  const rows = encoder.rows;
  const lines = rows + encoder.badCount;
  if (rows === 0) {
    const why = encoder.badCount > 0 ? ` All ${encoder.badCount} rows were bad; first: line ${encoder.badExamples[0]?.line}: ${encoder.badExamples[0]?.reason}.` : '';
    throw new DataError('noRows', `The file has no data rows.${why}`);
  }
  const maxBad = options.maxBadFraction ?? 0.1;
  if (encoder.badCount > maxBad * lines) {
    const first = encoder.badExamples.slice(0, 3).map((b) => `line ${b.line}: ${b.reason}`).join('; ');
    throw new DataError(
      'tooManyBadRows',
      `${encoder.badCount} of ${lines} rows (${((100 * encoder.badCount) / lines).toFixed(1)} %) are bad, more than the ${Math.round(maxBad * 100)} % allowed. First problems: ${first}. Check the format and delimiter options.`,
    );
  }
  const cap = options.bucketCap ?? DEFAULT_BUCKET_CAP;
  const t = encoder.table;
  const labels = t.labels.slice(0, rows);
  const fields: FieldStats[] = [];
  const dense = schema.dense.map((name, f) => {
    const distinct = countDistinct(new Uint32Array(t.denseRaw[f]!.buffer, 0, rows), DENSE_DISTINCT_LIMIT, true);
    fields.push({ name, kind: 'dense', ...distinct, missingRate: t.denseMissing[f]! / rows, buckets: 0 });
    return { name, values: t.dense[f]!.slice(0, rows) };
  });
  const scratch = new Uint32Array(rows);
  const categorical = schema.categorical.map((name, f) => {
    const raw = t.cat[f]!;
    const missing = t.missing[f]!;
    const distinct = countDistinct(raw.subarray(0, rows), CATEGORICAL_DISTINCT_LIMIT, false, missing);
    const buckets = chooseBuckets(distinct.distinct, cap, options.buckets?.[name]);
    const values = indexArrayFor(buckets, rows);
    // Bucket into a monomorphic scratch array, then narrow with one native copy.
    for (let r = 0; r < rows; r++) scratch[r] = missing[r] ? 0 : bucketIndex(raw[r]!, buckets);
    values.set(scratch);
    fields.push({ name, kind: 'categorical', ...distinct, missingRate: t.catMissing[f]! / rows, buckets });
    return { name, buckets, values };
  });
  const splits = makeSplits(rows, options.split);
  const dataset: Dataset = { rows, dense, categorical, labels, splits };
  const labelRate = encoder.positives / rows;
  const trainRate = rateOf(labels, splits.train);
  const splitStats = (idx: Uint32Array): SplitStats => {
    const p = rateOf(labels, idx);
    return { rows: idx.length, labelRate: p, baseRateLogLoss: idx.length ? crossEntropy(p, trainRate) : 0 };
  };
  const stats: DatasetStats = {
    source,
    format: schema.format,
    bytes,
    rows,
    labelRate,
    baseRateLogLoss: bernoulliEntropy(labelRate),
    splits: { train: splitStats(splits.train), val: splitStats(splits.val), test: splitStats(splits.test) },
    splitMode: options.split.mode,
    fields,
    badRows: { count: encoder.badCount, examples: encoder.badExamples },
    encodedBytesPerRow: encodedBytes(dataset) / rows,
    elapsedMs,
  };
  const preview: PreviewRow[] = encoder.preview.map((p) => ({
    line: p.line,
    label: p.label,
    dense: p.dense,
    categorical: p.rawCategorical.map((v, f) => (v === null ? 0 : bucketIndex(v, categorical[f]!.buckets))),
    raw: p.raw,
  }));
  return { dataset, stats, preview, encoding: encodingOf(schema, categorical.map((c) => c.buckets)) };
}

function rateOf(labels: Uint8Array, idx: Uint32Array): number {
  if (idx.length === 0) return 0;
  let s = 0;
  for (let i = 0; i < idx.length; i++) s += labels[idx[i]!]!;
  return s / idx.length;
}

/** Bytes held by the dataset's arrays: columns, labels and split indices. */
export function encodedBytes(d: Dataset): number {
  let n = d.labels.byteLength + d.splits.train.byteLength + d.splits.val.byteLength + d.splits.test.byteLength;
  for (const c of d.dense) n += c.values.byteLength;
  for (const c of d.categorical) n += c.values.byteLength;
  return n;
}
