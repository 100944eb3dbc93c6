// The worker's composition root: picks the tfjs backend (and moves off one that fails), runs jobs, routes
// cancellation and transport, owns the loaded data, the trained supernet and the last search's winner.
/// <reference lib="webworker" />
import { DataError } from '../core/data/types.ts';
import type { TrainedModel } from '../core/export/trainedModel.ts';
import { validateSpace } from '../core/space/index.ts';
import { validateTrainConfig } from '../core/train/config.ts';
import { BACKEND_ORDER, backendPreference, chooseBackend, type BackendChoice } from './backends/chooseBackend.ts';
import { BackendHealth, faultsAllowed } from './backends/health.ts';
import { modelFilesMessage, openModelFiles, pytorchZip, winnerModel } from './jobs/exports.ts';
import { runLoadData, type LoadedData } from './jobs/loadData.ts';
import { spaceInfo } from './jobs/spaceInfo.ts';
import { runRank } from './jobs/rank.ts';
import { ResultRecorder } from './jobs/resultRecorder.ts';
import { latestResumeState, listRuns, runAction, startRecording, type Recording } from './jobs/runs.ts';
import { TrainingFailed, trainWithFailover } from './jobs/failover.ts';
import { runSearch } from './jobs/search.ts';
import { TrainingJob, type TrainJobInput } from './jobs/train.ts';
import { RunStore } from './store/runStore.ts';
import type { TrainedSupernet } from './jobs/trained.ts';
import { archKey } from '../core/space/arch.ts';
import { inputShapeOf } from '../core/train/batches.ts';
import { assertNever, type BackendName, type FromWorker, type ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loads = new Map<number, AbortController>();
/** The most recently loaded dataset; training reads it. */
let data: LoadedData | undefined;
let training: TrainingJob | undefined;
/** The supernet of the last finished or stopped run: what search and rank work on. */
let trained: TrainedSupernet | undefined;
/** The running search or rank job (one at a time: they share the supernet's weights). */
let analysis: { id: number; controller: AbortController } | undefined;
/** The running training job moves itself to another backend when its backend fails (trainWithFailover). */
let failover = false;
/** The speed cap outlives jobs, so a change made before a run starts is kept. */
let stepsPerSecond = 0;
/** The last search's winner with its trained weights (what "Download model" exports). */
let winner: TrainedModel | undefined;

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

const preferred = backendPreference(scope.name);
const health = new BackendHealth(faultsAllowed(scope.name));
/** Backends that failed mid-run in this worker: never chosen again (cpu excepted, the last resort). */
const failedBackends = new Set<BackendName>();

function announce(choice: BackendChoice): BackendChoice {
  post({ type: 'backend', ...choice });
  if (choice.name === 'webgpu') health.watchWebGpu();
  return choice;
}

let backend: Promise<BackendChoice> = chooseBackend(preferred).then(announce);
backend.catch((err: unknown) => post({ type: 'error', where: 'backend', message: `Could not start any tfjs backend: ${String(err)}` }));

/** Leaves a backend that failed (`why`) for the next one down (WebGPU → wasm → cpu) that passes its self-test, and says so. */
async function moveOff(from: BackendName, why: string): Promise<BackendChoice> {
  failedBackends.add(from);
  health.reset();
  const next = await chooseBackend(undefined, new Set([...failedBackends, ...BACKEND_ORDER.slice(0, BACKEND_ORDER.indexOf(from) + 1)]));
  const reason = `${from === 'webgpu' ? 'WebGPU' : from} failed mid-run: ${why}${next.reason ? `; ${next.reason}` : ''}`;
  const choice = { ...next, reason };
  backend = Promise.resolve(announce(choice));
  return choice;
}

// A device lost while no training runs: the supernet kept for search and rank lived on it.
health.onLost((why) => {
  if (failover) return; // the training run notices at its next step and moves itself
  void backend.then(async (choice) => {
    if (choice.name !== 'webgpu') return;
    const hadSupernet = trained !== undefined;
    dropTrainedQuietly(); // its tensors went with the device
    await moveOff('webgpu', why);
    if (hadSupernet) {
      post({
        type: 'error',
        where: 'backend',
        code: 'supernetLost',
        message: 'The trained supernet was on the lost WebGPU device. Open its run in the runs list (step 6) and load its supernet from the checkpoint, or train again.',
      });
    }
  });
});

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
      void runStore().then((store) => listRuns(store, msg.id, post));
      return;
    case 'runAction':
      void runStore().then((store) => runAction(store, msg.id, msg.action, post));
      return;
    case 'exportModel':
      exportModel(msg.id);
      return;
    case 'exportCode':
      exportCode(msg);
      return;
    case 'openModel':
      void openModel(msg);
      return;
    case 'injectFault': {
      const why = health.inject(msg.fault);
      if (why) post({ type: 'error', where: 'worker', code: 'fault', message: `No ${msg.fault} was injected: ${why}.` });
      return;
    }
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
  const loaded = data;
  const dataset = loaded.result.dataset;
  if (dataset.splits.train.length < msg.train.batchSize) {
    return fail('badOption', `The training split has ${dataset.splits.train.length} rows, fewer than one batch of ${msg.train.batchSize}. Load more rows or use a smaller batch.`);
  }
  if (analysis) return fail('busy', 'A search or rank check is running on the trained supernet. Stop it first.');
  dropTrained();
  const { record } = msg;
  if (record?.loadOnly && record.resumeRunId) return loadSupernet(msg, loaded, record.resumeRunId);
  let recording: Recording;
  try {
    const store = msg.record ? await runStore() : undefined;
    recording = await startRecording(store, { id: msg.id, ...(msg.record ? { record: msg.record } : {}), config: { share: msg.record?.config, space: msg.space, train: msg.train, seed: msg.seed } }, post);
  } catch (err) {
    return fail('resume', describe(err));
  }
  // Read after the awaits above: a device lost meanwhile has already moved the worker to another backend.
  const choice = await backend;
  // A backend that fails mid-run (a lost device, a failing kernel) hands the run to the next one, from its last checkpoint.
  failover = true;
  try {
    const done = await trainWithFailover({
      jobId: msg.id,
      backend: choice.name,
      recording,
      post,
      lostReason: () => health.lostReason,
      moveOff: async (from, why) => (await moveOff(from, why)).name,
      makeJob: (on, rec, restart) =>
        (training = new TrainingJob({ ...jobInput(msg, loaded, on), ...(restart ? { restart } : {}), checkBackend: () => health.check(on), ...rec }, stepsPerSecond)),
    });
    const runId = done.recording.recorder?.runId;
    trained = { trainer: done.trainer, dataset, space: msg.space, train: msg.train, seed: msg.seed, ...(runId ? { runId } : {}) };
  } catch (err) {
    if (err instanceof TrainingFailed) fail(err.code, err.message);
    else fail('internal', `Training stopped with an error: ${describe(err)}`);
  } finally {
    training = undefined;
    failover = false;
  }
}

