// Browser test of the Search and Rank panels: a tiny search and rank check on the Tiny space, end to end, on wasm.
import { describe, expect, inject } from 'vitest';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { test } from './fixture.ts';

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

  test('searches a trained Tiny supernet on wasm, draws population, Pareto and rank charts, and inspects an architecture; no request leaves the origin', async ({ app }) => {
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

    // The trained winner downloads as tfjs model files, and opened again it scores on the loaded test split
    // exactly what the search measured.
    // The winner's row: role, order, proxy loss, then its test log loss.
    const winnerTest = await app.page.getByTestId('search-results').locator('tbody tr[data-role="finalist"]:has(.tag-winner) td:nth-of-type(4)').innerText();
    expect(winnerTest).toMatch(/^\d+\.\d{4}$/);
    const files = await app.search.exportWinner('model');
    expect(files.map((f) => f.name).sort()).toEqual(['model.json', 'model.weights.bin']);
    const modelJson = JSON.parse(await readFile(files.find((f) => f.name === 'model.json')!.path, 'utf8')) as {
      format: string;
      modelTopology: { arch: { blocks: unknown[] }; encoding: { format: string } };
      weightsManifest: { paths: string[]; weights: { shape: number[] }[] }[];
      userDefinedMetadata: { test: { logLoss: number } };
    };
    expect(modelJson.format).toBe('nasrec-playground/standalone');
    expect(modelJson.modelTopology.arch.blocks).toHaveLength(3);
    expect(modelJson.modelTopology.encoding.format).toBe('criteo');
    expect(modelJson.weightsManifest[0]!.paths).toEqual(['model.weights.bin']);
    const floats = modelJson.weightsManifest[0]!.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    expect((await readFile(files.find((f) => f.name === 'model.weights.bin')!.path)).length).toBe(4 * floats);
    expect(modelJson.userDefinedMetadata.test.logLoss.toFixed(4)).toBe(winnerTest);
    // Saved under their own names, as a user's downloads folder would have them.
    const dir = await mkdtemp(join(tmpdir(), 'nasrec-model-'));
    const saved = await Promise.all(files.map(async (f) => {
      const to = join(dir, f.name);
      await copyFile(f.path, to);
      return to;
    }));
    const reopened = await app.inspector.importArch(saved);
    expect(reopened.error).toBeNull();
    const metrics = await app.inspector.importedMetrics();
    expect(metrics['Test log loss (stored in the file)']).toBe(winnerTest);
    expect(metrics[Object.keys(metrics).find((k) => k.startsWith('Test log loss on the loaded data'))!]).toBe(winnerTest);
    expect(await app.inspector.importArch(saved[0]!.endsWith('.json') ? saved[0]! : saved[1]!)).toMatchObject({ error: expect.stringMatching(/choose it together with its weights file \(model\.weights\.bin\)/) });
    // The PyTorch bundle: module, §11 training script, README and the trained weights, in one zip.
    const [bundle] = await app.search.exportWinner('pytorch');
    expect(bundle!.name).toMatch(/^nasrec-.+-pytorch\.zip$/);
    const entries = Object.keys(unzipSync(new Uint8Array(await readFile(bundle!.path)))).map((e) => e.split('/').pop());
    expect(entries.sort()).toEqual(['README.md', 'model.json', 'model.weights.bin', 'nasrec_model.py', 'train_nasrec.py']);

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

    // Both results are kept with the run whose supernet they used: the runs list shows the winner and τ.
    const runRow = app.page.getByTestId('runs-table').locator('tbody tr').first();
    await app.page.waitForFunction(() => /\d\.\d{2} \[/.test(document.querySelector('[data-testid="runs-table"] [data-testid="run-rank"]')?.textContent ?? ''));
    expect(await runRow.getByTestId('run-search').innerText()).toMatch(new RegExp(`: ${winnerTest}$`));
    expect(await runRow.getByTestId('run-rank').innerText()).toMatch(new RegExp(`^${tau[0]!.toFixed(2).replace('-', '−')} \\[`));

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
