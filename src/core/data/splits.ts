// Train/val/test assignment: seeded 80/10/10 random split or contiguous file order (NASREC.md §2.1).
import { rngFromSeed } from '../rng.ts';
import type { Dataset, SplitOptions } from './types.ts';

/** Split fractions of NASRec's AutoCTR protocol: 8:1:1. */
export const SPLIT_FRACTIONS = { train: 0.8, val: 0.1 } as const;

/**
 * Assigns `rows` rows to splits. Sizes are floor(0.8n), floor(0.1n) and the rest. Random mode draws a
 * seeded permutation from the `split` stream and then sorts each split, so every split keeps the
 * file order as NASRec's split tools do; file-order mode takes contiguous ranges (Criteo is in time order).
 * @returns ascending row indices per split
 */
export function makeSplits(rows: number, options: SplitOptions): Dataset['splits'] {
  const nTrain = Math.floor(rows * SPLIT_FRACTIONS.train);
  const nVal = Math.floor(rows * SPLIT_FRACTIONS.val);
  const order = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) order[i] = i;
  if (options.mode === 'random') rngFromSeed(options.seed).stream('split').shuffle(order);
  const train = order.slice(0, nTrain).sort();
  const val = order.slice(nTrain, nTrain + nVal).sort();
  const test = order.slice(nTrain + nVal).sort();
  return { train, val, test };
}
