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
import type { EvolutionConfig } from '../core/search/evolution.ts';
import type { FinalModel } from '../core/search/finalModels.ts';
import type { FineTuneMode } from '../core/search/proxy.ts';
import type { RankCorrelationSummary } from '../core/search/rankJob.ts';
import type { Arch, ArchKey, DenseOp, PathBlock, SpaceConfig, SparseOp } from '../core/space/types.ts';
import type { TrainConfig } from '../core/train/config.ts';
import type { Metrics } from '../core/train/metrics.ts';
import type { ModelMetadata } from '../core/export/modelFiles.ts';

export type { TrainConfig };

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

/** Transport commands for the running training job. */
export type TrainControl = 'pause' | 'resume' | 'step' | 'stop';

/** Messages the UI sends. `id` ties a job's replies to it. */
export type ToWorker =
  | { type: 'loadData'; id: number; source: DataSource; options: DataOptions }
  | { type: 'cancel'; id: number }
  | { type: 'spaceInfo'; id: number; space: SpaceConfig }
  | { type: 'train'; id: number; space: SpaceConfig; train: TrainConfig; seed: number; record?: RecordRequest }
  | { type: 'trainControl'; command: TrainControl }
  /** Steps per second cap; 0 = as fast as possible. */
  | { type: 'setSpeed'; stepsPerSecond: number }
  /** Search the trained supernet (the last finished or stopped training run). Cancel with `cancel`. */
  | { type: 'search'; id: number; request: SearchRequest }
  /** Rank check on the trained supernet, optionally with the ablation supernets. Cancel with `cancel`. */
  | { type: 'rank'; id: number; request: RankRequest }
  /** The stored runs (answered with `runs`). */
  | { type: 'listRuns'; id: number }
  /** Renames, deletes or prunes stored runs (answered with `runs`), or reads one's loss history (`runHistory`). */
  | { type: 'runAction'; id: number; action: RunAction }
  /** The last search's winner as tfjs model files (answered with `modelFiles`). */
  | { type: 'exportModel'; id: number }
  /**
   * PyTorch code for `arch` on the loaded data's encoding, zipped (answered with `codeFiles`); the last search's
   * trained weights go in too when `arch` is its winner.
   */
  | { type: 'exportCode'; id: number; arch: Arch; space: SpaceConfig; name: string }
  /** Reads exported model files back, and measures the model on the loaded test split when it fits the data (`modelOpened`). */
  | { type: 'openModel'; id: number; json: string; weights: ArrayBuffer }
  /** Test hooks, honoured only when the page address asked for them (`?faults=1`): see FaultKind. */
  | { type: 'injectFault'; fault: FaultKind };

/**
 * Faults a browser test can cause on purpose: `deviceLoss` destroys the WebGPU device (a real device loss),
 * `backendError` makes the next training step throw as a failing backend would, `crash` throws an uncaught error
 * that ends the worker's handling (the page then restarts it).
 */
export type FaultKind = 'deviceLoss' | 'backendError' | 'crash';

export type RunAction =
  | { kind: 'rename'; runId: string; name: string }
  | { kind: 'delete'; runId: string }
  /** Deletes every checkpoint but each run's newest. */
  | { kind: 'prune' }
  | { kind: 'history'; runId: string };

/** One stored loss point: the train loss at a step, and the validation loss where one was measured. */
export interface StoredLossPoint {
  step: number;
  train?: number;
  val?: number;
}

/** Where a stored run's data came from (a file is asked for again by name and size). */
export type StoredDataSource = { kind: 'sample'; rows: number; seed: number } | { kind: 'url'; url: string } | { kind: 'file'; name: string; size: number; lastModified: number };

/** Keep a training run in the browser's storage: its settings, loss history and checkpoints. */
export interface RecordRequest {
  /** The page's settings (the share state), stored so the run can be reopened with them. */
  config: unknown;
  data: StoredDataSource;
  /** Continue this stored run from its latest checkpoint instead of starting a new one. */
  resumeRunId?: string;
  /**
   * With `resumeRunId`: only bring the run's supernet back from its latest checkpoint (no step is trained and the
   * stored run is left as it is), so search and rank can use it again after a reload.
   */
  loadOnly?: boolean;
  /** Wall-clock time between checkpoints (default CHECKPOINT_EVERY_MS). */
  checkpointEveryMs?: number;
}

