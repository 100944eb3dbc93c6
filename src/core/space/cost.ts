// Per-example parameters and FLOPs of a standalone architecture, live graph only (NASREC.md §5, §5.1, §12.2).
import { pathLiveness } from './liveness.ts';
import {
  addCosts,
  attnCost,
  dpCost,
  efcCost,
  fcCost,
  finalCost,
  fmCost,
  interactCost,
  sgCost,
  sumCost,
  ZERO_COST,
  type Cost,
  type OpContext,
} from './opCost.ts';
import { archToPath } from './path.ts';
import { INTERACT_ROWS, type Arch, type ArchBlock, type InputShape, type SpaceConfig } from './types.ts';

/** Cost of a standalone network: totals (params, per-example FLOPs), per block, and the logit layer. */
export interface ArchCost extends Cost {
  /** Per block (0-based); dead code counts 0. */
  perBlock: Cost[];
  /** The logit layer. */
  final: Cost;
}

/** Output widths of every list entry: index 0 = raw input, j ≥ 1 = block j−1 (rows include the 8 interact rows). */
export function streamWidths(arch: Arch, input: InputShape): { dense: number[]; rows: number[] } {
  return {
    dense: [input.dense, ...arch.blocks.map((b) => b.denseDim)],
    rows: [input.sparse, ...arch.blocks.map((b) => b.sparseDim + (b.interact ? INTERACT_ROWS : 0))],
  };
}

const sumOf = (idx: readonly number[], widths: readonly number[]) => idx.reduce((a, j) => a + (widths[j] ?? 0), 0);

function denseOpCost(ctx: OpContext, b: ArchBlock, dense: number[], rows: number[]): Cost {
  const din = sumOf(b.denseIdx, dense);
  const m = Math.max(dense[b.left] ?? 0, dense[b.right] ?? 0);
  switch (b.denseOp) {
    case 'fc':
      return fcCost(ctx, din, b.denseDim);
    case 'dp':
      return dpCost(ctx, din, sumOf(b.sparseIdx, rows), b.denseDim);
    case 'sum':
      return sumCost(ctx, m, b.denseDim);
    case 'sg':
      return sgCost(ctx, m, b.denseDim);
  }
}

function sparseOpCost(ctx: OpContext, b: ArchBlock, rows: number[]): Cost {
  const nin = sumOf(b.sparseIdx, rows);
  return b.sparseOp === 'efc' ? efcCost(ctx, nin, b.sparseDim) : attnCost(ctx, nin, b.sparseDim);
}

/**
 * Cost of the standalone ("fixed") network of an architecture, per example, by the official convention
 * (§12.2): only the live graph (what a tracer keeps; dead blocks and dead streams excluded); FLOPs = linear
 * MACs + bmm MACs + 5·numel per LayerNorm; params = non-embedding parameters. Every projection-skipping rule of
 * §13.5 applies. The released Criteo NASRec-Full model (paper scale, 13/26 inputs, no LN) gives ≈ 1.466M FLOPs.
 * @param input raw input shape (dense features, categorical fields)
 * @param options.layerNorm LN after projections (final models: false, §11; supernet/proxy: true)
 * @param options.includeDead also count dead code, as an eager model allocates and runs it (§12.2 "all" params)
 */
export function archCost(arch: Arch, space: SpaceConfig, input: InputShape, options: { layerNorm: boolean; includeDead?: boolean }): ArchCost {
  const ctx: OpContext = { E: space.embeddingDim, layerNorm: options.layerNorm };
  const { dense, rows } = streamWidths(arch, input);
  const live = options.includeDead
    ? arch.blocks.map((b) => ({ live: true, dense: true, sparse: true, fm: b.deepFm, interact: b.interact }))
    : pathLiveness(archToPath(arch));
  const perBlock = arch.blocks.map((b, i) => {
    const l = live[i]!;
    return addCosts(
      l.dense ? denseOpCost(ctx, b, dense, rows) : ZERO_COST,
      l.sparse ? sparseOpCost(ctx, b, rows) : ZERO_COST,
      l.fm ? fmCost(ctx, b.denseDim) : ZERO_COST,
      l.interact ? interactCost(ctx, b.denseDim) : ZERO_COST,
    );
  });
  const n = arch.blocks.length;
  const final = finalCost(ctx, dense[n] ?? 0, rows[n] ?? 0);
  return { ...addCosts(...perBlock, final), perBlock, final };
}