/** What every training job of `msg` shares: its data, space, recipe and seed, on `backend`. */
function jobInput(msg: Extract<ToWorker, { type: 'train' }>, loaded: LoadedData, backend: BackendName): TrainJobInput {
  return {
    id: msg.id,
    data: loaded.result.dataset,
    valBaseRateLogLoss: loaded.result.stats.splits.val.baseRateLogLoss,
    space: msg.space,
    train: msg.train,
    seed: msg.seed,
    backend,
    post,
  };
}

/** A kept run's supernet from its latest checkpoint, for search and rank; the stored run is not written to. */
async function loadSupernet(msg: Extract<ToWorker, { type: 'train' }>, loaded: LoadedData, runId: string): Promise<void> {
  const fail = (code: string, why: string) => post({ type: 'error', id: msg.id, where: 'train', code, message: `The supernet could not be restored: ${why}` });
  const store = await runStore();
  if (!store) return fail('resume', 'this browser keeps no runs.');
  let latest: Awaited<ReturnType<typeof latestResumeState>>;
  try {
    latest = await latestResumeState(store, runId);
  } catch (err) {
    return fail('resume', describe(err));
  }
  if (!latest) return fail('resume', 'the run has no checkpoint to load its supernet from.');
  const choice = await backend; // after the awaits: a device lost meanwhile has moved the worker already
  const job = new TrainingJob({ ...jobInput(msg, loaded, choice.name), loadOnly: true, resume: latest.resume });
  training = job;
  try {
    const trainer = await job.run();
    trained = { trainer, dataset: loaded.result.dataset, space: msg.space, train: msg.train, seed: msg.seed, runId };
  } catch (err) {
    fail(err instanceof RangeError ? 'resume' : 'internal', describe(err));
  } finally {
    training = undefined;
  }
}

