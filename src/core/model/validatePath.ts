// Checks a supernet path against its space before any tensor work; errors name the block and the field.
import type { PathBlock, SpaceConfig, SupernetPath } from '../space/types.ts';
import type { SupernetWidths } from './widths.ts';

/** Throws a RangeError naming the first bad field of `path` (e.g. "path block 2: denseDim 300 is not in [1, 256]"). */
export function validatePath(path: SupernetPath, space: SpaceConfig, widths: SupernetWidths): void {
  if (path.length !== space.blocks) throw new RangeError(`path has ${path.length} blocks, the space has ${space.blocks}`);
  path.forEach((b, i) => {
    const fail = (msg: string): never => {
      throw new RangeError(`path block ${i}: ${msg}`);
    };
    checkIndexList(b.denseIdx, i, 'denseIdx', fail);
    checkIndexList(b.sparseIdx, i, 'sparseIdx', fail);
    for (const key of ['left', 'right'] as const) {
      if (!Number.isInteger(b[key]) || b[key] < 0 || b[key] > i) fail(`${key} ${b[key]} is not in [0, ${i}]`);
    }
    checkOps(b, space, fail);
    if (!Number.isInteger(b.denseDim) || b.denseDim < 1 || b.denseDim > widths.denseMax)
      fail(`denseDim ${b.denseDim} is not in [1, ${widths.denseMax}]`);
    if (!Number.isInteger(b.sparseDim) || b.sparseDim < 1 || b.sparseDim > widths.sparseMax)
      fail(`sparseDim ${b.sparseDim} is not in [1, ${widths.sparseMax}]`);
    if (!space.interactionModules && (b.interact || b.deepFm)) fail('interact/deepFm set but the space has no interaction modules');
  });
}

function checkIndexList(list: readonly number[], i: number, field: string, fail: (msg: string) => never): void {
  if (list.length === 0) fail(`${field} is empty`);
  for (const j of list) if (!Number.isInteger(j) || j < 0 || j > i) fail(`${field} has ${j}, not in [0, ${i}]`);
  if (new Set(list).size !== list.length) fail(`${field} has duplicates`);
}

function checkOps(b: PathBlock, space: SpaceConfig, fail: (msg: string) => never): void {
  if (b.denseOps.length === 0) fail('denseOps is empty');
  if (b.sparseOps.length === 0) fail('sparseOps is empty');
  for (const op of b.denseOps) if (!space.denseOps.includes(op)) fail(`dense op "${op}" is not in the space`);
  for (const op of b.sparseOps) if (!space.sparseOps.includes(op)) fail(`sparse op "${op}" is not in the space`);
}