/** A stored run as lists show it. */
export interface RunSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  status: 'created' | 'training' | 'paused' | 'stopped' | 'finished' | 'failed';
  statusNote?: string;
  config: unknown;
  data: StoredDataSource;
  lastStep: number;
  /** The step of the latest checkpoint, if any (where a resume starts). */
  checkpointStep?: number;
  /** The search and rank check last run on this run's supernet. */
  results: StoredResults;
}

/** A stored search: what a comparison of runs shows, and every candidate's score. */
export interface StoredSearch {
  status: 'running' | 'finished' | 'stopped' | 'failed';
  startedAt: number;
  updatedAt: number;
  method: 'evolution' | 'random';
  budget: number;
  seed: number;
  candidates: { index: number; generation: number; key: ArchKey; loss: number; flops: number; params: number }[];
  finals: FinalModelSummary[];
  winnerKey?: ArchKey;
}

/** A stored rank check: K, the correlations (default first, then each ablation) and every point. */
export interface StoredRank {
  status: 'running' | 'finished' | 'stopped' | 'failed';
  startedAt: number;
  updatedAt: number;
  k: number;
  seed: number;
  points: { key: ArchKey; arch: Arch; proxy?: number; standalone?: number }[];
  correlations: RankCorrelationSummary[];
}

/** The latest search and rank check run on a stored run's supernet. */
export interface StoredResults {
  search?: StoredSearch;
  rank?: StoredRank;
}

/** Default time between supernet checkpoints: a reload loses at most this much training. */
export const CHECKPOINT_EVERY_MS = 60_000;

/** The proxy's settings the UI chooses; the rest are §9's (lr 0.04, 10 % warm-up, clip 5). */
export interface ProxyRequest {
  mode: FineTuneMode;
  steps: number;
  valRows: number;
  /** Peak fine-tune learning rate (default §9's 0.04). */
  lr?: number;
}

export interface SearchRequest {
  method: 'evolution' | 'random';
  evolution: EvolutionConfig;
  /** Random search's budget (default: the evolution's). */
  randomBudget?: number;
  proxy: ProxyRequest;
  finalists: number;
  /** Cap on each from-scratch training's steps (default: one epoch, early-stopped). */
  scratchMaxSteps?: number;
  seed: number;
}

export interface RankRequest {
  k: number;
  proxy: ProxyRequest;
  scratchMaxSteps?: number;
  /** Also train one supernet per switched-off technique and score the same K archs with each. */
  ablation: boolean;
  seed: number;
}

/** A model trained from scratch, as the results table shows it: core's FinalModel without its step count. */
export interface FinalModelSummary extends Omit<FinalModel, 'steps'> {
  role: 'finalist' | 'baseline';
}

/** One scored candidate of a search. */
export interface CandidateMessage {
  type: 'searchCandidate';
  id: number;
  index: number;
  /** −1 for a random draw; g ≥ 0 for a child of generation g. */
  generation: number;
  key: ArchKey;
  arch: Arch;
  /** Proxy validation log loss. */
  loss: number;
  flops: number;
  params: number;
  parentKey?: ArchKey;
}

/** A stage of a long job: what it is doing, how far, and an estimate of the time left. */
export interface JobProgressMessage {
  type: 'jobProgress';
  id: number;
  job: 'search' | 'rank';
  stage: string;
  done: number;
  total: number;
  /** Seconds left, estimated from the pace so far; absent until there is a pace. */
  etaSeconds?: number;
  detail?: string;
}

/** The rank correlation of one supernet (the default, or one ablation) against the same standalone losses. */
export type { RankCorrelationSummary };

export interface RankDoneMessage {
  type: 'rankDone';
  id: number;
  k: number;
  points: { key: ArchKey; arch: Arch; standalone: number; flops: number; params: number }[];
  /** First the default settings, then each ablation (when asked). */
  correlations: RankCorrelationSummary[];
}

/** Size and cost of a search space, computed in the worker. */
export interface SpaceInfoMessage {
  type: 'spaceInfo';
  id: number;
  /** log10 of the number of architectures, and a readable form ("8.1 × 10^43"). */
  sizeLog10: number;
  sizeText: string;
  /** Non-embedding parameters of the supernet at its maximum size for the loaded data's input shape. */
  supernetParams: number;
  /** Embedding parameters (Σ buckets × E) for the loaded data; 0 when no data is loaded. */
  embeddingParams: number;
  /** A problem with the space (e.g. no dense op enabled), in words; the other fields are then 0. */
  error?: string;
}

