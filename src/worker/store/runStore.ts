// The browser's record of experiments (IndexedDB): runs with their settings and results, loss history, and supernet checkpoints.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunSummary, StoredDataSource, StoredLossPoint, StoredRank, StoredResults, StoredSearch } from '../protocol.ts';

/** Database name and schema version; bump the version with an upgrade step when the stores change. */
export const DB_NAME = 'nasrec-playground';
export const DB_VERSION = 1;

export type { StoredDataSource };

export type RunStatus = RunSummary['status'];

/** One experiment as stored. `config` is the share state (settings and seeds); `results` the search and rank summaries. */
export interface RunRecord {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  status: RunStatus;
  /** Why a run failed or stopped, in words for people. */
  statusNote?: string;
  config: unknown;
  data: StoredDataSource;
  /** The last training step recorded (history or checkpoint). */
  lastStep: number;
  results: StoredResults;
}

/** The fields of a run `updateRun` may change. */
export type RunPatch = Partial<Omit<RunRecord, 'id' | 'createdAt' | 'updatedAt'>>;

/** One loss point: the train loss at a step, and the validation loss where one was measured. */
export type LossPoint = StoredLossPoint;

/** A supernet checkpoint's payload: plain data (core/train/checkpoint.ts) plus optional optimizer state. */
export interface CheckpointPayload {
  step: number;
  meta: unknown;
  weights: Float32Array;
  embeddings: Float32Array;
  /** Adagrad accumulators and anything else a resume needs, flattened by the caller. */
  optimizer?: Float32Array;
}

/** A checkpoint without its numbers: what lists show. */
export interface CheckpointInfo {
  runId: string;
  step: number;
  createdAt: number;
  bytes: number;
}

interface StoredCheckpoint extends CheckpointInfo {
  meta: unknown;
  weights: ArrayBuffer;
  embeddings: ArrayBuffer;
  optimizer?: ArrayBuffer;
}

interface HistoryChunk {
  runId: string;
  seq: number;
  points: LossPoint[];
}

interface PlaygroundDb extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { updatedAt: number } };
  history: { key: [string, number]; value: HistoryChunk; indexes: { runId: string } };
  checkpoints: { key: [string, number]; value: StoredCheckpoint; indexes: { runId: string; createdAt: number } };
}

/** The browser refused to store more: its quota for this page is used up. */
export class StorageQuotaError extends Error {
  constructor(what: string) {
    super(
      `The browser has no room left to store ${what}. Delete old runs or prune checkpoints in the runs list, or free space for this site in the browser's settings.`,
    );
    this.name = 'StorageQuotaError';
  }
}

/** A run id that is not (or no longer) stored. */
export class RunNotFoundError extends Error {
  constructor(id: string) {
    super(`No stored run has the id ${id}; it may have been deleted in another tab.`);
    this.name = 'RunNotFoundError';
  }
}

/** Longest run name accepted. */
export const MAX_RUN_NAME = 100;

function isQuotaError(err: unknown): boolean {
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || (name === 'AbortError' && /quota/i.test(String((err as Error).message)));
}

/** Runs `write`, turning the browser's quota refusal into a StorageQuotaError naming `what`. */
async function guarded<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isQuotaError(err)) throw new StorageQuotaError(what);
    throw err;
  }
}

/** A copy of a float array's bytes (IndexedDB stores ArrayBuffers; a view into a larger buffer must not store the rest). */
function bytesOf(a: Float32Array): ArrayBuffer {
  return a.slice().buffer as ArrayBuffer;
}

export interface RunStoreOptions {
  /** Database name (tests use one per case). */
  name?: string;
  /** Wall-clock milliseconds (Date.now by default). */
  now?: () => number;
  /** New run ids (crypto.randomUUID by default). */
  newId?: () => string;
}

