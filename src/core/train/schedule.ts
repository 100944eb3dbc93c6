// Learning-rate schedule of NASRec (NASREC.md §8.2): linear warm-up from 1e-8, then cosine down to 1e-8.

/** The schedule's floor and starting value (`min_lr` of CosineAnnealingWarmupRestarts in the official code). */
export const MIN_LR = 1e-8;

/**
 * Learning rate of optimizer step `step` (0-based) of `totalSteps`, peaking at `peak` after
 * floor(warmupFraction·totalSteps) warm-up steps. Matches one cycle of the official
 * CosineAnnealingWarmupRestarts: step 0 runs at MIN_LR, the warm-up is linear, the decay is
 * MIN_LR + (peak − MIN_LR)·(1 + cos(π·(t − W)/(T − W)))/2.
 */
export function learningRate(step: number, totalSteps: number, peak: number, warmupFraction: number): number {
  const warmup = Math.floor(warmupFraction * totalSteps);
  if (step < warmup) return MIN_LR + ((peak - MIN_LR) * step) / warmup;
  const span = Math.max(1, totalSteps - warmup);
  const t = Math.min(step - warmup, span);
  return MIN_LR + ((peak - MIN_LR) * (1 + Math.cos((Math.PI * t) / span))) / 2;
}
