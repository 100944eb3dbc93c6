// Browser test of the Search and Rank panels: a tiny search and rank check on the Tiny space, end to end, on wasm.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { PlaygroundPage } from './driver.ts';

/**
 * Everything tiny, on the wasm backend (`?backend=wasm`): SwiftShader's software WebGPU takes seconds per step.
 * 40 supernet steps; 4 + 1 × 2 = 6 candidates with 5 fine-tune steps on 256 validation rows; 1 finalist and the
 * baselines capped at 10 steps each; a rank check of 4 architectures capped at 10 steps each.
 */
const TRAIN = { steps: 40, batchSize: 32, fullPathWarmupSteps: 0, evalEvery: 20, evalRows: 256, seed: 7 };
const SEARCH = { method: 'evolution', population: 4, sampleSize: 2, children: 2, generations: 1, topK: 1, finalists: 1, proxySteps: 5, valRows: 256, scratchCap: 10, seed: 3 } as const;
const RANK = { k: 4, proxySteps: 5, valRows: 256, scratchCap: 10, ablation: false, seed: 3 } as const;
const TEST_TIMEOUT_MS = 300_000;

describe('Search and rank check', () => {
  let app: PlaygroundPage;

  beforeEach(async () => {
    app = await PlaygroundPage.launch(inject('baseUrl'));
  });
  afterEach(async () => {
    if (app) await app.close();
  });

  it('searches a trained Tiny supernet on wasm, draws population, Pareto and rank charts, and inspects an architecture; no request leaves the origin', async () => {
    // Every request of the session (page, worker, wasm binaries, the download) is recorded: none may leave the origin.
    const origin = new URL(inject('baseUrl')).origin;
    const requests: string[] = [];
    app.page.context().on('request', (r) => requests.push(r.url()));
    await app.open({ backend: 'wasm' });
    const badge = await app.backendBadge();
    expect(badge).toContain('WASM');
    expect(badge).toContain('chosen by the page address (?backend=wasm)');
    expect(await app.search.cannotStartText()).toMatch(/^Train a supernet in step 3 first/);
    expect(await app.rank.cannotStartText()).toMatch(/^Train a supernet in step 3 first/);

    await app.loadSample({ rows: 5_000, seed: 1 });
    await app.chooseSpacePreset('tiny');
    await app.setTrainSettings(TRAIN);
    await app.setTrainingSpeed('max');
    await app.startTraining();
    expect(await app.waitForTrainingEnd()).toBe('finished');
    expect(await app.search.cannotStartText()).toBeNull();

    // Search: 6 candidates, then 1 finalist and the baselines from scratch.
    await app.search.configure(SEARCH);
    await app.search.start();
    await app.search.waitUntilDone();
    expect(await app.search.status()).toBe('done');
    expect(await app.search.populationPoints()).toBe(6);
    const proxyView = await app.search.pareto();
    expect(proxyView.points).toBe(6);
    expect(proxyView.frontPath).toBe(true);
    expect(proxyView.baselines).toBeGreaterThanOrEqual(2);

    const rows = await app.search.resultRows();
    const baselineRows = rows.filter((r) => r.role === 'baseline').length;
    expect(rows.filter((r) => r.role === 'finalist')).toHaveLength(1);
    expect(rows.filter((r) => r.role === 'candidate')).toHaveLength(5);
    expect(baselineRows).toBe(proxyView.baselines);

    await app.search.paretoMode('test');
    const testView = await app.search.pareto();
    expect(testView.bySeries).toEqual({ finalist: 1, baseline: baselineRows });
    expect(testView.baselines).toBe(baselineRows);

    // Hovering a point highlights the same architecture in the table and the other chart.
    await app.search.paretoMode('proxy');
    const hovered = await app.search.hoverFirstPopulationPoint();
    const hoveredRow = app.page.getByTestId('search-results').locator('tbody tr.is-hovered').first();
    await hoveredRow.waitFor();
    expect(await hoveredRow.getAttribute('data-row-id')).toBe(`c:${hovered}`);
    expect(await app.page.getByTestId('pareto-chart').locator('g.scatter-point.is-hovered').first().getAttribute('data-id')).toBe(hovered);

    // The inspector: block graph, JSON, metrics and a download.
    const rowId = await app.search.inspectRow('finalist');
    const inspected = await app.inspector.read('search');
    expect(`c:${inspected.id}`).toBe(rowId);
    expect(inspected.blocks).toBe(3);
    expect(JSON.parse(inspected.json)).toMatchObject({ version: 1, blocks: expect.any(Array) });
    expect(inspected.metrics).toEqual(expect.arrayContaining(['Proxy loss (validation)', 'Test log loss', 'Test AUC', 'FLOPs per example']));
    expect(await app.inspector.downloadJson('search')).toMatch(/^arch-.+\.json$/);
    // Both exports open again in the playground as the same architecture.
    const inspectedKey = await app.page.getByTestId('search-panel').getByTestId('inspector-key').first().innerText();
    const json = await app.inspector.saveExport('search', 'json');
    const nasrec = await app.inspector.saveExport('search', 'nasrec');
    expect(nasrec.name).toMatch(/-nasrec\.json$/);
    expect(await app.inspector.importArch(json.path)).toEqual({ key: inspectedKey, error: null });
    expect(await app.inspector.importArch(nasrec.path)).toEqual({ key: inspectedKey, error: null });
    await app.page.getByTestId('arch-import').getByTestId('inspector-close').click();

    // Rank check: 4 architectures, proxy against from scratch, τ and ρ with intervals.
    await app.rank.configure(RANK);
    await app.rank.start();
    await app.rank.waitUntilDone();
    expect(await app.rank.scatterPoints()).toBe(4);
    const { tau, rho, text } = await app.rank.correlations();
    expect(tau).toHaveLength(3);
    expect(rho).toHaveLength(3);
    expect(text).toMatch(/Kendall's τ = .+ \(95 % CI .+ to .+\)/);
    expect(await app.rank.ablationSettings()).toBe(1);
    const pointId = await app.rank.inspectFirstPoint();
    expect((await app.inspector.read('rank')).id).toBe(pointId);

    // A longer search shows its stage and time left, keeps training from starting, and stops on request.
    await app.search.configure({ population: 16, sampleSize: 8, children: 4, generations: 10, topK: 2, proxySteps: 100, valRows: 1024 });
    await app.search.start();
    const { stage, eta } = await app.search.progressWithEta();
    expect(stage).toBe('Scoring candidates');
    expect(eta).toMatch(/^about \d+ (s|min) left$/);
    expect(await app.page.getByTestId('train-cannot-start').innerText()).toMatch(/search or rank check is using the supernet/);
    expect(await app.rank.cannotStartText()).toMatch(/^A search is running/);
    await app.search.stop();
    expect(await app.search.status()).toBe('stopped');
    expect(await app.search.populationPoints()).toBeGreaterThan(0);
    expect(await app.search.cannotStartText()).toBeNull();

    expect(app.errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    const external = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
    expect(external).toEqual([]);
  }, TEST_TIMEOUT_MS);
});
