// Messages between the train bench's page and its worker (and, through the page, the Node runner).
import type { StepBudget, TrainCase, TrainRow } from '../measure.ts';

/** Page → worker: run these cases on this backend. */
export interface BenchRequest {
  backend: 'webgpu' | 'wasm' | 'cpu';
  cases: TrainCase[];
  budget: StepBudget;
  /** Skip a case whose estimated time (from the rows before it, scaled) exceeds this. */
  maxCaseMs: number;
  /** Node wasm rows of the same cases, to estimate a preset the backend has not run yet. */
  reference: TrainRow[];
}

/** Worker → page → runner. */
export type BenchEvent =
  | { type: 'backend'; name: string; adapter?: string; reason?: string }
  | { type: 'row'; row: TrainRow }
  | { type: 'skipped'; case: TrainCase; reason: string }
  | { type: 'done' }
  | { type: 'error'; message: string };
