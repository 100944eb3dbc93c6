// The UI's one handle on the trainer worker: starts it, sends typed requests, routes typed replies.
import { assertNever } from './protocol.ts';
import type {
  FaultKind,
  ModelFilesMessage,
  ModelOpenedMessage,
  RecordRequest,
  RunAction,
  RunSummary,
  StoredLossPoint,
  BackendName,
  CandidateMessage,
  DataOptions,
  FinalModelSummary,
  JobProgressMessage,
  RankDoneMessage,
  RankRequest,
  SearchRequest,
  DataReadyMessage,
  DataSource,
  FromWorker,
  SpaceInfoMessage,
  ToWorker,
  TrainConfig,
  TrainControl,
  TrainProgressMessage,
} from './protocol.ts';
import type { Arch, SpaceConfig } from '../core/space/types.ts';

export interface BackendInfo {
  name: BackendName;
  adapter?: string;
  reason?: string;
}

export interface LoadProgress {
  bytes: number;
  totalBytes?: number;
  rows: number;
  elapsedMs: number;
}

/** A running load: await `done`, or `cancel()` it (then `done` rejects with a `JobCancelled`). */
export interface LoadJob {
  id: number;
  done: Promise<DataReadyMessage>;
  cancel(): void;
}

/** A job's failure as the worker reported it. */
export class WorkerJobError extends Error {
  constructor(
    readonly where: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

export type TrainStarted = Extract<FromWorker, { type: 'trainStarted' }>;
export type TrainDone = Extract<FromWorker, { type: 'trainDone' }>;

export type BackendSwitched = Extract<FromWorker, { type: 'backendSwitched' }>;

export interface TrainListeners {
  /** The run started, or started again on another backend after a failure (`resumedFrom` set). */
  onStarted?(msg: TrainStarted): void;
  onProgress?(msg: TrainProgressMessage): void;
  /** A checkpoint of the recorded run was stored. */
  onCheckpoint?(msg: Extract<FromWorker, { type: 'checkpointSaved' }>): void;
  /** The backend failed mid-run; the run goes on on another one (a new `onStarted` follows). */
  onBackendSwitched?(msg: BackendSwitched): void;
}

/** The worker stopped (an uncaught error) and a fresh one was started, or, after too many, not. */
export interface WorkerRestart {
  /** What happened and what to do, in words for people. */
  reason: string;
  restarted: boolean;
  /** Restarts of this page's worker so far. */
  count: number;
}

/** Most restarts within RESTART_WINDOW_MS before the client gives up (a worker that fails as it starts). */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** The running supernet training: await `done` (rejects with WorkerJobError on failure). */
export interface TrainJob {
  id: number;
  done: Promise<TrainDone>;
  control(command: TrainControl): void;
  /** Steps per second cap; 0 = as fast as possible. */
  setSpeed(stepsPerSecond: number): void;
}

export type SearchStarted = Extract<FromWorker, { type: 'searchStarted' }>;
export type SearchDone = Extract<FromWorker, { type: 'searchDone' }>;
export type RankPoint = Extract<FromWorker, { type: 'rankPoint' }>;

/** What a search or rank job reports while it runs. */
export interface AnalysisListeners {
  onProgress?(msg: JobProgressMessage): void;
  onSearchStarted?(msg: SearchStarted): void;
  onCandidate?(msg: CandidateMessage): void;
  onFinalModel?(model: FinalModelSummary): void;
  onRankPoint?(msg: RankPoint): void;
}

/** A running search or rank check: await `done` (rejects with JobCancelled or WorkerJobError), or `cancel()`. */
export interface AnalysisJob<T> {
  id: number;
  done: Promise<T>;
  cancel(): void;
}

interface PendingAnalysis {
  resolve(msg: SearchDone | RankDoneMessage): void;
  reject(err: Error): void;
  listeners: AnalysisListeners;
}

interface PendingTrain {
  resolve(msg: TrainDone): void;
  reject(err: Error): void;
  listeners: TrainListeners;
}

interface Pending {
  resolve(msg: DataReadyMessage): void;
  reject(err: Error): void;
  onProgress?: (p: LoadProgress) => void;
}

/** An export request's answer. */
type ExportReply = ModelFilesMessage | Extract<FromWorker, { type: 'codeFiles' }> | ModelOpenedMessage;

/** Resolves the request `id` of `pending` with `value` (if it is still waiting) and forgets it. */
function settle<T>(pending: Map<number, { resolve(value: T): void }>, id: number, value: T): void {
  pending.get(id)?.resolve(value);
  pending.delete(id);
}

/** Adds `listener` to `set`; @returns the function that removes it. */
function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => set.delete(listener);
}

/** Owns the worker (and restarts it after a crash). One instance per page. */
export class PlaygroundClient {
  private worker: Worker;
  private readonly workerName: string;
  private readonly ownsWorker: boolean;
  private readonly restartTimes: number[] = [];
  private restarts = 0;
  private readonly restartListeners = new Set<(r: WorkerRestart) => void>();
  private readonly pendingExports = new Map<number, { resolve(m: ExportReply): void; reject(e: Error): void }>();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly pendingSpace = new Map<number, { resolve(m: SpaceInfoMessage): void; reject(e: Error): void }>();
  private readonly pendingTrain = new Map<number, PendingTrain>();
  private readonly pendingAnalysis = new Map<number, PendingAnalysis>();
  private readonly backendListeners = new Set<(b: BackendInfo) => void>();
  private readonly errorListeners = new Set<(message: string) => void>();
  private readonly storageListeners = new Set<(message: string) => void>();
  private readonly pendingRuns = new Map<number, (runs: RunSummary[]) => void>();
  private readonly pendingRunActions = new Map<number, { resolve(value: RunSummary[] | StoredLossPoint[]): void; reject(e: Error): void }>();
  private lastBackend: BackendInfo | undefined;
  /** The backend the page asked for (`?backend=` in its address), if any; the worker still reports what it got. */
  readonly requestedBackend: BackendName | undefined;

