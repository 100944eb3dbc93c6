// One colour, texture and short name per operator, used by every view (legend once, DESIGN.md §4).
import { DENSE_OPS, SPARSE_OPS } from '../core/space/types.ts';
import type { DenseOp, SparseOp } from '../core/space/types.ts';
import type { SeriesStyle } from './charts/seriesStyle.tsx';

export type AnyOp = DenseOp | SparseOp;

export interface OpStyle {
  op: AnyOp;
  stream: 'dense' | 'sparse';
  /** Text shown on marks: "FC", "EFC". */
  short: string;
  /** Full name for legends and tooltips. */
  name: string;
  /** One sentence on what it computes (NASREC.md §5). */
  what: string;
  /** Okabe–Ito colour (colour-blind safe). */
  color: string;
  /** Dense ops solid, sparse ops hatched, so the stream reads without colour too. */
  texture: 'solid' | 'hatch';
}

/** Every operator's look. Okabe–Ito: blue, vermillion, bluish green, reddish purple | orange, sky blue. */
export const OP_STYLES: Record<AnyOp, OpStyle> = {
  fc: { op: 'fc', stream: 'dense', short: 'FC', name: 'Fully connected', what: 'a learned linear layer with ReLU over the chosen dense inputs', color: '#0072B2', texture: 'solid' },
  sg: { op: 'sg', stream: 'dense', short: 'SG', name: 'Sigmoid gating', what: 'one input opens or closes a gate on another, feature by feature', color: '#D55E00', texture: 'solid' },
  sum: { op: 'sum', stream: 'dense', short: 'Sum', name: 'Element-wise sum', what: 'adds two inputs (projected to the chosen width)', color: '#009E73', texture: 'solid' },
  dp: { op: 'dp', stream: 'dense', short: 'DP', name: 'Dot product', what: 'pairwise dot products between features and embeddings (as in DLRM)', color: '#CC79A7', texture: 'solid' },
  efc: { op: 'efc', stream: 'sparse', short: 'EFC', name: 'Embedded FC', what: 'a linear layer that mixes embedding rows, channel by channel', color: '#E69F00', texture: 'hatch' },
  attn: { op: 'attn', stream: 'sparse', short: 'Attn', name: 'Attention', what: 'multi-head self-attention between embedding rows (a transformer layer)', color: '#56B4E9', texture: 'hatch' },
};

/** Dense then sparse, in the space's canonical order. */
export const ALL_OPS: readonly AnyOp[] = [...DENSE_OPS, ...SPARSE_OPS];

/** Chart series styles for operators (keys are op names). */
export function opSeries(ops: readonly AnyOp[] = ALL_OPS): SeriesStyle[] {
  return ops.map((op) => {
    const s = OP_STYLES[op];
    return { key: op, label: `${s.short} — ${s.name}`, color: s.color, texture: s.texture };
  });
}

/** Short names joined for a list of active ops: ["fc", "dp"] → "FC+DP". */
export function opsText(ops: readonly AnyOp[]): string {
  return ops.map((op) => OP_STYLES[op].short).join('+');
}
