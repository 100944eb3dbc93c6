// Which train-bench cases to run on a backend and which to skip: a case whose estimated time exceeds the budget is reported, not run.
import { PROFILED_STEPS, type StepBudget, type TrainCase, type TrainRow } from './measure.ts';

export const TRAIN_PRESETS = ['tiny', 'small', 'full'] as const;
export const TRAIN_BATCHES = [512, 4096] as const;

/** Steps per case: 3 warm-up, then 3–40 timed steps within about 8 s. */
export const TRAIN_BUDGET: StepBudget = { warmupSteps: 3, minSteps: 3, maxSteps: 40, budgetMs: 8_000 };
/** A case estimated to take longer than this (warm-up + timed + profiled steps) is skipped and reported. */
export const MAX_CASE_MS = 100_000;

/**
 * tfjs-wasm's heap cannot grow past 4 GiB (wasm32); past it the module aborts and takes the backend with it.
 * A case whose estimated heap exceeds this is skipped.
 */
export const WASM_HEAP_LIMIT_MIB = 3_584;

/** Every case of the `train` bench, smallest first (so estimates for the larger ones exist). */
export const TRAIN_CASES: TrainCase[] = TRAIN_BATCHES.flatMap((batch) => TRAIN_PRESETS.map((preset) => ({ preset, batch })));

/** A case not run, with the reason. */
export interface SkippedCase extends TrainCase {
  backend: string;
  skipped: string;
}

/**
 * Estimated ms per step of `c` on a backend from rows already measured: the same preset at another batch
 * (scaled by the batch), else another preset at the same batch scaled by the two presets' ratio on `reference`
 * rows (usually a faster backend measured first). Undefined when nothing is known.
 */
export function estimateMsPerStep(c: TrainCase, measured: readonly TrainRow[], reference: readonly TrainRow[] = []): number | undefined {
  const samePreset = measured.filter((r) => r.preset === c.preset);
  if (samePreset.length > 0) {
    const nearest = samePreset.reduce((a, b) => (Math.abs(b.batch - c.batch) < Math.abs(a.batch - c.batch) ? b : a));
    return nearest.msPerStep * (c.batch / nearest.batch);
  }
  for (const row of measured.filter((r) => r.batch === c.batch)) {
    const refFrom = reference.find((r) => r.preset === row.preset && r.batch === c.batch);
    const refTo = reference.find((r) => r.preset === c.preset && r.batch === c.batch);
    if (refFrom && refTo) return row.msPerStep * (refTo.msPerStep / refFrom.msPerStep);
  }
  return undefined;
}

/**
 * Estimated wasm heap of `c` from the same preset's measured row at another batch (heap scaled by the batch ratio,
 * an over-estimate since the heap is the peak of every case so far); undefined off wasm or without such a row.
 */
export function estimateWasmHeapMiB(c: TrainCase, measured: readonly TrainRow[]): number | undefined {
  const row = measured.filter((r) => r.preset === c.preset && r.wasmHeapMiB !== null).at(-1);
  return row ? row.wasmHeapMiB! * (c.batch / row.batch) : undefined;
}

/**
 * Why `c` should not be run on a backend (the same preset was skipped at a smaller batch, its estimated wasm heap
 * is too large, or its estimated warm-up, timed and profiled steps exceed `maxCaseMs`), or undefined to run it. See `estimateMsPerStep` for `measured` and `reference`.
 */
export function skipReason(
  c: TrainCase,
  budget: StepBudget,
  maxCaseMs: number,
  measured: readonly TrainRow[],
  reference: readonly TrainRow[] = [],
  skipped: readonly TrainCase[] = [],
): string | undefined {
  // Steps only get slower and larger with the batch: the same preset skipped at a smaller batch settles it (without
  // this, a case with no estimate — its smaller sibling skipped, no reference row — would run for an hour on cpu).
  const smaller = skipped.find((s) => s.preset === c.preset && s.batch <= c.batch);
  if (smaller) return `${c.preset} at batch ${smaller.batch} was already skipped on this backend`;
  const heap = estimateWasmHeapMiB(c, measured);
  if (heap !== undefined && heap > WASM_HEAP_LIMIT_MIB) {
    return `estimated ${(heap / 1024).toFixed(1)} GiB of wasm heap: over the ${(WASM_HEAP_LIMIT_MIB / 1024).toFixed(1)} GiB tfjs-wasm can use (wasm32)`;
  }
  const estimate = estimateMsPerStep(c, measured, reference);
  const stepsRun = budget.warmupSteps + budget.minSteps + PROFILED_STEPS;
  if (estimate === undefined || estimate * stepsRun <= maxCaseMs) return undefined;
  return `estimated ${(estimate / 1000).toFixed(1)} s/step: over the ${maxCaseMs / 1000} s case budget`;
}