  /**
   * Starts the trainer worker (or wraps `worker`, e.g. in tests). `options.backend` is tried first, still through
   * its self-test. It travels in the worker's `name`: a query on the worker's URL would be mixed into the query
   * Vite's dev server adds to it, while `name` reaches `self.name` unchanged in dev and production builds.
   */
  constructor(worker?: Worker, options: { backend?: BackendName | undefined; faults?: boolean } = {}) {
    this.requestedBackend = worker ? undefined : options.backend;
    this.workerName = ['nasrec-trainer', ...(options.backend ? [`backend=${options.backend}`] : []), ...(options.faults ? ['faults'] : [])].join(' ');
    this.ownsWorker = worker === undefined;
    this.worker = this.attach(worker ?? this.spawn());
  }

  private spawn(): Worker {
    return new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module', name: this.workerName });
  }

  private attach(worker: Worker): Worker {
    worker.addEventListener('message', (event: MessageEvent<FromWorker>) => {
      if (worker === this.worker) this.onMessage(event.data);
    });
    worker.addEventListener('error', (event: ErrorEvent) => {
      if (worker === this.worker) this.onCrash(event.message || 'unknown error');
    });
    return worker;
  }

  /**
   * An uncaught error ended the worker's handling: every job still waiting fails with code `crash`, and a fresh
   * worker replaces it (the stored runs live in IndexedDB and are untouched) — unless it crashed too often.
   */
  private onCrash(what: string): void {
    const now = Date.now();
    this.restartTimes.push(now);
    while (this.restartTimes.length > 0 && now - this.restartTimes[0]! > RESTART_WINDOW_MS) this.restartTimes.shift();
    const restart = this.ownsWorker && this.restartTimes.length <= MAX_RESTARTS;
    const message = restart
      ? `The background worker crashed (${what}) and was restarted. Stored runs are safe; a kept run that was training can be resumed from its last checkpoint, if it had saved one.`
      : `The background worker crashed (${what})${this.ownsWorker ? ` ${this.restartTimes.length} times within a minute, so it was not restarted again` : ''}. Reload the page.`;
    const failure = new WorkerJobError('worker', 'crash', message);
    for (const map of this.rejectable) {
      for (const p of map.values()) p.reject(failure);
      map.clear();
    }
    for (const resolve of this.pendingRuns.values()) resolve([]);
    this.pendingRuns.clear();
    if (restart) {
      this.worker.terminate();
      this.restarts++;
      this.worker = this.attach(this.spawn());
    }
    for (const l of this.restartListeners) l({ reason: message, restarted: restart, count: this.restarts });
  }

  /** Calls `listener` after the worker crashed (and was restarted, unless `restarted` is false). */
  onRestart(listener: (r: WorkerRestart) => void): () => void {
    return subscribe(this.restartListeners, listener);
  }

  /** The last search's winner as tfjs model files (model.json text and its weights). */
  exportModel(): Promise<ModelFilesMessage> {
    return this.exportRequest({ type: 'exportModel', id: this.nextId++ }) as Promise<ModelFilesMessage>;
  }

  /** PyTorch code for `arch` (zipped), with the trained weights when it is the last search's winner. */
  exportCode(arch: Arch, space: SpaceConfig, name: string): Promise<Extract<FromWorker, { type: 'codeFiles' }>> {
    return this.exportRequest({ type: 'exportCode', id: this.nextId++, arch, space, name }) as Promise<Extract<FromWorker, { type: 'codeFiles' }>>;
  }

