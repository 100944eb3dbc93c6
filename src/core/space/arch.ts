// Architectures as validated values: construction (makeArch) with errors that name block and field, and the canonical key.
import { ArchError } from './errors.ts';
import { validateSpace } from './validateSpace.ts';
import type { Arch, ArchBlock, ArchKey, DenseOp, SpaceConfig, SparseOp } from './types.ts';

/** The fields of an ArchBlock, in canonical order. */
export const ARCH_BLOCK_FIELDS: readonly (keyof ArchBlock)[] = [
  'denseIdx',
  'sparseIdx',
  'left',
  'right',
  'denseOp',
  'sparseOp',
  'denseDim',
  'sparseDim',
  'interact',
  'deepFm',
];

function indexList(value: unknown, field: string, i: number, maxInputs: number): number[] {
  if (!Array.isArray(value) || value.length === 0) throw new ArchError(field, 'needs a non-empty list of inputs', i);
  const seen = new Set<number>();
  for (const j of value) {
    if (typeof j !== 'number' || !Number.isInteger(j)) throw new ArchError(field, `input ${JSON.stringify(j)} is not a whole number`, i);
    if (j < 0 || j > i) throw new ArchError(field, `input ${j} does not exist (block ${i} reads 0..${i})`, i);
    if (seen.has(j)) throw new ArchError(field, `input ${j} is listed twice`, i);
    seen.add(j);
  }
  if (value.length > maxInputs) {
    throw new ArchError(field, `${value.length} inputs is more than the space allows (maxInputs ${maxInputs})`, i);
  }
  // §3: concatenation order is ascending index, whatever order a list is stored in.
  return [...seen].sort((a, b) => a - b);
}

function single(value: unknown, field: string, i: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ArchError(field, `must be a whole number, got ${JSON.stringify(value)}`, i);
  if (value < 0 || value > i) throw new ArchError(field, `input ${value} does not exist (block ${i} reads 0..${i})`, i);
  return value;
}

function choice<T>(value: unknown, field: string, i: number, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) {
    throw new ArchError(field, `${JSON.stringify(value)} is not ${what} (choose from ${allowed.join(', ')})`, i);
  }
  return value as T;
}

function flag(value: unknown, field: string, i: number, allowed: boolean): boolean {
  if (typeof value !== 'boolean') throw new ArchError(field, `must be true or false, got ${JSON.stringify(value)}`, i);
  if (value && !allowed) throw new ArchError(field, 'is on but the space has the interaction modules off', i);
  return value;
}

/** Validates one block against the space; returns a fresh canonical, frozen copy. */
function makeBlock(raw: unknown, i: number, space: SpaceConfig): ArchBlock {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ArchError('block', 'must be an object', i);
  const b = raw as Record<string, unknown>;
  for (const key of ARCH_BLOCK_FIELDS) if (!(key in b)) throw new ArchError(key, 'is missing', i);
  const block: ArchBlock = {
    denseIdx: Object.freeze(indexList(b.denseIdx, 'denseIdx', i, space.maxInputs)) as number[],
    sparseIdx: Object.freeze(indexList(b.sparseIdx, 'sparseIdx', i, space.maxInputs)) as number[],
    left: single(b.left, 'left', i),
    right: single(b.right, 'right', i),
    denseOp: choice<DenseOp>(b.denseOp, 'denseOp', i, space.denseOps, 'a dense operator enabled in the space'),
    sparseOp: choice<SparseOp>(b.sparseOp, 'sparseOp', i, space.sparseOps, 'a sparse operator enabled in the space'),
    denseDim: choice(b.denseDim, 'denseDim', i, space.denseDims, 'a dense width of the space'),
    sparseDim: choice(b.sparseDim, 'sparseDim', i, space.sparseDims, 'a sparse row choice of the space'),
    interact: flag(b.interact, 'interact', i, space.interactionModules),
    deepFm: flag(b.deepFm, 'deepFm', i, space.interactionModules),
  };
  return Object.freeze(block);
}

/**
 * Validates an architecture against its space and returns it frozen and canonical (index lists sorted).
 * @param blocks one ArchBlock per block of the space, block i reading inputs 0..i (0 = raw input)
 * @throws SpaceError for a bad space; ArchError naming the block and field ("block 2, denseIdx: input 3 does not exist (block 2 reads 0..2)")
 */
export function makeArch(blocks: readonly ArchBlock[], space: SpaceConfig): Arch {
  validateSpace(space);
  if (!Array.isArray(blocks)) throw new ArchError('blocks', 'an architecture needs a list of blocks');
  if (blocks.length !== space.blocks) {
    throw new ArchError('blocks', `the space has ${space.blocks} blocks but the architecture has ${blocks.length}`);
  }
  return Object.freeze({ blocks: Object.freeze(blocks.map((b, i) => makeBlock(b, i, space))) });
}

const OP_CODE: Record<DenseOp | SparseOp, string> = { fc: 'F', sg: 'G', sum: 'S', dp: 'D', efc: 'E', attn: 'A' };

/**
 * Canonical key: one segment per block, e.g. `0.1|0|0,0|G128|A64|10` (dense inputs | sparse inputs |
 * left,right | dense op + width | sparse op + rows | interact, deepFm), blocks joined by `/`.
 * Equal keys ⇔ equal architectures (for a canonical Arch from makeArch).
 */
export function archKey(arch: Arch): ArchKey {
  return arch.blocks
    .map(
      (b) =>
        `${b.denseIdx.join('.')}|${b.sparseIdx.join('.')}|${b.left},${b.right}|` +
        `${OP_CODE[b.denseOp]}${b.denseDim}|${OP_CODE[b.sparseOp]}${b.sparseDim}|${b.interact ? 1 : 0}${b.deepFm ? 1 : 0}`,
    )
    .join('/') as ArchKey;
}
