// The built-in sample: validates options, builds the planted model for a seed, and streams TSV bytes or decoded rows.
import { rngFromSeed, toSeed } from '../../rng.ts';
import type { Seed } from '../../rng.ts';
import type { GroundTruth, SampleOutcome } from '../types.ts';
import { calibrateModel } from './calibrate.ts';
import { hexTable } from './hexIds.ts';
import { PLANTED } from './plantedSpec.ts';
import { RowGenerator } from './rowGenerator.ts';
import { MISSING_DENSE, RowSource } from './rowSource.ts';
import { CATEGORICAL_FIELDS } from './schema.ts';
import { groundTruth } from './truth.ts';
import { chunkLines, writeRow } from './tsvWriter.ts';

/** Largest sample the generator accepts (about 30 GB of TSV). */
export const MAX_SAMPLE_ROWS = 100_000_000;
const MAX_CHUNK_BYTES = 1 << 30;

/** Options of one sample. */
export interface SampleOptions {
  /** Number of rows, a positive integer ≤ 10^8. */
  rows: number;
  seed: Seed;
  /** Bytes per yielded chunk (the last may be shorter); default 65,536. Does not change the bytes. */
  chunkBytes?: number;
}

/** Component-wise logits of one generated row, for tests: intercept, linear, interactions (each), nonlinear, total. */
export interface RowLogits {
  intercept: number;
  /** Sum of the linear terms (dense and categorical). */
  linear: number;
  /** One entry per planted interaction, in GroundTruth order. */
  interactions: number[];
  nonlinear: number;
  /** intercept + linear + Σ interactions + nonlinear. */
  total: number;
}

/** One generated row, decoded: the same row, in the same order, as the TSV line. */
export interface SampleRow {
  label: 0 | 1;
  /** True click probability σ(total logit). */
  probability: number;
  logits: RowLogits;
  /** [13] raw counts; NaN = empty cell. */
  dense: number[];
  /** [26] value ranks (0 = the field's most frequent value); -1 = empty cell. */
  categorical: number[];
}

/** A seeded Criteo-shaped sample whose labels come from a documented planted model. */
export interface SyntheticSample {
  /** The planted model, known before any row is generated. */
  truth: GroundTruth;
  /** The TSV bytes in chunks. Each call starts a fresh pass that yields the same bytes. */
  chunks(): Iterable<Uint8Array>;
  /** Realised label rate and oracle log loss, once a chunks() or rows() pass has run to its end. */
  outcome(): SampleOutcome | undefined;
  /** The rows of chunks(), decoded with their true probabilities and component logits (slower; for tests and teaching). */
  rows(): Iterable<SampleRow>;
}

function validate(options: SampleOptions): { rows: number; seed: Seed; chunkBytes: number } {
  const { rows, chunkBytes = 1 << 16 } = options;
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_SAMPLE_ROWS) {
    throw new RangeError(`rows must be a positive integer ≤ ${MAX_SAMPLE_ROWS}, got ${String(rows)}`);
  }
  if (!Number.isInteger(chunkBytes) || chunkBytes < 1 || chunkBytes > MAX_CHUNK_BYTES) {
    throw new RangeError(`chunkBytes must be an integer in [1, ${MAX_CHUNK_BYTES}], got ${String(chunkBytes)}`);
  }
  return { rows, seed: toSeed(options.seed), chunkBytes };
}

/**
 * Creates the built-in sample: `rows` Criteo rows (label, I1..I13, C1..C26) for `seed`. Building it
 * runs a 16k-row pilot (tens of ms); rows are generated only while chunks() or rows() is iterated.
 * The first n rows do not depend on `rows`, and the model depends only on the seed.
 * @throws RangeError naming the bad option
 */
export function createCriteoSample(options: SampleOptions): SyntheticSample {
  const { rows, seed, chunkBytes } = validate(options);
  const streams = rngFromSeed(seed).stream('generator');
  const source = new RowSource();
  const model = calibrateModel(source, streams.stream('pilot'), streams.stream('params'), PLANTED);
  const linearTerms = model.params.denseLinear.length + model.params.categoricalLinear.length;
  const interactionTerms = model.params.interactions.length;
  let hex: Uint8Array[] | undefined;
  let outcome: SampleOutcome | undefined;

  const newGenerator = (): RowGenerator => new RowGenerator(source, model.params, streams.stream('rows'));
  const finish = (g: RowGenerator): void => {
    outcome = { labelRate: g.clicks / g.drawn, oracleLogLoss: g.lossSum / g.drawn };
  };
  const rowLogits = (g: RowGenerator): RowLogits => {
    const t = g.terms;
    let linear = 0;
    for (let i = 0; i < linearTerms; i++) linear += t[i]!;
    const interactions = Array.from(t.subarray(linearTerms, linearTerms + interactionTerms));
    return { intercept: model.params.intercept, linear, interactions, nonlinear: t[t.length - 1]!, total: g.logit };
  };

  return {
    truth: groundTruth(PLANTED, model, seed, rows),
    *chunks() {
      hex ??= CATEGORICAL_FIELDS.map((f, j) => hexTable(seed, j, f.cardinality));
      const tables = hex;
      const g = newGenerator();
      yield* chunkLines(rows, chunkBytes, (buf, pos) => {
        g.next();
        return writeRow(buf, pos, g.label, g.cells, tables);
      });
      finish(g);
    },
    *rows() {
      const g = newGenerator();
      for (let r = 0; r < rows; r++) {
        g.next();
        yield {
          label: g.label,
          probability: g.probability,
          logits: rowLogits(g),
          dense: Array.from(g.cells.dense, (x) => (x === MISSING_DENSE ? Number.NaN : x)),
          categorical: Array.from(g.cells.categorical),
        };
      }
      finish(g);
    },
    outcome: () => outcome,
  };
}
