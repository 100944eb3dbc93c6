// Browser tests of robustness: a backend that fails mid-run hands the run to the next backend from its last
// checkpoint (a real WebGPU device loss, and a failing wasm step), and a crashed worker is restarted with the
// stored runs intact and the run resumable. Faults are injected through `?faults=1` (main.tsx).
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from './fixture.ts';

const TEST_TIMEOUT_MS = 300_000;
type Fault = 'deviceLoss' | 'backendError' | 'crash';

async function injectFault(page: Page, fault: Fault): Promise<void> {
  await page.evaluate((f) => (window as unknown as { nasrecInjectFault(kind: string): void }).nasrecInjectFault(f), fault);
}

/** The backend-switch notice once shown: from, to, and the step the run went on from. */
async function switchNotice(page: Page): Promise<{ from: string; to: string; resumedFrom: number; text: string }> {
  const notice = page.getByTestId('backend-switched');
  await notice.waitFor({ timeout: 120_000 });
  return {
    from: (await notice.getAttribute('data-from')) ?? '',
    to: (await notice.getAttribute('data-to')) ?? '',
    resumedFrom: Number(await notice.getAttribute('data-resumed-from')),
    text: await notice.innerText(),
  };
}

describe('Robustness', () => {

  test('a wasm step that fails moves the run to the cpu backend, resumed from its last checkpoint, and the badge says so', async ({ app }) => {
    const page = app.page;
    await app.trainFrom('?backend=wasm&faults=1&checkpointEvery=1&data.rows=3000', { steps: 2000, batchSize: 16, fullPathWarmupSteps: 0, evalEvery: 100, evalRows: 64, seed: 5 });
    expect(await app.backendBadge()).toContain('WASM');
    const checkpoint = await app.waitForCheckpoint();
    await injectFault(page, 'backendError');
    const moved = await switchNotice(page);
    expect(moved.from).toBe('wasm');
    expect(moved.to).toBe('cpu');
    expect(moved.resumedFrom).toBeGreaterThanOrEqual(checkpoint);
    expect(moved.text).toMatch(/Training moved from WebAssembly \(wasm\) to the CPU backend at step [\d,]+/);
    expect(moved.text).toMatch(/The wasm backend failed a training step \(an error injected by a test\)\. The run went on from its checkpoint at step [\d,]+ on the CPU backend/);
    const badge = await app.backendBadge();
    expect(badge).toMatch(/CPU/);
    expect(badge).toContain('wasm failed mid-run');
    expect(await page.getByTestId('checkpoint-status').innerText()).toContain(`Resumed from step ${moved.resumedFrom.toLocaleString('en-US')}`);
    expect(await app.waitForStep(moved.resumedFrom + 3)).toBeGreaterThan(moved.resumedFrom);
    await app.stopTraining();
    expect(await app.trainErrorText()).toBeNull();
    expect(await app.trainingStatus()).toBe('stopped');
  }, TEST_TIMEOUT_MS);

  test('a lost WebGPU device (destroyed for real) moves the run to wasm from its last checkpoint', async ({ app }) => {
    const page = app.page;
    // SwiftShader is a software GPU: tiny batches, and the first steps compile shaders for a while.
    await app.trainFrom('?backend=webgpu&faults=1&checkpointEvery=1&data.rows=2000', { steps: 500, batchSize: 8, fullPathWarmupSteps: 0, evalEvery: 100, evalRows: 16, seed: 5 });
    expect(await app.backendBadge(120_000)).toMatch(/WebGPU/);
    const checkpoint = await app.waitForCheckpoint(0, 240_000);
    await injectFault(page, 'deviceLoss');
    const moved = await switchNotice(page);
    expect(moved).toMatchObject({ from: 'webgpu', to: 'wasm' });
    expect(moved.resumedFrom).toBeGreaterThanOrEqual(checkpoint);
    expect(moved.text).toMatch(/The WebGPU device was lost \(destroyed/);
    expect(await app.backendBadge()).toContain('WebGPU failed mid-run: the WebGPU device was lost');
    expect(await app.waitForStep(moved.resumedFrom + 5)).toBeGreaterThan(moved.resumedFrom);
    await app.stopTraining();
    expect(await app.trainErrorText()).toBeNull();
  }, TEST_TIMEOUT_MS);

  test('a crashed worker is reported and restarted: the data loads again, the stored run is intact and resumes from its checkpoint', async ({ app }) => {
    const page = app.page;
    await app.trainFrom('?backend=wasm&faults=1&checkpointEvery=1&data.rows=3000', { steps: 3000, batchSize: 16, fullPathWarmupSteps: 0, evalEvery: 100, evalRows: 64, seed: 6 });
    await app.waitForCheckpoint();
    const loadsBefore = Number(await app.dataPanel.getAttribute('data-load-seq'));
    await injectFault(page, 'crash');
    const notice = page.getByTestId('worker-restarted');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.innerText()).toMatch(/The background worker crashed \(.*the worker crashed \(an error injected by a test\)\) and was restarted\. Stored runs are safe/);
    expect(await notice.getAttribute('data-count')).toBe('1');
    expect(await app.trainingStatus()).toBe('error');
    // The fresh worker loads the same data again by itself.
    await page.waitForFunction(
      (seq) => {
        const panel = document.querySelector('[data-testid="data-panel"]');
        return Number(panel?.getAttribute('data-load-seq')) > seq && panel?.getAttribute('data-status') === 'ready';
      },
      loadsBefore,
      { timeout: 60_000 },
    );
    expect(await app.rowCount()).toBe(3_000);
    expect(await app.backendBadge()).toContain('WASM');
    // The run is still stored, with its checkpoint, and the training panel offers it back.
    const box = page.getByTestId('resume-box');
    await box.waitFor({ timeout: 30_000 });
    expect(await box.getAttribute('data-cause')).toBe('crashed');
    expect(await box.innerText()).toMatch(/stopped when the background worker crashed/);
    // The newest checkpoint is offered: at least the last one the page heard of (the dying worker may have stored
    // one more whose message never arrived), and the run goes on from the step offered.
    const lastHeard = Number(await page.getByTestId('checkpoint-status').getAttribute('data-step'));
    const resume = page.getByTestId('resume-run');
    const offered = Number(/^Resume from step ([\d,]+)$/.exec(await resume.innerText())![1]!.replace(/,/g, ''));
    expect(offered).toBeGreaterThanOrEqual(lastHeard);
    expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(1);
    await resume.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="checkpoint-status"]')?.textContent?.includes('Resumed from step'), null, { timeout: 60_000 });
    expect(await page.getByTestId('checkpoint-status').innerText()).toContain(`Resumed from step ${offered.toLocaleString('en-US')}.`);
    expect(await app.waitForStep(offered + 5)).toBeGreaterThan(offered);
    await app.stopTraining();
    expect(await app.trainErrorText()).toBeNull();
    expect(await page.getByTestId('runs-table').locator('tbody tr').count()).toBe(1);
  }, TEST_TIMEOUT_MS);
});
