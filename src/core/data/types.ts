// Value types of the data pipeline: formats, options, the encoded dataset and its statistics.
import type { Seed } from '../rng.ts';

/** Input formats the loader understands. */
export type DataFormat = 'criteo' | 'avazu' | 'csv';

/** How a feature column is encoded: dense → one float, categorical → one embedding-table index. */
export type FieldKind = 'dense' | 'categorical';

/** How rows are assigned to train / val / test. */
export type SplitMode = 'random' | 'fileOrder';

export interface SplitOptions {
  /** `random`: seeded 80/10/10 permutation (each split kept in file order); `fileOrder`: first 80 % train, next 10 % val, last 10 % test. */
  mode: SplitMode;
  seed: Seed;
}

/** Options of one load. Everything but `split` is optional; defaults are documented per field. */
export interface LoadOptions {
  /** Input format; detected from the content when absent. */
  format?: DataFormat;
  /** Label column name for generic CSV; found by name (label, click, clk, y) when absent. */
  label?: string;
  /** Per-column kind overrides for generic CSV (column name → kind). */
  kinds?: Record<string, FieldKind>;
  /** Upper bound on buckets per categorical field (default 65536 = 2^16). */
  bucketCap?: number;
  /** Per-field bucket overrides (field name → bucket count ≥ 2), applied instead of the data-driven choice. */
  buckets?: Record<string, number>;
  split: SplitOptions;
  /** A load fails when more than this fraction of rows is bad (default 0.1). */
  maxBadFraction?: number;
}

/** One rejected input line. `line` is 1-based and counts the header line. */
export interface BadRow {
  line: number;
  reason: string;
}

/** Statistics of one field over all good rows. */
export interface FieldStats {
  name: string;
  kind: FieldKind;
  /** Distinct raw values (missing excluded). Exact up to `distinctCapped`, a lower bound beyond. */
  distinct: number;
  distinctCapped: boolean;
  /** Fraction of good rows where the value is missing (empty cell). */
  missingRate: number;
  /** Embedding-table rows for a categorical field (index 0 = missing); 0 for dense fields. */
  buckets: number;
}

export interface SplitStats {
  rows: number;
  labelRate: number;
  /** Log loss on this split of a constant predictor equal to the train label rate (nats). */
  baseRateLogLoss: number;
}

/** What the Data panel and `cli data --json` show. */
export interface DatasetStats {
  source: string;
  format: DataFormat;
  /** Bytes read from the source (compressed bytes for gzip input). */
  bytes: number;
  rows: number;
  labelRate: number;
  /** Entropy of the overall label rate in nats: the log loss of always predicting the base rate. */
  baseRateLogLoss: number;
  splits: { train: SplitStats; val: SplitStats; test: SplitStats };
  splitMode: SplitMode;
  fields: FieldStats[];
  badRows: { count: number; examples: BadRow[] };
  /** Bytes held per row by the encoded dataset (columns, labels and split indices). */
  encodedBytesPerRow: number;
  elapsedMs: number;
}

/** Any unsigned typed array a categorical column may use: the smallest that fits its buckets. */
export type IndexArray = Uint8Array | Uint16Array | Uint32Array;

/** The encoded, columnar dataset. Row r of every column is the same example. */
export interface Dataset {
  rows: number;
  /** Dense fields in input order; each column [rows], values ln(max(x,0)+1), missing → 0. */
  dense: { name: string; values: Float32Array }[];
  /** Categorical fields in input order; each column [rows] of indices in [0, buckets), 0 = missing. */
  categorical: { name: string; buckets: number; values: IndexArray }[];
  /** [rows] labels, 0 or 1. */
  labels: Uint8Array;
  /** Row indices of each split, ascending. */
  splits: { train: Uint32Array; val: Uint32Array; test: Uint32Array };
}

/** One decoded row for the preview table: the raw cells and what they were encoded to. */
export interface PreviewRow {
  line: number;
  label: number;
  dense: number[];
  categorical: number[];
  raw: string[];
}

