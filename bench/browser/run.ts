// Node side of the Chromium train bench: serves bench/browser with Vite, runs the page per backend in Debian's Chromium, collects rows.
import { launchChromium } from '../../tests/e2e/driver.ts';
import { startAppServer } from '../../tests/e2e/globalSetup.ts';
import { MAX_CASE_MS, TRAIN_BUDGET, TRAIN_CASES, type SkippedCase } from '../plan.ts';
import type { StepBudget, TrainCase, TrainRow } from '../measure.ts';
import type { BenchEvent, BenchRequest } from './protocol.ts';

export interface BrowserTrainResult {
  rows: TrainRow[];
  skipped: SkippedCase[];
  /** The WebGPU adapter Chromium gave, e.g. "google swiftshader (software adapter)". */
  adapter?: string;
  /** One line per backend that did not run, and the adapter label. */
  notes: string[];
}

/** Per backend: WebGPU warms up 20 steps, so that compilations counted after it test the "none after 20 steps" target. */
const BUDGETS: Record<BenchRequest['backend'], StepBudget> = {
  webgpu: { warmupSteps: 20, minSteps: 3, maxSteps: 20, budgetMs: 8_000 },
  wasm: TRAIN_BUDGET,
  cpu: { warmupSteps: 2, minSteps: 2, maxSteps: 10, budgetMs: 8_000 },
};
/** A whole backend's run may take this long. */
const BACKEND_TIMEOUT_MS = 15 * 60_000;

/** Runs the train cases in Chromium on webgpu, wasm and cpu (each in a fresh page and worker). */
export async function browserTrainRows(
  reference: readonly TrainRow[],
  cases: readonly TrainCase[] = TRAIN_CASES,
  backends: readonly BenchRequest['backend'][] = ['webgpu', 'wasm', 'cpu'],
): Promise<BrowserTrainResult> {
  const result: BrowserTrainResult = { rows: [], skipped: [], notes: [] };
  let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    server = await startAppServer();
    browser = await launchChromium();
  } catch (err) {
    result.notes.push(`chromium: not run — ${err instanceof Error ? err.message : String(err)}`);
    await server?.server.close();
    return result;
  }
  try {
    for (const backend of backends) {
      const page = await browser.newPage();
      try {
        const events: BenchEvent[] = [];
        const finished = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`chromium:${backend} took over ${BACKEND_TIMEOUT_MS / 60_000} min`)), BACKEND_TIMEOUT_MS);
          void page.exposeFunction('benchReport', (event: BenchEvent) => {
            events.push(event);
            if (event.type === 'row') process.stdout.write(`  chromium:${backend} ${event.row.preset} ${event.row.batch}: ${event.row.msPerStep.toFixed(0)} ms/step\n`);
            if (event.type === 'done' || event.type === 'error') {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        await page.goto(`${server.url}bench/browser/index.html`);
        await page.waitForFunction(() => typeof window.startBench === 'function');
        const request: BenchRequest = { backend, cases: [...cases], budget: BUDGETS[backend], maxCaseMs: MAX_CASE_MS, reference: [...reference] };
        await page.evaluate((r) => window.startBench!(r), request);
        await finished;
        for (const event of events) {
          if (event.type === 'backend') {
            if (event.name !== backend) result.notes.push(`chromium:${backend}: unavailable — ${event.reason ?? `got ${event.name}`}`);
            if (event.adapter) {
              result.adapter = event.adapter;
              result.notes.push(`chromium:webgpu adapter: ${event.adapter}${/software|swiftshader/i.test(event.adapter) ? ' — a CPU emulation of a GPU: its times are not GPU times' : ''}`);
            }
          } else if (event.type === 'row') result.rows.push(event.row);
          else if (event.type === 'skipped') result.skipped.push({ ...event.case, backend: `chromium:${backend}`, skipped: event.reason });
          else if (event.type === 'error') result.notes.push(`chromium:${backend}: failed — ${event.message.split('\n')[0]}`);
        }
      } catch (err) {
        result.notes.push(`chromium:${backend}: failed — ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.server.close();
  }
  return result;
}