  /** Reads exported model files back and measures them on the loaded test split when they fit it. `weights` is transferred. */
  openModel(json: string, weights: ArrayBuffer): Promise<ModelOpenedMessage> {
    return this.exportRequest({ type: 'openModel', id: this.nextId++, json, weights }, [weights]) as Promise<ModelOpenedMessage>;
  }

  private exportRequest(msg: Extract<ToWorker, { type: 'exportModel' | 'exportCode' | 'openModel' }>, transfer: Transferable[] = []): Promise<ExportReply> {
    const done = new Promise<ExportReply>((resolve, reject) => this.pendingExports.set(msg.id, { resolve, reject }));
    this.worker.postMessage(msg, transfer);
    return done;
  }

  /** Every map of requests waiting for an answer that can fail (loads, space info, jobs, run actions, exports). */
  private get rejectable(): Map<number, { reject(e: Error): void }>[] {
    return [this.pending, this.pendingSpace, this.pendingTrain, this.pendingAnalysis, this.pendingRunActions, this.pendingExports];
  }

  /** Test hook (honoured only with `faults: true`): loses the WebGPU device, fails a step, or crashes the worker. */
  injectFault(fault: FaultKind): void {
    this.post({ type: 'injectFault', fault });
  }

  /** Starts loading data; progress arrives a few times a second through `onProgress`. */
  loadData(source: DataSource, options: DataOptions, onProgress?: (p: LoadProgress) => void): LoadJob {
    const id = this.nextId++;
    const done = new Promise<DataReadyMessage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    });
    this.post({ type: 'loadData', id, source, options });
    return { id, done, cancel: () => this.post({ type: 'cancel', id }) };
  }

  /** Asks the worker for the size of a space and its supernet's parameter count. */
  spaceInfo(space: SpaceConfig): Promise<SpaceInfoMessage> {
    const id = this.nextId++;
    const done = new Promise<SpaceInfoMessage>((resolve, reject) => this.pendingSpace.set(id, { resolve, reject }));
    this.post({ type: 'spaceInfo', id, space });
    return done;
  }

  /** Starts supernet training on the loaded data. Only one training job runs at a time. */
  train(space: SpaceConfig, train: TrainConfig, seed: number, listeners: TrainListeners = {}, record?: RecordRequest): TrainJob {
    const id = this.nextId++;
    const done = new Promise<TrainDone>((resolve, reject) => this.pendingTrain.set(id, { resolve, reject, listeners }));
    this.post({ type: 'train', id, space, train, seed, ...(record ? { record } : {}) });
    return {
      id,
      done,
      control: (command) => this.post({ type: 'trainControl', command }),
      setSpeed: (stepsPerSecond) => this.post({ type: 'setSpeed', stepsPerSecond }),
    };
  }

  /** Searches the trained supernet (the last finished or stopped run). One search or rank check at a time. */
  search(request: SearchRequest, listeners: AnalysisListeners = {}): AnalysisJob<SearchDone> {
    return this.analysis({ type: 'search', id: this.nextId++, request }, listeners) as AnalysisJob<SearchDone>;
  }

  /** Rank check on the trained supernet: proxy vs from-scratch losses, τ and ρ, and the ablation if asked. */
  rank(request: RankRequest, listeners: AnalysisListeners = {}): AnalysisJob<RankDoneMessage> {
    return this.analysis({ type: 'rank', id: this.nextId++, request }, listeners) as AnalysisJob<RankDoneMessage>;
  }

  private analysis(msg: Extract<ToWorker, { type: 'search' | 'rank' }>, listeners: AnalysisListeners): AnalysisJob<SearchDone | RankDoneMessage> {
    const done = new Promise<SearchDone | RankDoneMessage>((resolve, reject) => this.pendingAnalysis.set(msg.id, { resolve, reject, listeners }));
    this.post(msg);
    return { id: msg.id, done, cancel: () => this.post({ type: 'cancel', id: msg.id }) };
  }

  /** Calls `listener` with the backend in use (now, if already known, and on every change). */
  onBackend(listener: (b: BackendInfo) => void): () => void {
    this.backendListeners.add(listener);
    if (this.lastBackend) listener(this.lastBackend);
    return () => this.backendListeners.delete(listener);
  }

  /** The runs kept in this browser, most recently updated first (empty where storage is unavailable). */
  listRuns(): Promise<RunSummary[]> {
    const id = this.nextId++;
    const done = new Promise<RunSummary[]>((resolve) => this.pendingRuns.set(id, resolve));
    this.post({ type: 'listRuns', id });
    return done;
  }

  /** Renames, deletes or prunes stored runs; resolves with the updated list, rejects with the store's reason. */
  updateRuns(action: Exclude<RunAction, { kind: 'history' }>): Promise<RunSummary[]> {
    return this.runAction(action) as Promise<RunSummary[]>;
  }

  /** A stored run's loss history, in step order. */
  runHistory(runId: string): Promise<StoredLossPoint[]> {
    return this.runAction({ kind: 'history', runId }) as Promise<StoredLossPoint[]>;
  }

  private runAction(action: RunAction): Promise<RunSummary[] | StoredLossPoint[]> {
    const id = this.nextId++;
    const done = new Promise<RunSummary[] | StoredLossPoint[]>((resolve, reject) => this.pendingRunActions.set(id, { resolve, reject }));
    this.post({ type: 'runAction', id, action });
    return done;
  }

  /** Calls `listener` when storing runs fails (quota, no IndexedDB); training goes on unrecorded. */
  onStorageError(listener: (message: string) => void): () => void {
    return subscribe(this.storageListeners, listener);
  }

  /** Calls `listener` with errors not tied to a job (a backend failure; crashes go to `onRestart`). */
  onError(listener: (message: string) => void): () => void {
    return subscribe(this.errorListeners, listener);
  }

  terminate(): void {
    this.worker.terminate();
  }

  private post(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  private onMessage(msg: FromWorker): void {
    switch (msg.type) {
      case 'backend': {
        this.lastBackend = {
          name: msg.name,
          ...(msg.adapter !== undefined ? { adapter: msg.adapter } : {}),
          ...(msg.reason !== undefined ? { reason: msg.reason } : {}),
        };
        for (const l of this.backendListeners) l(this.lastBackend);
        return;
      }
      case 'dataProgress':
        this.pending.get(msg.id)?.onProgress?.(msg);
        return;
      case 'dataReady':
        settle(this.pending, msg.id, msg);
        return;
      case 'spaceInfo':
        settle(this.pendingSpace, msg.id, msg);
        return;
      case 'trainStarted':
        this.pendingTrain.get(msg.id)?.listeners.onStarted?.(msg);
        return;
      case 'trainProgress':
        this.pendingTrain.get(msg.id)?.listeners.onProgress?.(msg);
        return;
      case 'checkpointSaved':
        this.pendingTrain.get(msg.id)?.listeners.onCheckpoint?.(msg);
        return;
      case 'storageError':
        for (const l of this.storageListeners) l(msg.message);
        return;
      case 'runs':
        this.pendingRuns.get(msg.id)?.(msg.runs);
        this.pendingRuns.delete(msg.id);
        settle(this.pendingRunActions, msg.id, msg.runs);
        return;
      case 'runHistory':
        settle(this.pendingRunActions, msg.id, msg.points);
        return;
      case 'trainDone':
        settle(this.pendingTrain, msg.id, msg);
        return;
      case 'searchStarted':
        this.pendingAnalysis.get(msg.id)?.listeners.onSearchStarted?.(msg);
        return;
      case 'searchCandidate':
        this.pendingAnalysis.get(msg.id)?.listeners.onCandidate?.(msg);
        return;
      case 'jobProgress':
        this.pendingAnalysis.get(msg.id)?.listeners.onProgress?.(msg);
        return;
      case 'finalModel':
        this.pendingAnalysis.get(msg.id)?.listeners.onFinalModel?.(msg.model);
        return;
      case 'rankPoint':
        this.pendingAnalysis.get(msg.id)?.listeners.onRankPoint?.(msg);
        return;
      case 'modelFiles':
      case 'codeFiles':
      case 'modelOpened':
        settle(this.pendingExports, msg.id, msg);
        return;
      case 'backendSwitched':
        if (msg.id !== undefined) this.pendingTrain.get(msg.id)?.listeners.onBackendSwitched?.(msg);
        return;
      case 'searchDone':
      case 'rankDone':
        settle(this.pendingAnalysis, msg.id, msg);
        return;
      case 'cancelled':
        (this.pending.get(msg.id) ?? this.pendingAnalysis.get(msg.id))?.reject(new JobCancelled());
        this.pending.delete(msg.id);
        this.pendingAnalysis.delete(msg.id);
        return;
      case 'error': {
        const id = msg.id;
        const map = id === undefined ? undefined : this.rejectable.find((m) => m.has(id));
        if (map && id !== undefined) {
          map.get(id)!.reject(new WorkerJobError(msg.where, msg.code, msg.message));
          map.delete(id);
        } else {
          for (const l of this.errorListeners) l(msg.message);
        }
        return;
      }
      default:
        assertNever(msg);
    }
  }
}
