// Browser test of kept runs: a reload mid-training offers the run back, and resuming continues from its last checkpoint.
import { describe, expect } from 'vitest';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { test } from './fixture.ts';

async function readDownload(download: Download): Promise<Buffer> {
  return readFile((await download.path())!);
}

const TEST_TIMEOUT_MS = 300_000;

/** Every stored run (IndexedDB "runs" store) with the number of its history points, read in the page. */
function storedRunRecords(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('nasrec-playground');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['runs', 'history']);
          const runs = tx.objectStore('runs').getAll();
          const history = tx.objectStore('history').getAll();
          tx.oncomplete = () => {
            const points = new Map<string, number>();
            for (const chunk of history.result as { runId: string; points: unknown[] }[]) points.set(chunk.runId, (points.get(chunk.runId) ?? 0) + chunk.points.length);
            resolve((runs.result as { id: string; config?: unknown }[]).map(({ config: _config, ...r }) => ({ ...r, historyPoints: points.get(r.id) ?? 0 })));
            open.result.close();
          };
        };
      }),
  );
}
/** Tiny, small batches on wasm: many steps per second, so checkpoints (every 2 s here) land at distinct steps. */
const SETTINGS = { steps: 3000, batchSize: 32, fullPathWarmupSteps: 0, evalEvery: 100, evalRows: 64, seed: 11 };

describe('Kept runs', () => {

  test('reloading mid-training offers the run back, and resuming continues from its last checkpoint with its settings', async ({ app }) => {
    const page = app.page;
    await app.trainFrom('?backend=wasm&checkpointEvery=2&data.rows=5000', SETTINGS);
    const status = page.getByTestId('checkpoint-status');
    // Two checkpoints, so the second replaced the first.
    const firstCheckpoint = await app.waitForCheckpoint(0, 120_000);
    const checkpoint = await app.waitForCheckpoint(firstCheckpoint, 120_000);
    // The counter follows throttled progress messages; the checkpoint notice comes at once.
    const stepAtReload = await app.waitForStep(checkpoint);

    // The address holds the settings; the reload keeps them and the stored run.
    await page.reload();
    await page.getByTestId('interrupted-run').waitFor({ timeout: 60_000 });
    const banner = await page.getByTestId('interrupted-run').innerText();
    expect(banner).toMatch(/Run \d+ was interrupted at step [\d,]+/);
    const stored = Number(/checkpoint is at step ([\d,]+)/.exec(banner)![1]!.replace(/,/g, ''));
    expect(stored).toBeGreaterThanOrEqual(checkpoint);
    expect(stored).toBeLessThanOrEqual(stepAtReload);

    await page.getByTestId('reopen-run').click();
    await page.waitForURL(/resume=/);
    await app.waitForStats();
    expect(await app.rowCount()).toBe(5_000);
    expect(await app.inputValue('train-steps')).toBe('3000');
    expect(await app.inputValue('train-seed-input')).toBe('11');
    const resume = page.getByTestId('resume-run');
    await resume.waitFor();
    expect(await resume.innerText()).toBe(`Resume from step ${stored.toLocaleString('en-US')}`);
    await resume.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="checkpoint-status"]')?.textContent?.includes('Resumed from step'), null, { timeout: 60_000 });
    expect(await status.innerText()).toContain(`Resumed from step ${stored.toLocaleString('en-US')}`);
    const after = await app.waitForStep(stored + 5);
    expect(after).toBeGreaterThan(stored);
    expect(await app.stepCounterText()).toMatch(/\/ 3,000$/);
    await app.stopTraining();
    expect(await app.trainErrorText()).toBeNull();

    // The runs list: the resumed run, stopped; rename it, compare it with a second short run, delete that one.
    const runs = page.getByTestId('runs-table');
    const row = runs.locator('tbody tr').first();
    await page.waitForFunction(() => document.querySelector('[data-testid="runs-table"] tbody tr td:nth-child(3)')?.textContent === 'stopped');
    await row.getByTestId('run-rename').click();
    await row.getByTestId('run-name-input').fill('Tiny, resumed');
    await row.getByRole('button', { name: 'Save' }).click();
    await runs.getByText('Tiny, resumed').waitFor();
    await app.setTrainSettings({ steps: 20, evalEvery: 10 });
    await app.startTraining();
    expect(await app.waitForTrainingEnd()).toBe('finished');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="runs-table"] tbody tr').length === 2);
    const rows = runs.locator('tbody tr');
    await rows.nth(0).getByTestId('run-compare').check();
    await rows.nth(1).getByTestId('run-compare').check();
    // Both runs' train curves are drawn (each run's history is read back from storage).
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="runs-compare"] g.series path.run-train').length === 2);
    // Every chart saves as SVG and PNG: the comparison here.
    const compare = page.getByTestId('runs-compare');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), compare.getByTestId('chart-export-svg').click()]);
    expect(svgDownload.suggestedFilename()).toBe('loss-of-the-two-runs.svg');
    const svgText = await readDownload(svgDownload);
    expect(svgText.toString('utf8')).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svgText.toString('utf8')).toContain('run-train');
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), compare.getByTestId('chart-export-png').click()]);
    expect(pngDownload.suggestedFilename()).toBe('loss-of-the-two-runs.png');
    const png = await readDownload(pngDownload);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(2_000);

    await rows.nth(0).getByTestId('run-delete').click();
    await rows.nth(0).getByTestId('run-delete-confirm').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="runs-table"] tbody tr').length === 1);
    expect(await runs.getByTestId('run-name').allInnerTexts()).toEqual(['Tiny, resumed']);

    // Opening the stopped run brings its supernet back from the checkpoint without training: search can use it.
    const lastCheckpoint = Number((await rows.nth(0).locator('td').nth(4).innerText()).replace(/[^\d]/g, ''));
    const storedBefore = await storedRunRecords(page);
    await rows.nth(0).getByTestId('run-open').click();
    await page.waitForURL(/resume=/);
    await app.waitForStats();
    const box = page.getByTestId('resume-box');
    await box.waitFor();
    expect(await box.getAttribute('data-status')).toBe('stopped');
    expect(await page.getByTestId('resume-run').count()).toBe(1); // it can also go on training
    await page.getByTestId('load-supernet').click();
    expect(await app.waitForTrainingEnd()).toBe('stopped');
    expect(await app.stepCounter()).toBe(lastCheckpoint);
    expect(await page.getByTestId('train-done').innerText()).toMatch(new RegExp(`^Stopped after ${lastCheckpoint.toLocaleString('en-US')} steps`));
    expect(await app.search.cannotStartText()).toBeNull();
    // Loading wrote nothing: the stored run (status, steps, update time) and its history are as they were.
    expect(await storedRunRecords(page)).toEqual(storedBefore);
    expect(app.errors).toEqual([]);
    console.log(`counter read step ${stepAtReload} just before the reload; resumed from ${stored}: at least ${stepAtReload - stored} steps repeated (checkpoints every 2 s)`);
  }, TEST_TIMEOUT_MS);
});
