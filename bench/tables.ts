// `tables` bench: does a supernet step cost more with bigger embedding tables? Step time at 2^12 and 2^18 rows per field.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { measureTrainCase, TRAIN_TABLE_HEADER, trainTableLine, type StepBudget, type TrainRow } from './measure.ts';
import type { BenchOutput } from './run.ts';
import { sampleDataset } from './sample.ts';

export const TABLE_ROWS = [2 ** 12, 2 ** 18] as const;
/** A fixed step count, so both sizes train the same sequence of sampled paths (their costs differ widely). */
const BUDGET: StepBudget = { warmupSteps: 3, minSteps: 20, maxSteps: 20, budgetMs: 0 };
const CASE = { preset: 'small', batch: 512 } as const;

export async function tablesBench(): Promise<BenchOutput> {
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  const rows: (TrainRow & { tableRows: number })[] = [];
  for (const tableRows of TABLE_ROWS) {
    const dataset = await sampleDataset({ tableRows });
    const row = await measureTrainCase(dataset, CASE, BUDGET);
    rows.push({ ...row, backend: 'node:wasm', tableRows });
  }
  const [small, large] = [rows[0]!, rows[1]!];
  const ratio = large.msPerStep / small.msPerStep;
  const table = [
    `rows/field  ${TRAIN_TABLE_HEADER}  host tables MiB`,
    ...rows.map((r) => `${String(r.tableRows).padStart(10)}  ${trainTableLine(r)}  ${r.hostTablesMiB.toFixed(0).padStart(15)}`),
    `ratio (2^18 / 2^12 rows) of ms/step: ${ratio.toFixed(3)} (target ≤ 1.15)`,
  ];
  return { table, json: { ratio, target: 1.15, rows } };
}
