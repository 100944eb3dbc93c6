// The worker's composition root: picks the tfjs backend, runs jobs, routes cancellation, owns the loaded data.
/// <reference lib="webworker" />
import { DataError } from '../core/data/types.ts';
import { chooseBackend } from './backends/chooseBackend.ts';
import { runLoadData, type LoadedData } from './jobs/loadData.ts';
import { assertNever, type FromWorker, type ToWorker } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const jobs = new Map<number, AbortController>();
/** The most recently loaded dataset; the training jobs of the next issue read it. */
let data: LoadedData | undefined;

function post(msg: FromWorker): void {
  scope.postMessage(msg);
}

void chooseBackend().then(
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
      jobs.get(msg.id)?.abort();
      return;
    case 'spaceInfo':
    case 'train':
      post({ type: 'error', id: msg.id, where: msg.type === 'train' ? 'train' : 'space', code: 'unavailable', message: 'Supernet training is not available in this build yet.' });
      return;
    case 'trainControl':
    case 'setSpeed':
      return;
    default:
      assertNever(msg);
  }
});

async function loadData(id: number, msg: Extract<ToWorker, { type: 'loadData' }>): Promise<void> {
  for (const controller of jobs.values()) controller.abort(); // one load at a time: the newest wins
  const controller = new AbortController();
  jobs.set(id, controller);
  try {
    const loaded = await runLoadData(id, msg.source, msg.options, controller.signal, post);
    data = loaded;
    void data;
    post(loaded.message);
  } catch (err) {
    if (err instanceof DataError && err.code === 'cancelled') post({ type: 'cancelled', id });
    else if (err instanceof DataError) post({ type: 'error', id, where: 'data', code: err.code, message: err.message });
    else post({ type: 'error', id, where: 'data', code: 'internal', message: `Unexpected error while loading: ${err instanceof Error ? err.message : String(err)}. Please report this.` });
  } finally {
    jobs.delete(id);
  }
}
