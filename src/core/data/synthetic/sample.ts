// The built-in sample: validates options, builds the planted model for a seed, and streams TSV bytes or decoded rows.
import { rngFromSeed, toSeed } from '../../rng.ts';
import type { Seed } from '../../rng.ts';
import type { GroundTruth, SampleOutcome } from '../types.ts';
import { calibrateModel } from './calibrate.ts';
import { hexTable } from './hexIds.ts';
import { PLANTED } from './plantedSpec.ts';
import { RowGenerator } from './rowGenerator.ts';
import type { SampleRow } from './rowGenerator.ts';
import { RowSource } from './rowSource.ts';
import { CATEGORICAL_FIELDS } from './schema.ts';
import { groundTruth } from './truth.ts';
import { chunkLines, TsvLineWriter } from './tsvWriter.ts';

/** Largest sample the generator accepts (about 24 GB of TSV, ~243 bytes a row). */
export const MAX_SAMPLE_ROWS = 100_000_000;
/**
 * Rows of "the built-in sample" everywhere (UI, CLI): 320k train rows, so one epoch at batch 256 is the
 * 1250-step run that README "Does the supernet learn?" documents and tests/unit/learning asserts.
 */
export const DEFAULT_SAMPLE_ROWS = 400_000;
const MAX_CHUNK_BYTES = 1 << 30;

/** Options of one sample. */
export interface SampleOptions {
  /** Number of rows, a positive integer ≤ 10^8. */
  rows: number;
  seed: Seed;
  /** Bytes per yielded chunk (the last may be shorter); default 65,536. Does not change the bytes. */
  chunkBytes?: number;
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
  const model = calibrateModel(source, { pilot: streams.stream('pilot'), params: streams.stream('params') }, PLANTED);
  let writer: TsvLineWriter | undefined; // its hex tables (~2 MB) are built on the first pass only
  let outcome: SampleOutcome | undefined;

  const newGenerator = (): RowGenerator => new RowGenerator(source, model.params, streams.stream('rows'));
  const finish = (g: RowGenerator): void => {
    outcome = { labelRate: g.clicks / g.drawn, oracleLogLoss: g.lossSum / g.drawn };
  };

  return {
    truth: groundTruth(PLANTED, model, seed, rows),
    *chunks() {
      writer ??= new TsvLineWriter(CATEGORICAL_FIELDS.map((f, j) => hexTable(seed, j, f.cardinality)));
      const lines = writer;
      const g = newGenerator();
      yield* chunkLines(rows, chunkBytes, (buf, pos) => {
        g.next();
        return lines.write(buf, pos, g);
      });
      finish(g);
    },
    *rows() {
      const g = newGenerator();
      for (let r = 0; r < rows; r++) {
        g.next();
        yield g.decode();
      }
      finish(g);
    },
    outcome: () => outcome,
  };
}
