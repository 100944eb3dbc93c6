// Supernet size (§7, §14) and how many of its parameters one sampled path updates, per block and op.
import { leftRightInputs, pathLiveness } from './liveness.ts';
import { attnCoreCost, attnCost, dpCost, dpRows, efcCost, fcCost, finalCost, fmCost, interactCost, sgCost, sumCost, type OpContext } from './opCost.ts';
import { DENSE_OPS, INTERACT_ROWS, SPARSE_OPS, type DenseOp, type InputShape, type SpaceConfig, type SparseOp, type SupernetPath } from './types.ts';

/** Parameters of one block, per op (0 for ops the space does not enable), plus the two interaction modules. */
export interface BlockParams {
  dense: Record<DenseOp, number>;
  sparse: Record<SparseOp, number>;
  interact: number;
  fm: number;
  total: number;
}

/** Parameters of the whole supernet (or of what one path updates): total, per block and op, and the logit layer. */
export interface SupernetParamCount {
  total: number;
  perBlock: BlockParams[];
  /** The logit layer. */
  final: number;
}

/**
 * The supernet's fixed input widths (§7, §14): block i reads `dense[i] = input.dense + Dmax·i` features and
 * `rows[i] = input.sparse + (Smax + 8)·i` rows (8 dense→sparse rows per block, zeros when the module is off).
 */
export function supernetWidths(space: SpaceConfig, input: InputShape): { dense: number[]; rows: number[] } {
  const dMax = Math.max(...space.denseDims);
  const sMax = Math.max(...space.sparseDims);
  const blocks = Array.from({ length: space.blocks }, (_, i) => i);
  return { dense: blocks.map((i) => input.dense + dMax * i), rows: blocks.map((i) => input.sparse + (sMax + INTERACT_ROWS) * i) };
}

function blockParams(space: SpaceConfig, dense: Partial<Record<DenseOp, number>>, sparse: Partial<Record<SparseOp, number>>, interact: number, fm: number): BlockParams {
  const d = Object.fromEntries(DENSE_OPS.map((op) => [op, space.denseOps.includes(op) ? (dense[op] ?? 0) : 0])) as Record<DenseOp, number>;
  const s = Object.fromEntries(SPARSE_OPS.map((op) => [op, space.sparseOps.includes(op) ? (sparse[op] ?? 0) : 0])) as Record<SparseOp, number>;
  const total = [...Object.values(d), ...Object.values(s), interact, fm].reduce((a, b) => a + b, 0);
  return { dense: d, sparse: s, interact, fm, total };
}

/**
 * Non-embedding parameters of the supernet at maximum size (§7): every enabled op of every block allocated
 * at the largest width on the fixed input widths of `supernetWidths` (projection skips where those widths
 * happen to match, as the lazy layers do), the interaction modules when the space has them, and the logit
 * layer Linear(Dmax + (Smax + 8)·E → 1). Paper-scale NASRec-Full on Criteo (13/26, LN on): ≈ 171.5M.
 */
export function supernetParams(space: SpaceConfig, input: InputShape, options: { layerNorm: boolean }): SupernetParamCount {
  const ctx: OpContext = { E: space.embeddingDim, layerNorm: options.layerNorm };
  const dMax = Math.max(...space.denseDims);
  const sMax = Math.max(...space.sparseDims);
  const widths = supernetWidths(space, input);
  const perBlock = widths.dense.map((din, i) => {
    const nin = widths.rows[i]!;
    const on = space.interactionModules;
    return blockParams(
      space,
      { fc: fcCost(ctx, din, dMax).params, dp: dpCost(ctx, din, nin, dMax).params, sum: sumCost(ctx, din, dMax).params, sg: sgCost(ctx, din, dMax).params },
      { efc: efcCost(ctx, nin, sMax).params, attn: attnCost(ctx, nin, sMax).params },
      on ? interactCost(ctx, dMax).params : 0,
      on ? fmCost(ctx, dMax).params : 0,
    );
  });
  const final = finalCost(ctx, dMax, sMax + INTERACT_ROWS).params;
  return { total: perBlock.reduce((a, b) => a + b.total, final), perBlock, final };
}

/** Live widths around one block of a path, in the supernet's layout (§7: masked units and unselected inputs are zeros). */
interface LiveShape {
  /** Selected dense / sparse input widths (each producer's active width). */
  din: number;
  nin: number;
  /** Live widths of the left and right slots, and of their union. */
  left: number;
  right: number;
  union: number;
  /** Whether the supernet allocated each projection (it skips those whose max widths match, §13.5). */
  sumSgProj: boolean;
  dpDenseProj: boolean;
  dpRowProj: boolean;
  dpOutProj: boolean;
}

