// `train` bench: supernet step speed per preset, batch and backend — Node (wasm, cpu) and Chromium (webgpu, wasm, cpu).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { browserTrainRows, type BrowserTrainResult } from './browser/run.ts';
import { sampleDataset } from './sample.ts';
import { measureTrainCase, TRAIN_TABLE_HEADER, trainTableLine, type TrainRow } from './measure.ts';
import { MAX_CASE_MS, skipReason, TRAIN_BUDGET, TRAIN_CASES, type SkippedCase } from './plan.ts';
import type { BenchOutput } from './run.ts';


/** Runs the cases on the active Node backend, skipping those estimated over budget. */
async function nodeRows(backend: 'wasm' | 'cpu', reference: readonly TrainRow[]): Promise<{ rows: TrainRow[]; skipped: SkippedCase[] }> {
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
  const dataset = await sampleDataset();
  const rows: TrainRow[] = [];
  const skipped: SkippedCase[] = [];
  for (const c of TRAIN_CASES) {
    const reason = skipReason(c, TRAIN_BUDGET, MAX_CASE_MS, rows, reference, skipped);
    if (reason) {
      skipped.push({ ...c, backend: `node:${backend}`, skipped: reason });
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
