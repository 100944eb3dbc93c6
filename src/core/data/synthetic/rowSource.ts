// Draws one row's raw cells (dense counts, categorical value ranks, empty cells) from a seeded stream.
import type { Rng } from '../../rng.ts';
import { CATEGORICAL_FIELDS, DENSE_FIELDS } from './schema.ts';
import type { CategoricalFieldSpec, DenseFieldSpec } from './schema.ts';
import { ZipfTable } from './zipf.ts';

/** Marks an empty dense cell. */
export const MISSING_DENSE = -0x80000000;
/** Marks an empty categorical cell. */
export const MISSING_CATEGORY = -1;
/** Largest count written; keeps every count an int32. */
const MAX_COUNT = 1_000_000_000;

/** The raw cells of one row: [13] counts (MISSING_DENSE = empty), [26] value ranks (-1 = empty). */
export interface RowCells {
  readonly dense: Int32Array;
  readonly categorical: Int32Array;
}

/** Fresh, empty cells sized for the schema. */
export function newRowCells(): RowCells {
  return { dense: new Int32Array(DENSE_FIELDS.length), categorical: new Int32Array(CATEGORICAL_FIELDS.length) };
}

/** The transform the loader applies to a dense cell (NASREC.md §2.3): ln(max(x, 0) + 1), empty → 0. */
export function logCount(x: number): number {
  return x === MISSING_DENSE ? 0 : Math.log1p(x > 0 ? x : 0);
}

/** Gives each field with a missing rate > 0 the index of its uniform draw; -1 = never missing. */
function missingGroups(fields: readonly (DenseFieldSpec | CategoricalFieldSpec)[], ids: Map<string, number>): Int32Array {
  return Int32Array.from(fields, (f) => {
    if (f.missing <= 0) return -1;
    const key = f.group ?? `:${f.name}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
}

/** Samples rows of the schema. Holds only tables; all randomness comes from the Rng passed to draw. */
export class RowSource {
  /** One Zipf table per categorical field, in schema order. */
  readonly zipf: readonly ZipfTable[] = CATEGORICAL_FIELDS.map((f) => new ZipfTable(f.cardinality, f.zipf));
  private readonly denseGroup: Int32Array;
  private readonly categoricalGroup: Int32Array;
  private readonly denseMissing = Float64Array.from(DENSE_FIELDS, (f) => f.missing);
  private readonly categoricalMissing = Float64Array.from(CATEGORICAL_FIELDS, (f) => f.missing);
  private readonly mu = Float64Array.from(DENSE_FIELDS, (f) => f.mu);
  private readonly sigma = Float64Array.from(DENSE_FIELDS, (f) => f.sigma);
  private readonly negative = Float64Array.from(DENSE_FIELDS, (f) => f.negative);
  /** This row's uniform draw per missing group. */
  private readonly groupDraws: Float64Array;

  constructor() {
    const ids = new Map<string, number>();
    this.denseGroup = missingGroups(DENSE_FIELDS, ids);
    this.categoricalGroup = missingGroups(CATEGORICAL_FIELDS, ids);
    this.groupDraws = new Float64Array(ids.size);
  }

  /** Overwrites `cells` with the next row drawn from `rng` (a fixed number of draws per present cell). */
  draw(rng: Rng, cells: RowCells): void {
    const u = this.groupDraws;
    for (let g = 0; g < u.length; g++) u[g] = rng.next();
    const dense = cells.dense;
    for (let i = 0; i < dense.length; i++) {
      const g = this.denseGroup[i]!;
      if (g >= 0 && u[g]! < this.denseMissing[i]!) {
        dense[i] = MISSING_DENSE;
      } else if (this.negative[i]! > 0 && rng.next() < this.negative[i]!) {
        dense[i] = -1;
      } else {
        const x = Math.floor(Math.exp(this.mu[i]! + this.sigma[i]! * rng.normal()));
        dense[i] = x > MAX_COUNT ? MAX_COUNT : x;
      }
    }
    const categorical = cells.categorical;
    for (let j = 0; j < categorical.length; j++) {
      const g = this.categoricalGroup[j]!;
      categorical[j] = g >= 0 && u[g]! < this.categoricalMissing[j]! ? MISSING_CATEGORY : this.zipf[j]!.sample(rng.next());
    }
  }
}