/** Every stored run, its loss history and checkpoints. Works in the page and in workers. */
export class RunStore {
  private constructor(
    private readonly db: IDBPDatabase<PlaygroundDb>,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  static async open(options: RunStoreOptions = {}): Promise<RunStore> {
    if (!(globalThis as { indexedDB?: IDBFactory }).indexedDB) throw new Error('This browser does not offer IndexedDB, so runs cannot be kept across reloads.');
    const db = await openDB<PlaygroundDb>(options.name ?? DB_NAME, DB_VERSION, {
        upgrade(database) {
          const runs = database.createObjectStore('runs', { keyPath: 'id' });
          runs.createIndex('updatedAt', 'updatedAt');
          const history = database.createObjectStore('history', { keyPath: ['runId', 'seq'] });
          history.createIndex('runId', 'runId');
          const checkpoints = database.createObjectStore('checkpoints', { keyPath: ['runId', 'step'] });
          checkpoints.createIndex('runId', 'runId');
          checkpoints.createIndex('createdAt', 'createdAt');
        },
    });
    return new RunStore(db, options.now ?? Date.now, options.newId ?? (() => globalThis.crypto.randomUUID()));
  }

  close(): void {
    this.db.close();
  }

  /** Stores a new run named `name` (default "Run N", N one more than the runs stored). */
  async createRun(init: { name?: string; config: unknown; data: StoredDataSource }): Promise<RunRecord> {
    const t = this.now();
    const name = init.name === undefined ? `Run ${(await this.db.count('runs')) + 1}` : checkName(init.name);
    const run: RunRecord = { id: this.newId(), name, createdAt: t, updatedAt: t, status: 'created', config: init.config, data: init.data, lastStep: 0, results: {} };
    await guarded('a new run', () => this.db.add('runs', run));
    return run;
  }

  async getRun(id: string): Promise<RunRecord> {
    const run = await this.db.get('runs', id);
    if (!run) throw new RunNotFoundError(id);
    return run;
  }

  /** Every run, most recently updated first. */
  async listRuns(): Promise<RunRecord[]> {
    return (await this.db.getAllFromIndex('runs', 'updatedAt')).reverse();
  }

  /**
   * Changes fields of a run (not its id or creation time) and stamps `updatedAt`. A function patch is computed from
   * the run as stored, in the same transaction (for fields that merge, like `results`).
   */
  async updateRun(id: string, change: RunPatch | ((run: RunRecord) => RunPatch), what = 'the run'): Promise<RunRecord> {
    // A bad name is refused before any transaction starts.
    if (typeof change !== 'function' && change.name !== undefined) change = { ...change, name: checkName(change.name) };
    return guarded(what, async () => {
      const tx = this.db.transaction('runs', 'readwrite');
      const run = await tx.store.get(id);
      if (!run) throw new RunNotFoundError(id);
      const patch = typeof change === 'function' ? change(run) : change;
      const next: RunRecord = { ...run, ...patch, id: run.id, createdAt: run.createdAt, updatedAt: Math.max(this.now(), run.updatedAt) };
      await tx.store.put(next);
      await tx.done;
      return next;
    });
  }

  /** Stores the latest search or rank check of a run (replacing the previous one of that kind; the other is kept). */
  async setResult<K extends keyof StoredResults>(id: string, kind: K, value: K extends 'search' ? StoredSearch : StoredRank): Promise<void> {
    await this.updateRun(id, (run) => ({ results: { ...run.results, [kind]: value } }), `the ${kind === 'search' ? 'search' : 'rank check'} results`);
  }

  renameRun(id: string, name: string): Promise<RunRecord> {
    return this.updateRun(id, { name });
  }

  /** Removes a run with its history and checkpoints, in one transaction. */
  async deleteRun(id: string): Promise<void> {
    const tx = this.db.transaction(['runs', 'history', 'checkpoints'], 'readwrite');
    await tx.objectStore('runs').delete(id);
    for (const store of ['history', 'checkpoints'] as const) {
      const keys = await tx.objectStore(store).index('runId').getAllKeys(id);
      for (const key of keys) await tx.objectStore(store).delete(key);
    }
    await tx.done;
  }

  /** Appends loss points (one chunk per call: call it every few seconds, not every step) and moves `lastStep` on. */
  async appendHistory(id: string, points: readonly LossPoint[]): Promise<void> {
    if (points.length === 0) return;
    await guarded('the loss history', async () => {
      const tx = this.db.transaction(['runs', 'history'], 'readwrite');
      const run = await tx.objectStore('runs').get(id);
      if (!run) throw new RunNotFoundError(id);
      const last = await tx.objectStore('history').index('runId').getAllKeys(id);
      const seq = last.length === 0 ? 0 : Math.max(...last.map((k) => k[1])) + 1;
      await tx.objectStore('history').add({ runId: id, seq, points: points.map((p) => ({ ...p })) });
      const lastStep = Math.max(run.lastStep, ...points.map((p) => p.step));
      await tx.objectStore('runs').put({ ...run, lastStep, updatedAt: Math.max(this.now(), run.updatedAt) });
      await tx.done;
    });
  }

  /** A run's loss points in the order they were appended. */
  async history(id: string): Promise<LossPoint[]> {
    const chunks = await this.db.getAllFromIndex('history', 'runId', id);
    return chunks.sort((a, b) => a.seq - b.seq).flatMap((c) => c.points);
  }

  /** Drops history points after `step` (a run resumed from an earlier checkpoint repeats those steps). */
  async truncateHistory(id: string, step: number): Promise<void> {
    const tx = this.db.transaction('history', 'readwrite');
    const chunks = await tx.store.index('runId').getAll(id);
    for (const chunk of chunks) {
      const kept = chunk.points.filter((p) => p.step <= step);
      if (kept.length === chunk.points.length) continue;
      if (kept.length === 0) await tx.store.delete([id, chunk.seq]);
      else await tx.store.put({ ...chunk, points: kept });
    }
    await tx.done;
  }

  /** Stores a checkpoint of a run (replacing one at the same step). */
  async putCheckpoint(id: string, payload: CheckpointPayload): Promise<CheckpointInfo> {
    const weights = bytesOf(payload.weights);
    const embeddings = bytesOf(payload.embeddings);
    const optimizer = payload.optimizer ? bytesOf(payload.optimizer) : undefined;
    const bytes = weights.byteLength + embeddings.byteLength + (optimizer?.byteLength ?? 0);
    const info: CheckpointInfo = { runId: id, step: payload.step, createdAt: this.now(), bytes };
    await guarded(`a checkpoint (${(bytes / 2 ** 20).toFixed(1)} MiB)`, async () => {
      const tx = this.db.transaction(['runs', 'checkpoints'], 'readwrite');
      const run = await tx.objectStore('runs').get(id);
      if (!run) throw new RunNotFoundError(id);
      const stored: StoredCheckpoint = { ...info, meta: payload.meta, weights, embeddings, ...(optimizer ? { optimizer } : {}) };
      await tx.objectStore('checkpoints').put(stored);
      await tx.objectStore('runs').put({ ...run, lastStep: Math.max(run.lastStep, payload.step), updatedAt: Math.max(info.createdAt, run.updatedAt) });
      await tx.done;
    });
    return info;
  }

  /** Deletes a run's checkpoints before `step` (a recorder keeps only the newest: a resume needs nothing else). */
  async deleteCheckpointsBefore(id: string, step: number): Promise<number> {
    const tx = this.db.transaction('checkpoints', 'readwrite');
    const keys = (await tx.store.index('runId').getAllKeys(id)).filter((k) => k[1] < step);
    for (const key of keys) await tx.store.delete(key);
    await tx.done;
    return keys.length;
  }

  /** The run's checkpoint with the highest step, with its numbers; undefined when it has none. */
  async latestCheckpoint(id: string): Promise<(CheckpointInfo & { payload: CheckpointPayload }) | undefined> {
    const keys = await this.db.getAllKeysFromIndex('checkpoints', 'runId', id);
    if (keys.length === 0) return undefined;
    const c = await this.db.get('checkpoints', [id, Math.max(...keys.map((k) => k[1]))]);
    if (!c) return undefined;
    const payload: CheckpointPayload = {
      step: c.step,
      meta: c.meta,
      weights: new Float32Array(c.weights),
      embeddings: new Float32Array(c.embeddings),
      ...(c.optimizer ? { optimizer: new Float32Array(c.optimizer) } : {}),
    };
    return { runId: c.runId, step: c.step, createdAt: c.createdAt, bytes: c.bytes, payload };
  }

  /** Checkpoints without their numbers, oldest first; of one run or of all. */
  async listCheckpoints(id?: string): Promise<CheckpointInfo[]> {
    const infos: CheckpointInfo[] = [];
    let cursor = await this.db.transaction('checkpoints').store.index('createdAt').openCursor();
    while (cursor) {
      const { runId, step, createdAt, bytes } = cursor.value;
      if (id === undefined || runId === id) infos.push({ runId, step, createdAt, bytes });
      cursor = await cursor.continue();
    }
    return infos;
  }

  /**
   * Deletes the oldest checkpoints, keeping each run's newest `keepPerRun` (at least 1, so every run can still resume).
   * @returns what was removed
   */
  async pruneCheckpoints(keepPerRun = 1): Promise<{ removed: number; bytes: number }> {
    const keep = Math.max(1, Math.floor(keepPerRun));
    const all = await this.listCheckpoints();
    const byRun = new Map<string, CheckpointInfo[]>();
    for (const c of all) byRun.set(c.runId, [...(byRun.get(c.runId) ?? []), c]);
    const doomed = [...byRun.values()].flatMap((list) => list.sort((a, b) => a.step - b.step).slice(0, Math.max(0, list.length - keep)));
    const tx = this.db.transaction('checkpoints', 'readwrite');
    for (const c of doomed) await tx.store.delete([c.runId, c.step]);
    await tx.done;
    return { removed: doomed.length, bytes: doomed.reduce((s, c) => s + c.bytes, 0) };
  }
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError('A run needs a name.');
  if (trimmed.length > MAX_RUN_NAME) throw new RangeError(`A run name can have at most ${MAX_RUN_NAME} characters.`);
  return trimmed;
}