/** Per-block, per-op counts since the previous progress message (deltas, not totals). */
export interface OpCountsDelta {
  /** [block][op] times sampled. */
  dense: Record<DenseOp, number>[];
  sparse: Record<SparseOp, number>[];
  /** [block][op] parameters that received an update (live, unmasked weights), summed over steps. */
  denseParams: Record<DenseOp, number>[];
  sparseParams: Record<SparseOp, number>[];
}

/** Throttled training progress: only what happened since the previous message. */
export interface TrainProgressMessage {
  type: 'trainProgress';
  id: number;
  step: number;
  totalSteps: number;
  state: 'running' | 'paused';
  samplesPerSec: number;
  stepsPerSec: number;
  lr: number;
  /** New train-loss points (step, mean batch loss) since the last message. */
  loss: { step: number; value: number }[];
  /** New validation points. */
  val: { step: number; value: number }[];
  /** The path sampled at `step` (blocks in order). `full` marks a full-path warm-up step. */
  sampled: { blocks: PathBlock[]; full: boolean };
  opCounts: OpCountsDelta;
}

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
  | SpaceInfoMessage
  | {
      type: 'trainStarted';
      id: number;
      backend: BackendName;
      totalSteps: number;
      supernetParams: number;
      baseRateLogLoss: number;
      /** The stored run this training records into, and the step it resumed from. */
      runId?: string;
      resumedFrom?: number;
    }
  | { type: 'checkpointSaved'; id: number; runId: string; step: number; bytes: number }
  /** Storage failed (quota, unavailable); training goes on, unrecorded from here. */
  | { type: 'storageError'; id?: number; message: string }
  | { type: 'runs'; id: number; runs: RunSummary[] }
  | { type: 'runHistory'; id: number; runId: string; points: StoredLossPoint[] }
  | TrainProgressMessage
  | { type: 'trainDone'; id: number; reason: 'finished' | 'stopped'; step: number; trainLoss: number; valLoss: number }
  | { type: 'searchStarted'; id: number; budget: number; method: 'evolution' | 'random' }
  | CandidateMessage
  | JobProgressMessage
  | { type: 'finalModel'; id: number; model: FinalModelSummary }
  | { type: 'searchDone'; id: number; winnerKey: ArchKey; skippedBaselines: { name: string; reason: string }[] }
  | { type: 'rankPoint'; id: number; index: number; key: ArchKey; arch: Arch; proxy?: number; standalone?: number }
  | RankDoneMessage
  | ModelFilesMessage
  | { type: 'codeFiles'; id: number; fileName: string; zip: ArrayBuffer; files: string[] }
  | ModelOpenedMessage
  /**
   * The backend failed mid-job (a lost WebGPU device, a backend error): the worker moved to `to` (a `backend`
   * message follows) and, for a training run, resumed it from `resumedFrom` (its last checkpoint, or step 0).
   */
  | { type: 'backendSwitched'; id?: number; from: BackendName; to: BackendName; reason: string; atStep?: number; resumedFrom?: number }
  | { type: 'error'; id?: number; where: 'data' | 'backend' | 'worker' | 'space' | 'train' | 'search' | 'rank' | 'storage' | 'export'; code?: string; message: string };

/** A trained model's files: tfjs's model.json (text) and its weights file (transferred). */
export interface ModelFilesMessage {
  type: 'modelFiles';
  id: number;
  /** Suggested file names (the manifest points at `weightsName`). */
  jsonName: string;
  weightsName: string;
  json: string;
  weights: ArrayBuffer;
}

/** Model files read back: the architecture, what the file says, and what it scores on the loaded data. */
export interface ModelOpenedMessage {
  type: 'modelOpened';
  id: number;
  arch: Arch;
  space: SpaceConfig;
  key: ArchKey;
  metadata: ModelMetadata;
  params: number;
  /** Metrics on the loaded test split, or why they were not measured (no data, another input shape or tables). */
  evaluation: { rows: number; test: Metrics } | { skipped: string };
}

/** Compile-time exhaustiveness check for `switch (msg.type)`. */
export function assertNever(value: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(value)}`);
}
