// `ui` bench: the longest main-thread task in Chromium while the worker trains (a long-task observer on the app page).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { preview } from 'vite';
import { PlaygroundPage } from '../tests/e2e/driver.ts';
import { startAppServer } from '../tests/e2e/globalSetup.ts';
import type { BenchOutput } from './run.ts';

/** How long training is watched. */
const WATCH_MS = 30_000;
/** The target: no main-thread task over this while training (issue #6). */
const TARGET_MS = 50;

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __longTasks?: LongTask[];
  }
}

/** Watches one training run on `backend` (Tiny space, batch 256, full speed) and reports its long tasks. */
async function watchTraining(url: string, backend: 'wasm' | 'webgpu'): Promise<Record<string, unknown>> {
  const app = await PlaygroundPage.launch(url);
  try {
    await app.page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks!.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await app.open({ backend });
    await app.loadSample({ rows: 50_000, seed: 1 });
    await app.chooseSpacePreset('tiny');
    await app.setTrainSettings({ steps: 100_000, batchSize: 256, fullPathWarmupSteps: 0, evalEvery: 25, evalRows: 1024, seed: 1 });
    await app.setTrainingSpeed('max');
    const started = await app.page.evaluate(() => performance.now());
    await app.startTraining();
    await app.waitForStep(1);
    const firstStep = await app.stepCounter();
    await app.page.waitForTimeout(WATCH_MS);
    const lastStep = await app.stepCounter();
    const ended = await app.page.evaluate(() => performance.now());
    const tasks = (await app.page.evaluate(() => window.__longTasks ?? [])).filter((t) => t.start >= started && t.start <= ended);
    const before = (await app.page.evaluate(() => window.__longTasks ?? [])).filter((t) => t.start < started);
    await app.stopTraining();
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    return {
      backend: (await app.page.getByTestId('train-backend').getAttribute('data-backend')) ?? backend,
      watchedSeconds: (ended - started) / 1000,
      stepsWatched: lastStep - firstStep,
      longTasks: tasks.length,
      /** 0 when no task went over 50 ms (the long-task observer reports only those). */
      longestTaskMs: longest,
      longestBeforeTrainingMs: before.reduce((m, t) => Math.max(m, t.duration), 0),
      meetsTarget: longest <= TARGET_MS,
      tasks: tasks.map((t) => ({ atMs: Math.round(t.start - started), ms: Math.round(t.duration) })),
    };
  } finally {
    await app.close();
  }
}

/** Builds the site into bench/tmp/ui-dist and serves it with Vite's preview server (what a deployment serves). */
async function startBuiltSite(): Promise<{ url: string; close(): Promise<void> }> {
  const outDir = path.resolve('bench/tmp/ui-dist');
  // A separate process with NODE_ENV=production: the dev server started before has set NODE_ENV=development in this
  // one, and a build that sees it keeps development code (import.meta.env.PROD false: wasm threads stay on and break).
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (built.status !== 0) throw new Error(`vite build failed (exit ${String(built.status)})`);
  const server = await preview({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server reported no local URL');
  return { url, close: () => server.close() };
}

export async function uiBench(): Promise<BenchOutput> {
  const results: Record<string, unknown>[] = [];
  const dev = await startAppServer();
  try {
    results.push({ site: 'dev server', ...(await watchTraining(dev.url, 'wasm')) });
  } finally {
    await dev.server.close();
  }
  const built = await startBuiltSite();
  try {
    results.push({ site: 'built', ...(await watchTraining(built.url, 'wasm')) });
  } finally {
    await built.close();
  }
  const table = [
    `training watched ${WATCH_MS / 1000} s from Start (Tiny, batch 256, full speed); target: no main-thread task over ${TARGET_MS} ms`,
    'site        backend  steps  long tasks (>50 ms)  longest ms  longest before Start ms',
    ...results.map(
      (r) =>
        `${String(r.site).padEnd(11)} ${String(r.backend).padEnd(8)} ${String(r.stepsWatched).padStart(5)} ${String(r.longTasks).padStart(20)} ${(Number(r.longTasks) === 0 ? '< 50' : Number(r.longestTaskMs).toFixed(0)).padStart(11)} ${Number(r.longestBeforeTrainingMs).toFixed(0).padStart(24)}`,
    ),
  ];
  return { table, json: { targetMs: TARGET_MS, results } };
}
