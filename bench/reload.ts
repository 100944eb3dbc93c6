// `reload` bench: what a reload mid-training loses, with the default checkpoint interval (Tiny, wasm, dev server).
import { PlaygroundPage } from '../tests/e2e/driver.ts';
import { startAppServer } from '../tests/e2e/globalSetup.ts';
import { CHECKPOINT_EVERY_MS } from '../src/worker/protocol.ts';
import type { BenchOutput } from './run.ts';

/** Checkpoints watched before the reload (their spacing is the interval a reload can lose). */
const CHECKPOINTS = 3;
/** The reload comes this long before the next checkpoint is due: close to the worst case. */
const BEFORE_NEXT_MS = 3_000;

interface Seen {
  step: number;
  atMs: number;
}

export async function reloadBench(): Promise<BenchOutput> {
  const dev = await startAppServer();
  const app = await PlaygroundPage.launch(dev.url);
  try {
    const page = app.page;
    await app.openLink('?backend=wasm&data.rows=50000');
    await app.waitForStats();
    await app.chooseSpacePreset('tiny');
    await app.setTrainSettings({ steps: 1_000_000, batchSize: 256, fullPathWarmupSteps: 0, evalEvery: 250, evalRows: 1024, seed: 1 });
    await app.setTrainingSpeed('max');
    const started = Date.now();
    await app.startTraining();
    const seen: Seen[] = [];
    while (seen.length < CHECKPOINTS) {
      const after = seen.at(-1)?.step ?? 0;
      await page.waitForFunction((s) => Number(document.querySelector('[data-testid="checkpoint-status"]')?.getAttribute('data-step')) > s, after, { timeout: 3 * CHECKPOINT_EVERY_MS });
      seen.push({ step: Number(await page.getByTestId('checkpoint-status').getAttribute('data-step')), atMs: Date.now() - started });
    }
    const last = seen.at(-1)!;
    await page.waitForTimeout(Math.max(0, CHECKPOINT_EVERY_MS - BEFORE_NEXT_MS - (Date.now() - started - last.atMs)));
    const counterAtReload = await app.stepCounter();
    const msSinceCheckpoint = Date.now() - started - last.atMs;
    await page.reload();
    await page.getByTestId('interrupted-run').waitFor({ timeout: 60_000 });
    const banner = await page.getByTestId('interrupted-run').innerText();
    const stored = Number(/checkpoint is at step ([\d,]+)/.exec(banner)![1]!.replace(/,/g, ''));
    const gaps = seen.slice(1).map((s, i) => ({ steps: s.step - seen[i]!.step, ms: s.atMs - seen[i]!.atMs }));
    const stepsPerSec = (last.step - seen[0]!.step) / ((last.atMs - seen[0]!.atMs) / 1000);
    const json = {
      checkpointEveryMs: CHECKPOINT_EVERY_MS,
      checkpoints: seen,
      gaps,
      stepsPerSec,
      reload: { counterAtReload, msSinceCheckpoint, resumesFrom: stored, stepsLost: counterAtReload - stored },
    };
    const table = [
      `Tiny, batch 256, wasm, dev server; checkpoint every ${CHECKPOINT_EVERY_MS / 1000} s (default); ${stepsPerSec.toFixed(1)} steps/s`,
      `checkpoint gaps: ${gaps.map((g) => `${(g.ms / 1000).toFixed(1)} s / ${g.steps} steps`).join(', ')}`,
      `reload ${(msSinceCheckpoint / 1000).toFixed(1)} s after a checkpoint: counter at step ${counterAtReload}, resumes from ${stored}: ${counterAtReload - stored} steps lost`,
    ];
    return { table, json };
  } finally {
    await app.close();
    await dev.server.close();
  }
}