/** The last search's winner as tfjs model files. */
function exportModel(id: number): void {
  if (!winner) return post({ type: 'error', id, where: 'export', code: 'noModel', message: 'Run a search first (step 4): its winner is the trained model that can be downloaded.' });
  const msg = modelFilesMessage(id, winner);
  scope.postMessage(msg, [msg.weights]);
}

/** PyTorch code for an architecture, zipped; with the winner's trained weights when it is the winner. */
function exportCode(msg: Extract<ToWorker, { type: 'exportCode' }>): void {
  try {
    // The winner brings its weights and the encoding it was trained with; any other architecture takes the loaded data's.
    const trainedOne = winner && archKey(winner.arch) === archKey(msg.arch) ? winner : undefined;
    const encoding = trainedOne ? trainedOne.encoding : data?.result.encoding;
    const input = trainedOne ? trainedOne.input : data && inputShapeOf(data.result.dataset);
    if (!encoding || !input) {
      return post({ type: 'error', id: msg.id, where: 'export', code: 'noData', message: 'Load the data the model is for first (step 1): the generated code reads and encodes rows the same way.' });
    }
    const zip = pytorchZip({ arch: msg.arch, space: msg.space, name: msg.name, encoding, input, ...(trainedOne ? { withWeights: trainedOne } : {}) });
    scope.postMessage({ type: 'codeFiles', id: msg.id, ...zip } satisfies FromWorker, [zip.zip]);
  } catch (err) {
    post({ type: 'error', id: msg.id, where: 'export', code: 'internal', message: `Could not generate the PyTorch code: ${describe(err)}` });
  }
}

/** Model files read back and measured on the loaded test split. */
async function openModel(msg: Extract<ToWorker, { type: 'openModel' }>): Promise<void> {
  try {
    await backend;
    post(await openModelFiles(msg.id, msg.json, msg.weights, data?.result.dataset));
  } catch (err) {
    post({ type: 'error', id: msg.id, where: 'export', code: 'badModel', message: `These model files cannot be opened: ${describe(err)}` });
  }
}

/** Drops the trained supernet of a lost device: freeing its tensors may throw there, and must not stop the move. */
function dropTrainedQuietly(): void {
  try {
    dropTrained();
  } catch {
    trained = undefined;
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
  const supernet = trained;
  const store = supernet.runId ? await runStore() : undefined;
  const results = store && supernet.runId ? new ResultRecorder(store, supernet.runId, where, msg.id, msg.request.seed, post) : undefined;
  // The job's last message (done, cancelled, error) waits until its results are stored, so a list read on it sees them.
  let last: FromWorker | undefined;
  const send = (m: FromWorker) => {
    if (m.type === 'searchDone' || m.type === 'rankDone') last = m;
    else if (results) results.tee(m);
    else post(m);
  };
  let ending: 'finished' | 'stopped' | 'failed' = 'failed';
  try {
    if (msg.type === 'search') {
      const report = await runSearch(msg.id, msg.request, supernet, controller.signal, send);
      winner = winnerModel(report.winner, supernet, data?.result);
    } else await runRank(msg.id, msg.request, supernet, controller.signal, send);
    ending = 'finished';
  } catch (err) {
    if (controller.signal.aborted) {
      ending = 'stopped';
      last = { type: 'cancelled', id: msg.id };
    } else {
      const code = err instanceof RangeError ? 'badOption' : 'internal';
      const message = err instanceof RangeError ? describe(err) : `The ${where === 'search' ? 'search' : 'rank check'} stopped with an error: ${describe(err)}`;
      last = { type: 'error', id: msg.id, where, code, message };
    }
  } finally {
    analysis = undefined;
    if (results) await results.end(ending, last);
    else if (last) post(last);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
