// The train bench page: starts the worker with the address's request and hands every event to the Node runner.
import type { BenchEvent, BenchRequest } from './protocol.ts';

declare global {
  interface Window {
    /** Installed by the runner (playwright's exposeFunction). */
    benchReport?: (event: BenchEvent) => void;
    /** The runner calls this with its request. */
    startBench?: (request: BenchRequest) => void;
  }
}

const log = document.getElementById('log')!;
window.startBench = (request) => {
  const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module', name: 'nasrec-bench' });
  worker.onmessage = (e: MessageEvent<BenchEvent>) => {
    log.textContent += `\n${JSON.stringify(e.data)}`;
    window.benchReport?.(e.data);
  };
  worker.onerror = (e) => window.benchReport?.({ type: 'error', message: e.message || 'worker error' });
  worker.postMessage(request);
};
log.textContent = 'ready';