/** Progress of a running load. */
export interface DataProgress {
  bytes: number;
  totalBytes?: number;
  rows: number;
}

/** Version of DataEncoding (encoding.ts builds it from a schema). */
export const ENCODING_VERSION = 1;

/**
 * One source column, in file order. The rules (encoder.ts, hashing.ts, numbers.ts; NASREC.md §2.3):
 * - `label`: the cell is 0 or 1 (a number equal to 0 or 1 is accepted too).
 * - `dense`: a decimal number, x → ln(max(x, 0) + 1); an empty cell → 0.
 * - `categorical`: an empty cell is missing → index 0. Otherwise a raw 32-bit value: with `hex`, a cell of 1–8 hex
 *   digits is that number; every other cell is the FNV-1a 32-bit hash of its UTF-8 bytes. Index = v mod (n − 1) + 1.
 * - `avazuHour`: YYMMDDHH → the raw values hour of day (0–23) and weekday (0 = Sunday) of two categorical fields.
 * - `skip`: ignored. A quoted cell (RFC 4180) is read without its outer quotes.
 */
export type EncodedColumn =
  | { name: string; role: 'label' }
  | { name: string; role: 'skip' }
  | { name: string; role: 'dense'; field: number }
  | { name: string; role: 'categorical'; field: number; hex: boolean }
  | { name: string; role: 'avazuHour'; hourField: number; weekdayField: number };

/** The encoding of a loaded dataset: its columns and each categorical field's table rows. */
export interface DataEncoding {
  version: typeof ENCODING_VERSION;
  format: DataFormat;
  delimiter: '\t' | ',';
  /** The first line names the columns (Avazu, CSV); Criteo files have none. */
  hasHeader: boolean;
  columns: EncodedColumn[];
  /** Dense field names in input order; none means one all-zero dense column (NASREC.md §2.2). */
  dense: string[];
  /** Categorical fields in input order with their table rows n_f. */
  categorical: { name: string; buckets: number }[];
}

/** Everything a finished load yields. */
export interface LoadResult {
  dataset: Dataset;
  stats: DatasetStats;
  preview: PreviewRow[];
  /** How rows were encoded: columns, rules and table rows (exported with models and generated code). */
  encoding: DataEncoding;
}

/** Error codes of a failed load; `message` is written for the user. */
export type DataErrorCode =
  | 'empty'
  | 'binary'
  | 'archive'
  | 'gzip'
  | 'noHeader'
  | 'noLabel'
  | 'badOption'
  | 'tooManyBadRows'
  | 'noRows'
  | 'cancelled'
  | 'read';

/** A load failure with a code for programs and a message for people. */
export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A planted pairwise interaction of the built-in sample (factorization-machine style). */
export interface PlantedInteraction {
  /** Field names, e.g. `C1` and `C2`, or a dense and a categorical field. */
  a: string;
  b: string;
  /** Standard deviation of this term's contribution to the logit over generated rows (estimated on a pilot sample). */
  strength: number;
}

/** The documented model behind the built-in sample's labels: the "right answer". */
export interface GroundTruth {
  seed: number;
  rows: number;
  /** Logit intercept, calibrated so the base CTR lands in 20–25 %. */
  intercept: number;
  /** Fields with a linear (first-order) effect and the std of each effect's logit contribution. */
  linear: { field: string; strength: number }[];
  interactions: PlantedInteraction[];
  /** The one non-linear dense effect. */
  nonlinear: { field: string; description: string; strength: number };
  /** Plain-language description of the whole planted model, for the UI and README. */
  description: string;
}

/** What generating the sample measured: the realised CTR and the Bayes (oracle) log loss. */
export interface SampleOutcome {
  labelRate: number;
  /** Mean log loss of the true click probabilities on the generated labels: no model can beat it in expectation. */
  oracleLogLoss: number;
}
