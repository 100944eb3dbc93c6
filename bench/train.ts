// `train` bench: supernet step speed per preset, batch and backend — Node (wasm, cpu) and Chromium (webgpu, wasm, cpu).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { browserTrainRows, type BrowserTrainResult } from './browser/run.ts';
import { sampleDataset } from './sample.ts';
import { measureTrainCase, TRAIN_TABLE_HEADER, trainTableLine, type StepBudget, type TrainRow } from './measure.ts';
import { estimateMsPerStep, TRAIN_CASES, type SkippedCase } from './plan.ts';
import type { BenchOutput } from './run.ts';

/** Steps per case: 3 warm-up, then 3–40 timed steps within about 8 s. */
export const TRAIN_BUDGET: StepBudget = { warmupSteps: 3, minSteps: 3, maxSteps: 40, budgetMs: 8_000 };
/** A case estimated to take longer than this (warm-up + timed + profiled steps) is skipped and reported. */
export const MAX_CASE_MS = 100_000;

/** Runs the cases on the active Node backend, skipping those estimated over budget. */
async function nodeRows(backend: 'wasm' | 'cpu', reference: readonly TrainRow[]): Promise<{ rows: TrainRow[]; skipped: SkippedCase[] }> {
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
  const dataset = await sampleDataset();
  const rows: TrainRow[] = [];
  const skipped: SkippedCase[] = [];
  for (const c of TRAIN_CASES) {
    const estimate = estimateMsPerStep(c, rows, reference);
    const stepsRun = TRAIN_BUDGET.warmupSteps + TRAIN_BUDGET.minSteps + 1;
    if (estimate !== undefined && estimate * stepsRun > MAX_CASE_MS) {
      skipped.push({ ...c, backend: `node:${backend}`, skipped: `estimated ${(estimate / 1000).toFixed(1)} s/step: over the ${MAX_CASE_MS / 1000} s case budget` });
      continue;
    }
    const row = await measureTrainCase(dataset, c, TRAIN_BUDGET);
    rows.push({ ...row, backend: `node:${backend}` });
  }
  return { rows, skipped };
}

export async function trainBench(): Promise<BenchOutput> {
  const wasm = await nodeRows('wasm', []);
  const cpu = await nodeRows('cpu', wasm.rows);
  const browser: BrowserTrainResult = await browserTrainRows(wasm.rows);
  const rows = [...wasm.rows, ...cpu.rows, ...browser.rows];
  const skipped = [...wasm.skipped, ...cpu.skipped, ...browser.skipped];
  const table = [TRAIN_TABLE_HEADER, ...rows.map(trainTableLine)];
  for (const s of skipped) table.push(`${s.backend.padEnd(14)} ${s.preset.padEnd(6)} ${String(s.batch).padStart(6)}  skipped: ${s.skipped}`);
  table.push(...browser.notes);
  return { table, json: { results: rows, skipped, browser: { adapter: browser.adapter, notes: browser.notes } } };
}
