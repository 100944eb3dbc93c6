// The train bench in a browser worker: picks the asked backend as the app does, then measures each case.
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../../src/worker/backends/chooseBackend.ts';
import { measureTrainCase, type TrainCase, type TrainRow } from '../measure.ts';
import { skipReason } from '../plan.ts';
import { sampleDataset } from '../sample.ts';
import type { BenchEvent, BenchRequest } from './protocol.ts';

const post = (event: BenchEvent): void => (self as unknown as Worker).postMessage(event);

self.onmessage = async (e: MessageEvent<BenchRequest>) => {
  const request = e.data;
  try {
    const choice = await chooseBackend(request.backend);
    post({ type: 'backend', name: choice.name, ...(choice.adapter ? { adapter: choice.adapter } : {}), ...(choice.reason ? { reason: choice.reason } : {}) });
    if (choice.name !== request.backend) {
      post({ type: 'done' });
      return;
    }
    // A software adapter (SwiftShader) takes minutes per 20 steps: warm up 5 there, and say so in the row.
    const software = /software|swiftshader/i.test(choice.adapter ?? '');
    const budget = software ? { ...request.budget, warmupSteps: Math.min(request.budget.warmupSteps, 5) } : request.budget;
    const dataset = await sampleDataset();
    const rows: TrainRow[] = [];
    const skipped: TrainCase[] = [];
    for (const c of request.cases) {
      const reason = skipReason(c, budget, request.maxCaseMs, rows, request.reference, skipped);
      if (reason) {
        skipped.push(c);
        post({ type: 'skipped', case: c, reason });
        continue;
      }
      const row = await measureTrainCase(dataset, c, budget);
      rows.push(row);
      post({ type: 'row', row: { ...row, backend: `chromium:${tf.getBackend()}` } });
    }
    post({ type: 'done' });
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : String(err) });
  }
};
