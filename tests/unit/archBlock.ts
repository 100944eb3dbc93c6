// Test helper shared by the space, model and UI tests: one architecture block with plain defaults to override.
import type { ArchBlock } from '../../src/core/space/types.ts';

/** FC + EFC reading the raw input, widths 16 / 8, no interaction modules, unless `over` says otherwise. */
export const archBlock = (over: Partial<ArchBlock> = {}): ArchBlock => ({
  denseIdx: [0],
  sparseIdx: [0],
  left: 0,
  right: 0,
  denseOp: 'fc',
  sparseOp: 'efc',
  denseDim: 16,
  sparseDim: 8,
  interact: false,
  deepFm: false,
  ...over,
});
