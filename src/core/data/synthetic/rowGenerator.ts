// The row stream of a sample: draws the cells, evaluates the planted model and draws the label, one row at a time.
import type { Rng } from '../../rng.ts';
import { evaluateTerms, sigmoid, softplus, termCount } from './model.ts';
import type { PlantedParams } from './model.ts';
import { MISSING_DENSE, newRowCells } from './rowSource.ts';
import type { RowSource } from './rowSource.ts';

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

/** Walks the rows of one sample. After `next()`, the fields describe the row just drawn. */
export class RowGenerator {
  readonly cells = newRowCells();
  /** [termCount] logit contribution of each term of the current row. */
  readonly terms: Float64Array;
  /** Total logit (intercept included) and true click probability of the current row. */
  logit = 0;
  probability = 0;
  label: 0 | 1 = 0;
  /** Running sums over the rows drawn so far: clicks and -ln p_true(label). */
  clicks = 0;
  lossSum = 0;
  drawn = 0;

  constructor(
    private readonly source: RowSource,
    private readonly params: PlantedParams,
    private readonly rng: Rng,
  ) {
    this.terms = new Float64Array(termCount(params));
  }

  /** Draws the next row: cells first, then the label from the same stream. */
  next(): void {
    this.source.draw(this.rng, this.cells);
    const z = this.params.intercept + evaluateTerms(this.params, this.cells, this.terms);
    this.logit = z;
    this.probability = sigmoid(z);
    this.label = this.rng.next() < this.probability ? 1 : 0;
    this.clicks += this.label;
    this.lossSum += softplus(this.label === 1 ? -z : z); // -ln σ(z) for a click, -ln(1 - σ(z)) otherwise
    this.drawn++;
  }

  /** The current row as a fresh, self-contained value. */
  decode(): SampleRow {
    const p = this.params;
    const t = this.terms;
    const linearTerms = p.denseLinear.length + p.categoricalLinear.length;
    let linear = 0;
    for (let i = 0; i < linearTerms; i++) linear += t[i]!;
    return {
      label: this.label,
      probability: this.probability,
      logits: {
        intercept: p.intercept,
        linear,
        interactions: Array.from(t.subarray(linearTerms, linearTerms + p.interactions.length)),
        nonlinear: t[t.length - 1]!,
        total: this.logit,
      },
      dense: Array.from(this.cells.dense, (x) => (x === MISSING_DENSE ? Number.NaN : x)),
      categorical: Array.from(this.cells.categorical),
    };
  }
}
