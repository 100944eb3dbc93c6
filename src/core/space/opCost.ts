// Parameters and per-example FLOPs of each operator (NASREC.md §5, §5.1, §12.2, §13.5), for given input/output widths.
import { INTERACT_ROWS } from './types.ts';

/** Non-embedding parameters and per-example FLOPs (linear MACs + bmm MACs + 5·numel per LayerNorm, §12.2). */
export interface Cost {
  params: number;
  flops: number;
}

/** Embedding dimension E and whether LayerNorm follows the projections (supernet: on; final model: off, §11). */
export interface OpContext {
  E: number;
  layerNorm: boolean;
}

/** Nothing: a skipped projection or a dead op. */
export const ZERO_COST: Cost = Object.freeze({ params: 0, flops: 0 });

/** Element-wise sum of costs. */
export function addCosts(...costs: Cost[]): Cost {
  return costs.reduce((a, c) => ({ params: a.params + c.params, flops: a.flops + c.flops }), ZERO_COST);
}

/** `Linear(inF → outF)` applied to `rows` vectors per example. */
export function linearCost(inF: number, outF: number, rows: number, bias: boolean): Cost {
  return { params: inF * outF + (bias ? outF : 0), flops: rows * inF * outF };
}

/** An affine LayerNorm over `size` features, applied to `numel` values per example. */
export function layerNormCost(size: number, numel: number): Cost {
  return { params: 2 * size, flops: 5 * numel };
}

/** Projection + optional LN, as every NASRec op writes it: the linear has a bias only when LN is off. */
function proj(ctx: OpContext, inF: number, outF: number, rows = 1): Cost {
  return addCosts(linearCost(inF, outF, rows, !ctx.layerNorm), ctx.layerNorm ? layerNormCost(outF, outF * rows) : ZERO_COST);
}

/** FC: ReLU(W x + b), W: d×din. */
export function fcCost(ctx: OpContext, din: number, d: number): Cost {
  return proj(ctx, din, d);
}

/** Sum of left/right zero-padded to m; projected to d unless m = d (§13.5); LN (if on) even when skipped. */
export function sumCost(ctx: OpContext, m: number, d: number): Cost {
  return addCosts(m !== d ? linearCost(m, d, 1, !ctx.layerNorm) : ZERO_COST, ctx.layerNorm ? layerNormCost(d, d) : ZERO_COST);
}

/** Sigmoid-gating: sigmoid(U left + c) ⊙ right with U: m×m (biased), then W: d×m (always biased) unless m = d. */
export function sgCost(ctx: OpContext, m: number, d: number): Cost {
  return addCosts(
    linearCost(m, m, 1, true),
    m !== d ? linearCost(m, d, 1, true) : ZERO_COST,
    ctx.layerNorm ? layerNormCost(d, d) : ZERO_COST,
  );
}

/** P = round(√(2d)): rows the Dot-Product projects its sparse input to (d = 1024 → 45). */
export function dpRows(d: number): number {
  return Math.round(Math.sqrt(2 * d));
}

/**
 * Dot-Product (DLRM-style): dense din → E unless din = E; rows nin → P unless nin = P; pairwise products of
 * the P+1 tokens (bmm, (P+1)²·E MACs), strict lower triangle P(P+1)/2 → d unless equal. LN over d always (if on).
 */
export function dpCost(ctx: OpContext, din: number, nin: number, d: number): Cost {
  const { E } = ctx;
  const P = dpRows(d);
  const pairs = (P * (P + 1)) / 2;
  return addCosts(
    din !== E ? proj(ctx, din, E) : ZERO_COST,
    nin !== P ? proj(ctx, nin, P, E) : ZERO_COST,
    { params: 0, flops: (P + 1) * (P + 1) * E },
    pairs !== d ? linearCost(pairs, d, 1, !ctx.layerNorm) : ZERO_COST,
    ctx.layerNorm ? layerNormCost(d, d) : ZERO_COST,
  );
}

/** EFC: an FC over the row axis (nin → s) for each of the E channels; LN (if on) over the s rows. */
export function efcCost(ctx: OpContext, nin: number, s: number): Cost {
  return proj(ctx, nin, s, ctx.E);
}

/**
 * Attention: row projection nin → s (+LN if on), then MHA on the s tokens (Q/K/V/out E→E projections per row,
 * QKᵀ and AV bmm, s²·E MACs each), LN_a, FFN E→E→E per row, LN_f. LN_a and LN_f are always present (§5).
 */
export function attnCost(ctx: OpContext, nin: number, s: number): Cost {
  return addCosts(proj(ctx, nin, s, ctx.E), attnCoreCost(ctx.E, s));
}

/** Attention after its row projection, on s tokens of dimension E: MHA, LN_a, FFN, LN_f (no width choice inside). */
export function attnCoreCost(E: number, s: number): Cost {
  return addCosts(
    linearCost(E, 3 * E, s, true),
    { params: 0, flops: 2 * s * s * E },
    linearCost(E, E, s, true),
    layerNormCost(E, s * E),
    linearCost(E, E, s, true),
    linearCost(E, E, s, true),
    layerNormCost(E, s * E),
  );
}

/** Sparse→dense FM: (Σ rows)² − Σ rows², E features, projected E → d unless d = E (then no LN either). */
export function fmCost(ctx: OpContext, d: number): Cost {
  return d !== ctx.E ? proj(ctx, ctx.E, d) : ZERO_COST;
}

/** Dense→sparse module: d → 8·E, reshaped to 8 rows; skipped when d = 8·E (§5.1). */
export function interactCost(ctx: OpContext, d: number): Cost {
  const out = INTERACT_ROWS * ctx.E;
  return d !== out ? proj(ctx, d, out) : ZERO_COST;
}

/** The logit layer: Linear(d_last + rows_last·E → 1), biased. */
export function finalCost(ctx: OpContext, d: number, rows: number): Cost {
  return linearCost(d + rows * ctx.E, 1, 1, true);
}
