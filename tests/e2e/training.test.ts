// Browser test of the Search space and Supernet training panels: a Tiny supernet trains on WebGPU, live.
import { describe, expect } from 'vitest';
import { test } from './fixture.ts';

/**
 * Light enough for SwiftShader's software WebGPU (seconds per step on two cores, more while shaders compile):
 * Tiny space, small batches, a small validation subset, no full-path warm-up (so each step draws a new path).
 */
const SETTINGS = { steps: 400, batchSize: 32, fullPathWarmupSteps: 0, evalEvery: 5, evalRows: 64, seed: 7 };
/** Generous: the first WebGPU steps compile shaders, and CI machines are slow. */
const TEST_TIMEOUT_MS = 400_000;

describe('Supernet training', () => {

  test('trains a Tiny supernet on WebGPU with a live step counter, loss chart and sampled graph, and pauses and resumes', async ({ app }) => {
    await app.open();
    await app.loadSample({ rows: 5_000, seed: 1 });
    expect(await app.rowCount()).toBe(5_000);

    await app.chooseSpacePreset('tiny');
    expect(await app.spaceSizeText()).toMatch(/^[\d,.]+( × 10\^\d+)?$/);
    expect(Number((await app.supernetParamsText()).replace(/[^\d]/g, ''))).toBeGreaterThan(0);

    await app.setTrainSettings(SETTINGS);
    await app.setTrainingSpeed('max');
    await app.startTraining();
    expect(await app.backendBadge()).toContain('WebGPU');
    expect(await app.page.getByTestId('train-backend').getAttribute('data-backend')).toBe('webgpu');

    // The counter advances, and the graph shows a new path between two progress messages.
    const first = await app.waitForStep(1);
    const graphBefore = await app.archGraph();
    const edgesBefore = await app.archEdges();
    expect(graphBefore.blocks).toHaveLength(3);
    const later = await app.waitForStep(first + 2);
    expect(later).toBeGreaterThan(first);
    expect(await app.stepCounterText()).toMatch(/^step \d+ \/ 400$/);
    await app.page.waitForFunction(
      (step) => Number(document.querySelector('[data-testid="arch-graph"]')?.getAttribute('data-step')) > step,
      graphBefore.step,
    );
    const graphAfter = await app.archGraph();
    expect(graphAfter.step).toBeGreaterThan(graphBefore.step);
    expect(JSON.stringify([graphAfter.blocks, await app.archEdges()])).not.toBe(JSON.stringify([graphBefore.blocks, edgesBefore]));
    for (const block of await app.page.getByTestId('arch-graph').locator('g.block').all()) {
      expect(await block.getAttribute('data-dense-op')).toMatch(/^(fc|sg|sum|dp)$/);
      expect(await block.getAttribute('data-sparse-op')).toMatch(/^(efc|attn)$/);
    }

    // The loss chart draws one train-loss line and validation points as they arrive.
    await app.waitForStep(11); // train losses are read back from the GPU every 10 steps
    await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="loss-chart"] circle.val-point').length >= 1, undefined, { timeout: 120_000 });
    const marks = await app.lossChartMarks();
    expect(marks.trainPaths).toBe(1);
    expect(marks.trainPathLength).toBeGreaterThan(10);
    expect(marks.valPoints).toBeGreaterThanOrEqual(1);
    expect(Number(await app.page.getByTestId('train-samples-per-sec').getAttribute('data-value'))).toBeGreaterThan(0);
    expect(await app.page.getByTestId('op-balance').locator('td.heat-cell').count()).toBe(3 * 6);

    // Pause: the counter stays put for a second. Resume: it moves again.
    await app.pauseTraining();
    const paused = await app.stepCounter();
    await app.page.waitForTimeout(1_000);
    expect(await app.stepCounter()).toBe(paused);
    expect(await app.trainingStatus()).toBe('paused');

    await app.resumeTraining();
    expect(await app.waitForStep(paused + 2)).toBeGreaterThanOrEqual(paused + 2);

    await app.stopTraining();
    expect(await app.trainingStatus()).toBe('stopped');
    expect(await app.trainErrorText()).toBeNull();
    expect(app.errors).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
