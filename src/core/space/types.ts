// Value types of the search space and of architectures (NASREC.md §3–4, §8.1). Data only: no behaviour.

/** Dense operators (NASREC.md §5): FC, Sigmoid-Gating, Sum, Dot-Product. */
export type DenseOp = 'fc' | 'sg' | 'sum' | 'dp';
/** Sparse operators (NASREC.md §5): embedded FC and multi-head attention. */
export type SparseOp = 'efc' | 'attn';
export const DENSE_OPS: readonly DenseOp[] = ['fc', 'sg', 'sum', 'dp'];
export const SPARSE_OPS: readonly SparseOp[] = ['efc', 'attn'];

export type PresetName = 'full' | 'small' | 'tiny';

/**
 * A search space as data. Everything that iterates choices (samplers, supernet, UI, URL codec) reads it.
 * Widths are the *output* widths of a block's dense op (`dense_in_dims` in NASRec) and the output rows of
 * its sparse op (`sparse_in_dims`).
 */
export interface SpaceConfig {
  /** Preset it started from ('custom' once edited). */
  preset: PresetName | 'custom';
  /** Number of choice blocks (NASRec: 7; Tiny: 3). */
  blocks: number;
  /** Enabled dense ops, in DENSE_OPS order. */
  denseOps: DenseOp[];
  /** Enabled sparse ops, in SPARSE_OPS order. */
  sparseOps: SparseOp[];
  /** Dense width choices, ascending. */
  denseDims: number[];
  /** Sparse row choices, ascending. */
  sparseDims: number[];
  /** Whether the dense→sparse and sparse→dense interaction modules are searchable; false = always off. */
  interactionModules: boolean;
  /** Most inputs per stream (dense_idx, sparse_idx) per block (NASRec: 4). */
  maxInputs: number;
  /** Embedding dimension E of every sparse token (NASRec: 16; Tiny: 8). */
  embeddingDim: number;
}

/** The shape of the model's raw input: dense feature count (≥ 1; Avazu gets one zero column, §2.2) and categorical field count. */
export interface InputShape {
  dense: number;
  sparse: number;
}

/**
 * One block's choices in an architecture (NASREC.md §4). Input indices: 0 = the raw input, j ≥ 1 = output of block j−1;
 * block i may read 0..i. Index lists are sorted ascending and unique.
 */
export interface ArchBlock {
  denseIdx: number[];
  sparseIdx: number[];
  /** Left/right inputs of the binary dense ops (Sum, SG); may be equal. */
  left: number;
  right: number;
  denseOp: DenseOp;
  sparseOp: SparseOp;
  denseDim: number;
  sparseDim: number;
  /** dense→sparse module: project the dense output to 8 rows and append them to the sparse output. */
  interact: boolean;
  /** sparse→dense module: FM of the sparse output added into the dense output. */
  deepFm: boolean;
}

/** A validated architecture: one ArchBlock per block of its space. Build with `makeArch` (validates). */
export interface Arch {
  readonly blocks: readonly ArchBlock[];
}

/** Canonical string key of an architecture; equal keys ⇔ equal architectures. */
export type ArchKey = string & { readonly __brand: 'ArchKey' };

/**
 * A path through the supernet for one training step: like an ArchBlock, but any-path sampling and the
 * full-path warm-up may activate several ops of a stream at once (their outputs are summed, §7).
 */
export interface PathBlock {
  denseIdx: number[];
  sparseIdx: number[];
  left: number;
  right: number;
  denseOps: DenseOp[];
  sparseOps: SparseOp[];
  denseDim: number;
  sparseDim: number;
  interact: boolean;
  deepFm: boolean;
  /**
   * True only in a full-path macro draw (§8.1 warm-up, or the 'full-path' strategy): every input 0..i feeds
   * both the left and the right slot of Sum/SG, as the official full-path choice sets
   * `dense_left_idx = dense_right_idx = 0..i` (nothing zero-filled). `left`/`right` (then 0 and i) are to be
   * ignored. Absent or false: `left` and `right` are the single inputs of the binary ops.
   */
  leftRightAll?: boolean;
}
export type SupernetPath = readonly PathBlock[];

/** Supernet path-sampling strategies (§8.1): the NASRec default and the three ablations. */
export type SamplingStrategy = 'single-op-any-connection' | 'single-path' | 'any-path' | 'full-path';

/** Rows appended by the dense→sparse module (NASRec: 128 = 8 × 16 features → 8 rows). */
export const INTERACT_ROWS = 8;