/** Updated parameters of one active dense op at width d: live inputs × live outputs, plus live biases / LN. */
function liveDenseParams(op: DenseOp, x: LiveShape, d: number, ctx: OpContext, P: number): number {
  const { E, layerNorm: ln } = ctx;
  const out = (n: number) => (ln ? 2 * n : n); // bias, or LN gain + shift
  const lnOut = ln ? 2 * d : 0;
  switch (op) {
    case 'fc':
      return x.din * d + out(d);
    case 'sum':
      return (x.sumSgProj ? d * x.union + (ln ? 0 : d) : 0) + lnOut;
    case 'sg': // gate rows where right is live, columns where left is live; output projection always biased
      return x.right * x.left + x.right + (x.sumSgProj ? d * x.right + d : 0) + lnOut;
    case 'dp':
      return (
        (x.dpDenseProj ? E * x.din + out(E) : 0) +
        (x.dpRowProj ? P * x.nin + out(P) : 0) +
        (x.dpOutProj ? d * ((P * (P + 1)) / 2) + (ln ? 0 : d) : 0) +
        lnOut
      );
  }
}

/**
 * Supernet parameters that one step on `path` updates, per block and active op: the live, unmasked weights
 * (inputs that are selected and inside their producer's active width, outputs inside the active width) of
 * ops whose output reaches the logit. A full path counts the whole supernet. With LayerNorm on, LN statistics
 * also pass small gradients to masked rows (§7); those are not counted here.
 */
export function pathOpParams(path: SupernetPath, space: SpaceConfig, input: InputShape, options: { layerNorm: boolean }): SupernetParamCount {
  const ctx: OpContext = { E: space.embeddingDim, layerNorm: options.layerNorm };
  const { E, layerNorm: ln } = ctx;
  const dMax = Math.max(...space.denseDims);
  const P = dpRows(dMax);
  const widths = supernetWidths(space, input);
  const liveDense = [input.dense, ...path.map((b) => b.denseDim)];
  const liveRows = [input.sparse, ...path.map((b) => b.sparseDim + (b.interact ? INTERACT_ROWS : 0))];
  const total = (idx: readonly number[], w: readonly number[]) => idx.reduce((a, j) => a + w[j]!, 0);
  const liveness = pathLiveness(path);
  const perBlock = path.map((b, i) => {
    const l = liveness[i]!;
    const slot = (j: number) => (b.leftRightAll ? total(leftRightInputs(b, i), liveDense) : liveDense[j]!);
    const x: LiveShape = {
      din: total(b.denseIdx, liveDense),
      nin: total(b.sparseIdx, liveRows),
      left: slot(b.left),
      right: slot(b.right),
      union: b.leftRightAll || b.left === b.right ? slot(b.left) : slot(b.left) + slot(b.right),
      sumSgProj: widths.dense[i] !== dMax,
      dpDenseProj: widths.dense[i] !== E,
      dpRowProj: widths.rows[i] !== P,
      dpOutProj: (P * (P + 1)) / 2 !== dMax,
    };
    const dense: Partial<Record<DenseOp, number>> = {};
    for (const op of l.dense ? b.denseOps : []) dense[op] = liveDenseParams(op, x, b.denseDim, ctx, P);
    const sparse: Partial<Record<SparseOp, number>> = {};
    for (const op of l.sparse ? b.sparseOps : []) {
      const rowProj = b.sparseDim * x.nin + (ln ? 2 * b.sparseDim : b.sparseDim);
      sparse[op] = op === 'efc' ? rowProj : rowProj + attnCoreCost(E, b.sparseDim).params;
    }
    const eight = INTERACT_ROWS * E;
    const interact = l.interact && dMax !== eight ? eight * b.denseDim + (ln ? 2 * eight : eight) : 0;
    const fm = l.fm && dMax !== E ? E * b.denseDim + (ln ? 2 * b.denseDim : b.denseDim) : 0;
    return blockParams(space, dense, sparse, interact, fm);
  });
  const n = path.length;
  const final = liveDense[n]! + liveRows[n]! * E + 1;
  return { total: perBlock.reduce((a, b) => a + b.total, final), perBlock, final };
}
