// Every message between the UI and the trainer worker. Types only: imported by both realms.
import type {
  DataFormat,
  DatasetStats,
  FieldKind,
  GroundTruth,
  PreviewRow,
  SampleOutcome,
  SplitMode,
} from '../core/data/types.ts';

/** Where the data comes from. A `File` is structured-cloned into the worker (no copy of its bytes). */
export type DataSource =
  | { kind: 'sample'; rows: number; seed: number }
  | { kind: 'file'; file: File }
  | { kind: 'url'; url: string };

/** User-facing load options (the worker turns them into core `LoadOptions`). */
export interface DataOptions {
  format?: DataFormat;
  label?: string;
  kinds?: Record<string, FieldKind>;
  bucketCap?: number;
  buckets?: Record<string, number>;
  splitMode: SplitMode;
  splitSeed: number;
}

export type BackendName = 'webgpu' | 'wasm' | 'cpu';

/** Messages the UI sends. `id` ties a job's replies to it. */
export type ToWorker =
  | { type: 'loadData'; id: number; source: DataSource; options: DataOptions }
  | { type: 'cancel'; id: number };

/** The worker's answer to a finished load. */
export interface DataReadyMessage {
  type: 'dataReady';
  id: number;
  stats: DatasetStats;
  preview: PreviewRow[];
  /** Present for the built-in sample: the planted model and what generation measured. */
  truth?: GroundTruth;
  outcome?: SampleOutcome;
}

/** Messages the worker sends. */
export type FromWorker =
  | { type: 'backend'; name: BackendName; adapter?: string; reason?: string }
  | { type: 'dataProgress'; id: number; bytes: number; totalBytes?: number; rows: number; elapsedMs: number }
  | DataReadyMessage
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id?: number; where: 'data' | 'backend' | 'worker'; code?: string; message: string };

/** Compile-time exhaustiveness check for `switch (msg.type)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
