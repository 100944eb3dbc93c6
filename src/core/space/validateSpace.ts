// Validation of a SpaceConfig (typed or straight from JSON): throws a SpaceError naming the field in words.
import { SpaceError } from './errors.ts';
import { DENSE_OPS, SPARSE_OPS, type SpaceConfig } from './types.ts';

/** Most choice blocks a space may have. */
export const MAX_BLOCKS = 12;

const FIELDS: readonly (keyof SpaceConfig)[] = [
  'preset',
  'blocks',
  'denseOps',
  'sparseOps',
  'denseDims',
  'sparseDims',
  'interactionModules',
  'maxInputs',
  'embeddingDim',
];
const PRESETS: readonly string[] = ['full', 'small', 'tiny', 'custom'];

const isWhole = (v: unknown, min: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min;

function checkOps(value: unknown, field: string, all: readonly string[], kind: 'dense' | 'sparse'): void {
  if (!Array.isArray(value) || value.length === 0) throw new SpaceError(field, `enable at least one ${kind} operator`);
  for (const op of value) {
    if (typeof op !== 'string' || !all.includes(op)) {
      throw new SpaceError(field, `unknown ${kind} operator ${JSON.stringify(op)} (choose from ${all.join(', ')})`);
    }
  }
  const canonical = all.filter((op) => value.includes(op));
  if (canonical.length !== value.length || canonical.some((op, i) => op !== value[i])) {
    throw new SpaceError(field, `${kind} operators must be listed once each, in the order ${all.join(', ')}`);
  }
}

function checkDims(value: unknown, field: string, what: string): void {
  if (!Array.isArray(value) || value.length === 0) throw new SpaceError(field, `give at least one ${what} choice`);
  const ok = value.every((v, i) => isWhole(v, 1) && (i === 0 || v > (value[i - 1] as number)));
  if (!ok) throw new SpaceError(field, `${what} must be ascending whole numbers ≥ 1, got [${value.map(String).join(', ')}]`);
}

/**
 * Checks every field of a space. Accepts untrusted input (e.g. parsed JSON): unknown or missing fields are errors.
 * @throws SpaceError whose `field` is the bad key and whose message says what is wrong, in words.
 */
export function validateSpace(space: unknown): asserts space is SpaceConfig {
  if (typeof space !== 'object' || space === null || Array.isArray(space)) throw new SpaceError('space', 'a space must be an object');
  const s = space as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!(FIELDS as readonly string[]).includes(key)) throw new SpaceError(key, `unknown space field "${key}"`);
  }
  for (const key of FIELDS) if (!(key in s)) throw new SpaceError(key, `the space has no "${key}"`);
  if (typeof s.preset !== 'string' || !PRESETS.includes(s.preset)) {
    throw new SpaceError('preset', `preset must be one of ${PRESETS.join(', ')}, got ${JSON.stringify(s.preset)}`);
  }
  if (!isWhole(s.blocks, 1) || s.blocks > MAX_BLOCKS) {
    throw new SpaceError('blocks', `the number of blocks must be a whole number from 1 to ${MAX_BLOCKS}, got ${String(s.blocks)}`);
  }
  checkOps(s.denseOps, 'denseOps', DENSE_OPS, 'dense');
  checkOps(s.sparseOps, 'sparseOps', SPARSE_OPS, 'sparse');
  checkDims(s.denseDims, 'denseDims', 'dense widths');
  checkDims(s.sparseDims, 'sparseDims', 'sparse rows');
  if (typeof s.interactionModules !== 'boolean') throw new SpaceError('interactionModules', 'interactionModules must be true or false');
  if (!isWhole(s.maxInputs, 1)) {
    throw new SpaceError('maxInputs', `the most inputs per stream must be a whole number ≥ 1, got ${String(s.maxInputs)}`);
  }
  if (!isWhole(s.embeddingDim, 2) || s.embeddingDim % 2 !== 0) {
    throw new SpaceError(
      'embeddingDim',
      `the embedding dimension must be an even whole number ≥ 2 (attention uses heads of dimension 2, so E/2 heads), got ${String(s.embeddingDim)}`,
    );
  }
}
