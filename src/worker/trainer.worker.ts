// The worker's composition root: picks the tfjs backend, runs jobs, routes cancellation and transport, owns the loaded data.
/// <reference lib="webworker" />
import { DataError } from '../core/data/types.ts';
import { validateSpace } from '../core/space/index.ts';
import { validateTrainConfig } from '../core/train/config.ts';
import { backendPreference, chooseBackend, type BackendChoice } from './backends/chooseBackend.ts';
import { runLoadData, type LoadedData } from './jobs/loadData.ts';
import { spaceInfo } from './jobs/spaceInfo.ts';
import { runRank } from './jobs/rank.ts';
import { runSearch } from './jobs/search.ts';
import { RunRecorder, unpackOptimizer } from './jobs/runRecorder.ts';
import { TrainingDiverged, TrainingJob } from './jobs/train.ts';
import type { Checkpoint } from '../core/train/checkpoint.ts';
import type { ResumeState } from '../core/train/trainer.ts';
import { RunStore } from './store/runStore.ts';
import type { TrainedSupernet } from './jobs/trained.ts';
import { assertNever, CHECKPOINT_EVERY_MS, type FromWorker, type RunAction, type RunSummary, type ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loads = new Map<number, AbortController>();
/** The most recently loaded dataset; training reads it. */
let data: LoadedData | undefined;
let training: TrainingJob | undefined;
/** The supernet of the last finished or stopped run: what search and rank work on. */
let trained: TrainedSupernet | undefined;
/** The running search or rank job (one at a time: they share the supernet's weights). */
let analysis: { id: number; controller: AbortController } | undefined;
/** The speed cap outlives jobs, so a change made before a run starts is kept. */
let stepsPerSecond = 0;

/** The run store, opened on first use; undefined (with the reason reported) where IndexedDB is not available. */
let storeOpening: Promise<RunStore | undefined> | undefined;
function runStore(): Promise<RunStore | undefined> {
  storeOpening ??= RunStore.open().catch((err: unknown) => {
    post({ type: 'storageError', message: `Runs cannot be kept in this browser: ${describe(err)}` });
    return undefined;
  });
  return storeOpening;
}

function post(msg: FromWorker): void {
  scope.postMessage(msg);
}

const backend: Promise<BackendChoice> = chooseBackend(backendPreference(scope.name));
backend.then(
  (choice) => post({ type: 'backend', ...choice }),
  (err: unknown) => post({ type: 'error', where: 'backend', message: `Could not start any tfjs backend: ${String(err)}` }),
);

scope.addEventListener('message', (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  switch (msg.type) {
    case 'loadData':
      void loadData(msg.id, msg);
      return;
    case 'cancel':
      loads.get(msg.id)?.abort();
      if (analysis?.id === msg.id) analysis.controller.abort();
      return;
    case 'spaceInfo':
      post(spaceInfo(msg.id, msg.space, data?.result.dataset));
      return;
    case 'train':
      void train(msg);
      return;
    case 'trainControl':
      training?.control(msg.command);
      return;
    case 'setSpeed':
      stepsPerSecond = msg.stepsPerSecond;
      training?.setSpeed(msg.stepsPerSecond);
      return;
    case 'search':
    case 'rank':
      void analyse(msg);
      return;
    case 'listRuns':
      void listRuns(msg.id);
      return;
    case 'runAction':
      void runAction(msg.id, msg.action);
      return;
    default:
      assertNever(msg);
  }
});

async function loadData(id: number, msg: Extract<ToWorker, { type: 'loadData' }>): Promise<void> {
  if (analysis) {
    // The running search or rank check reads the trained supernet and its data; new data would drop both.
    post({ type: 'error', id, where: 'data', code: 'busy', message: 'A search or rank check is running on the loaded data. Stop it before loading new data.' });
    return;
  }
  for (const controller of loads.values()) controller.abort(); // one load at a time: the newest wins
  const controller = new AbortController();
  loads.set(id, controller);
  try {
    const loaded = await runLoadData(id, msg.source, msg.options, controller.signal, post);
    data = loaded;
    dropTrained(); // it was trained on the previous data
    post(loaded.message);
  } catch (err) {
    if (err instanceof DataError && err.code === 'cancelled') post({ type: 'cancelled', id });
    else if (err instanceof DataError) post({ type: 'error', id, where: 'data', code: err.code, message: err.message });
    else post({ type: 'error', id, where: 'data', code: 'internal', message: `Unexpected error while loading: ${describe(err)}. Please report this.` });
  } finally {
    loads.delete(id);
  }
}

async function train(msg: Extract<ToWorker, { type: 'train' }>): Promise<void> {
  const fail = (code: string, message: string) => post({ type: 'error', id: msg.id, where: 'train', code, message });
  if (training) return fail('busy', 'A training run is already going. Stop it first.');
  if (!data) return fail('noData', 'Load a dataset first (step 1).');
  try {
    validateSpace(msg.space);
    validateTrainConfig(msg.train);
  } catch (err) {
    return fail('badOption', describe(err));
  }
  const dataset = data.result.dataset;
  if (dataset.splits.train.length < msg.train.batchSize) {
    return fail('badOption', `The training split has ${dataset.splits.train.length} rows, fewer than one batch of ${msg.train.batchSize}. Load more rows or use a smaller batch.`);
  }
  if (analysis) return fail('busy', 'A search or rank check is running on the trained supernet. Stop it first.');
  const choice = await backend;
  dropTrained();
  let recording: { recorder?: RunRecorder; resume?: ResumeState };
  try {
    recording = await startRecording(msg);
  } catch (err) {
    return fail('resume', describe(err));
  }
  const job = new TrainingJob(
    { id: msg.id, data: dataset, valBaseRateLogLoss: data.result.stats.splits.val.baseRateLogLoss, space: msg.space, train: msg.train, seed: msg.seed, backend: choice.name, post, ...recording },
    stepsPerSecond,
  );
  training = job;
  try {
    const trainer = await job.run();
    trained = { trainer, dataset, space: msg.space, train: msg.train, seed: msg.seed };
  } catch (err) {
    if (err instanceof TrainingDiverged) fail('diverged', err.message);
    else fail(err instanceof RangeError ? 'resume' : 'internal', `Training stopped with an error: ${describe(err)}`);
  } finally {
    training = undefined;
  }
}

/**
 * The recorder of a run asked to be kept (a new stored run, or the stored run being resumed with its latest
 * checkpoint). Without storage the run trains unrecorded (the reason was reported); a resume without a checkpoint throws.
 */
async function startRecording(msg: Extract<ToWorker, { type: 'train' }>): Promise<{ recorder?: RunRecorder; resume?: ResumeState }> {
  const record = msg.record;
  if (!record) return {};
  const store = await runStore();
  if (!store && record.resumeRunId) throw new Error('This browser keeps no runs, so there is nothing to resume.');
  if (!store) return {};
  const every = record.checkpointEveryMs ?? CHECKPOINT_EVERY_MS;
  if (record.resumeRunId) {
    const run = await store.getRun(record.resumeRunId);
    const latest = await store.latestCheckpoint(run.id);
    if (!latest) throw new Error(`${run.name} has no checkpoint to resume from; start it again instead.`);
    const { optimizer, embeddingAccumulators } = unpackOptimizer(latest.payload.optimizer ?? new Float32Array([0]));
    const checkpoint: Checkpoint = { meta: latest.payload.meta as Checkpoint['meta'], weights: latest.payload.weights, embeddings: latest.payload.embeddings };
    await store.truncateHistory(run.id, latest.step);
    await store.updateRun(run.id, { lastStep: latest.step });
    return { recorder: new RunRecorder(store, run.id, msg.id, every, post, latest.step), resume: { checkpoint, optimizer, embeddingAccumulators } };
  }
  try {
    const run = await store.createRun({ config: { share: record.config, space: msg.space, train: msg.train, seed: msg.seed }, data: record.data });
    return { recorder: new RunRecorder(store, run.id, msg.id, every, post, 0) };
  } catch (err) {
    post({ type: 'storageError', id: msg.id, message: `This run is not being saved: ${describe(err)}` });
    return {};
  }
}

async function runAction(id: number, action: RunAction): Promise<void> {
  const store = await runStore();
  if (!store) return post({ type: 'error', id, where: 'storage', message: 'This browser keeps no runs.' });
  try {
    if (action.kind === 'history') return post({ type: 'runHistory', id, runId: action.runId, points: await store.history(action.runId) });
    if (action.kind === 'rename') await store.renameRun(action.runId, action.name);
    else if (action.kind === 'delete') await store.deleteRun(action.runId);
    else await store.pruneCheckpoints(1);
    await listRuns(id);
  } catch (err) {
    post({ type: 'error', id, where: 'storage', message: describe(err) });
  }
}

async function listRuns(id: number): Promise<void> {
  const store = await runStore();
  if (!store) return post({ type: 'runs', id, runs: [] });
  try {
    const runs = await store.listRuns();
    const checkpoints = await store.listCheckpoints();
    const latest = new Map<string, number>();
    for (const c of checkpoints) latest.set(c.runId, Math.max(latest.get(c.runId) ?? -1, c.step));
    const summaries: RunSummary[] = runs.map((r) => ({ ...r, ...(latest.has(r.id) ? { checkpointStep: latest.get(r.id)! } : {}) }));
    post({ type: 'runs', id, runs: summaries });
  } catch (err) {
    post({ type: 'storageError', id, message: `Could not read the stored runs: ${describe(err)}` });
    post({ type: 'runs', id, runs: [] });
  }
}

function dropTrained(): void {
  trained?.trainer.dispose();
  trained = undefined;
}

/** Runs a search or a rank check on the trained supernet; cancellation ends it with `cancelled`. */
async function analyse(msg: Extract<ToWorker, { type: 'search' | 'rank' }>): Promise<void> {
  const where = msg.type;
  const fail = (code: string, message: string) => post({ type: 'error', id: msg.id, where, code, message });
  if (analysis) return fail('busy', 'A search or rank check is already running. Stop it first.');
  if (training) return fail('busy', 'The supernet is still training. Let it finish or stop it first.');
  if (!trained) return fail('noSupernet', 'Train a supernet first (step 3): search and rank use its weights.');
  const controller = new AbortController();
  analysis = { id: msg.id, controller };
  try {
    if (msg.type === 'search') await runSearch(msg.id, msg.request, trained, controller.signal, post);
    else await runRank(msg.id, msg.request, trained, controller.signal, post);
  } catch (err) {
    if (controller.signal.aborted) post({ type: 'cancelled', id: msg.id });
    else if (err instanceof RangeError) fail('badOption', describe(err));
    else fail('internal', `The ${where === 'search' ? 'search' : 'rank check'} stopped with an error: ${describe(err)}`);
  } finally {
    analysis = undefined;
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
