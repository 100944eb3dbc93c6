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
import { TrainingJob } from './jobs/train.ts';
import type { TrainedSupernet } from './jobs/trained.ts';
import { assertNever, type FromWorker, type ToWorker } from './protocol.ts';

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
  const job = new TrainingJob({ id: msg.id, data: dataset, valBaseRateLogLoss: data.result.stats.splits.val.baseRateLogLoss, space: msg.space, train: msg.train, seed: msg.seed, backend: choice.name, post }, stepsPerSecond);
  training = job;
  try {
    const trainer = await job.run();
    trained = { trainer, dataset, space: msg.space, train: msg.train, seed: msg.seed };
  } catch (err) {
    fail('internal', `Training stopped with an error: ${describe(err)}`);
  } finally {
    training = undefined;
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
