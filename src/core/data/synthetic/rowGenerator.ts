// The row stream of a sample: draws the cells, evaluates the planted model and draws the label, one row at a time.
import type { Rng } from '../../rng.ts';
import { evaluateTerms, sigmoid, softplus, termCount } from './model.ts';
import type { PlantedParams } from './model.ts';
import { newRowCells } from './rowSource.ts';
import type { RowSource } from './rowSource.ts';

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
}
