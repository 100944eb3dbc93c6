// Page-driver steps for the Search and Rank panels and the architecture inspector (used through PlaygroundPage).
import type { Download, Locator, Page } from 'playwright-core';

/** How long a small search or rank check may take (they train models from scratch). */
const JOB_TIMEOUT_MS = 150_000;

/** Search settings as a user types them; absent keys are left as they are. */
export interface SearchSettingsInput {
  method?: 'evolution' | 'random';
  population?: number;
  sampleSize?: number;
  children?: number;
  generations?: number;
  topK?: number;
  randomBudget?: number;
  proxyMode?: 'last' | 'whole' | 'none';
  proxySteps?: number;
  valRows?: number;
  finalists?: number;
  /** From-scratch step cap (finalists and baselines). */
  scratchCap?: number;
  seed?: number;
}

/** Rank-check settings as a user types them; absent keys are left as they are. */
export interface RankSettingsInput {
  k?: number;
  proxyMode?: 'last' | 'whole' | 'none';
  proxySteps?: number;
  valRows?: number;
  scratchCap?: number;
  ablation?: boolean;
  seed?: number;
}

/** Test ids of the number inputs (documented on the settings components). */
const SEARCH_FIELDS: Record<Exclude<keyof SearchSettingsInput, 'method' | 'proxyMode'>, string> = {
  population: 'search-population',
  sampleSize: 'search-sample-size',
  children: 'search-children',
  generations: 'search-generations',
  topK: 'search-top-k',
  randomBudget: 'search-random-budget',
  proxySteps: 'search-proxy-steps',
  valRows: 'search-val-rows',
  finalists: 'search-finalists',
  scratchCap: 'search-scratch-cap',
  seed: 'search-seed',
};
const RANK_FIELDS: Record<Exclude<keyof RankSettingsInput, 'ablation' | 'proxyMode'>, string> = {
  k: 'rank-k',
  proxySteps: 'rank-proxy-steps',
  valRows: 'rank-val-rows',
  scratchCap: 'rank-scratch-cap',
  seed: 'rank-seed',
};

/** Shared steps of a search or rank job: start, wait, stop, error text, why it cannot start. */
class JobSteps {
  constructor(
    readonly page: Page,
    private readonly job: 'search' | 'rank',
  ) {}

  /** The panel (`data-status` = idle | running | stopping | done | stopped | error). */
  get panel(): Locator {
    return this.page.getByTestId(`${this.job}-panel`);
  }

  async status(): Promise<string | null> {
    return this.panel.getAttribute('data-status');
  }

  /** The sentence shown beside a disabled Start button, or `null` when it can start. */
  async cannotStartText(): Promise<string | null> {
    const why = this.page.getByTestId(`${this.job}-cannot-start`);
    return (await why.count()) > 0 ? why.innerText() : null;
  }

  /** Clicks Start and waits until the panel shows the job running (or already over). */
  async start(): Promise<void> {
    await this.page.getByTestId(`${this.job}-start`).click();
    await this.waitForStatus(['running', 'stopping', 'done', 'stopped', 'error'], 10_000);
  }

  /** Waits until the job ends; throws with the panel's error text when it failed. */
  async waitUntilDone(timeoutMs = JOB_TIMEOUT_MS): Promise<void> {
    await this.waitForStatus(['done', 'stopped', 'error'], timeoutMs);
    const error = await this.errorText();
    if (error !== null) throw new Error(`${this.job} failed: ${error}`);
  }

  /** Clicks Stop and waits until the worker confirms. */
  async stop(): Promise<void> {
    await this.page.getByTestId(`${this.job}-stop`).click();
    await this.waitForStatus(['stopped', 'done', 'error'], JOB_TIMEOUT_MS);
  }

  /** Text of the panel's error alert, or `null` when none is shown. */
  async errorText(): Promise<string | null> {
    const alert = this.page.getByTestId(`${this.job}-error`);
    return (await alert.count()) > 0 ? alert.innerText() : null;
  }

  /** Waits until the progress line shows a stage with a time-left estimate; returns both. */
  async progressWithEta(timeoutMs = JOB_TIMEOUT_MS): Promise<{ stage: string; eta: string }> {
    const eta = this.page.getByTestId(`${this.job}-eta`).filter({ hasText: /^about .+ left$/ });
    await eta.waitFor({ timeout: timeoutMs });
    return { stage: (await this.page.getByTestId(`${this.job}-progress`).getAttribute('data-stage')) ?? '', eta: await eta.innerText() };
  }

  protected async fill(testId: string, value: number): Promise<void> {
    await this.page.getByTestId(testId).fill(String(value));
  }

  private async waitForStatus(statuses: string[], timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(
      ([id, wanted]) => wanted.includes(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') ?? ''),
      [`${this.job}-panel`, statuses] as const,
      { timeout: timeoutMs },
    );
  }
}

/** Step 4: configure and run a search, read its charts and results table. */
export class SearchSteps extends JobSteps {
  constructor(page: Page) {
    super(page, 'search');
  }

  async configure(settings: SearchSettingsInput): Promise<void> {
    if (settings.method) await this.page.getByTestId(`search-method-${settings.method}`).check();
    if (settings.proxyMode) await this.page.getByTestId('search-proxy-mode').selectOption(settings.proxyMode);
    for (const [key, testId] of Object.entries(SEARCH_FIELDS) as [keyof typeof SEARCH_FIELDS, string][]) {
      const value = settings[key];
      if (value !== undefined) await this.fill(testId, value);
    }
  }

  /** Points drawn in the population-over-time chart. */
  async populationPoints(): Promise<number> {
    return this.page.getByTestId('population-chart').locator('g.scatter-point').count();
  }

  /** Shows proxy or test log loss on the Pareto chart. */
  async paretoMode(mode: 'proxy' | 'test'): Promise<void> {
    await this.page.getByTestId(`pareto-mode-${mode}`).check();
    await this.page.waitForFunction((m) => document.querySelector('[data-testid="pareto-chart"]')?.getAttribute('data-mode') === m, mode);
  }

  /** The Pareto chart's points (by series), front path and marked baselines (points or cost rules). */
  async pareto(): Promise<{ points: number; bySeries: Record<string, number>; frontPath: boolean; baselines: number }> {
    const chart = this.page.getByTestId('pareto-chart');
    const series = await chart.locator('g.scatter-point').evaluateAll((els) => els.map((el) => el.getAttribute('data-series') ?? ''));
    const bySeries: Record<string, number> = {};
    for (const s of series) bySeries[s] = (bySeries[s] ?? 0) + 1;
    const d = (await chart.locator('path.pareto-front').count()) > 0 ? await chart.locator('path.pareto-front').getAttribute('d') : '';
    return { points: series.length, bySeries, frontPath: (d ?? '').length > 0, baselines: Number(await chart.getAttribute('data-baselines')) };
  }

  /** Rows of the results table as `{ rowId, role }`, in the order shown. */
  async resultRows(): Promise<{ rowId: string; role: string }[]> {
    return this.page
      .getByTestId('search-results')
      .locator('tbody tr')
      .evaluateAll((els) => els.map((el) => ({ rowId: el.getAttribute('data-row-id') ?? '', role: el.getAttribute('data-role') ?? '' })));
  }

  /** Hovers the first point of the population chart; returns its id (an arch key). */
  async hoverFirstPopulationPoint(): Promise<string> {
    const point = this.page.getByTestId('population-chart').locator('g.scatter-point').first();
    await point.hover();
    return (await point.getAttribute('data-id')) ?? '';
  }

  /** Clicks the first results row with `role` (candidate | finalist | baseline) and waits for the inspector. */
  /** Clicks one of the winner's export buttons; returns every file the browser was offered (name and saved path). */
  async exportWinner(kind: 'model' | 'pytorch'): Promise<{ name: string; path: string }[]> {
    const button = this.page.getByTestId(kind === 'model' ? 'download-model' : 'download-pytorch');
    const count = kind === 'model' ? 2 : 1;
    const downloads: Download[] = [];
    const done = new Promise<void>((resolve) => {
      const onDownload = (d: Download) => {
        downloads.push(d);
        if (downloads.length === count) {
          this.page.off('download', onDownload);
          resolve();
        }
      };
      this.page.on('download', onDownload);
    });
    await button.click();
    await done;
    await this.page.waitForFunction(() => /^Downloaded /.test(document.querySelector('[data-testid="winner-export-status"]')?.textContent ?? ''));
    return Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), path: (await d.path())! })));
  }

  async inspectRow(role: 'candidate' | 'finalist' | 'baseline'): Promise<string> {
    const row = this.page.getByTestId('search-results').locator(`tbody tr[data-role="${role}"]`).first();
    const rowId = (await row.getAttribute('data-row-id')) ?? '';
    await row.click();
    await this.panel.getByTestId('arch-inspector').waitFor();
    return rowId;
  }
}

/** Step 5: configure and run a rank check, read τ, ρ and the charts. */
export class RankSteps extends JobSteps {
  constructor(page: Page) {
    super(page, 'rank');
  }

  async configure(settings: RankSettingsInput): Promise<void> {
    if (settings.proxyMode) await this.page.getByTestId('rank-proxy-mode').selectOption(settings.proxyMode);
    const ablation = this.page.getByTestId('rank-ablation');
    // The switch's track covers its checkbox: click the label around it, as a user does.
    if (settings.ablation !== undefined && (await ablation.isChecked()) !== settings.ablation) await ablation.locator('xpath=ancestor::label[1]').click();
    for (const [key, testId] of Object.entries(RANK_FIELDS) as [keyof typeof RANK_FIELDS, string][]) {
      const value = settings[key];
      if (value !== undefined) await this.fill(testId, value);
    }
  }

  /** Points drawn in the proxy-against-standalone scatter. */
  async scatterPoints(): Promise<number> {
    return this.page.getByTestId('rank-scatter').locator('g.scatter-point').count();
  }

  /** Kendall's τ and Spearman's ρ of the plotted setting, each with its interval, and the text shown. */
  async correlations(): Promise<{ tau: number[]; rho: number[]; text: string }> {
    const read = async (id: string) => {
      const el = this.page.getByTestId(id);
      return Promise.all(['data-value', 'data-lo', 'data-hi'].map(async (a) => Number(await el.getAttribute(a))));
    };
    const text = `${await this.page.getByTestId('rank-tau').innerText()} ${await this.page.getByTestId('rank-rho').innerText()}`;
    return { tau: await read('rank-tau'), rho: await read('rank-rho'), text };
  }

  /** Settings drawn in the ablation chart (1 = the default only). */
  async ablationSettings(): Promise<number> {
    return Number(await this.page.getByTestId('rank-ablation-chart').getAttribute('data-settings'));
  }

  /** Clicks the first point of the scatter and waits for the rank panel's inspector; returns the point's id. */
  async inspectFirstPoint(): Promise<string> {
    const point = this.page.getByTestId('rank-scatter').locator('g.scatter-point').first();
    const id = (await point.getAttribute('data-id')) ?? '';
    await point.click();
    await this.panel.getByTestId('arch-inspector').waitFor();
    return id;
  }
}

/** The architecture inspector of a panel (`arch-inspector`). */
export class InspectorSteps {
  constructor(private readonly page: Page) {}

  /** What the inspector in `panel` shows: the model's id, blocks drawn, metric labels, and the architecture JSON. */
  async read(panel: 'search' | 'rank'): Promise<{ id: string; blocks: number; metrics: string[]; json: string }> {
    const inspector = this.page.getByTestId(`${panel}-panel`).getByTestId('arch-inspector');
    const metrics = await inspector.getByTestId('inspector-metrics').locator('dt').allInnerTexts();
    const hasGraph = (await inspector.getByTestId('inspector-graph').count()) > 0;
    return {
      id: (await inspector.getAttribute('data-id')) ?? '',
      blocks: hasGraph ? await inspector.getByTestId('inspector-graph').locator('g.block').count() : 0,
      metrics,
      json: hasGraph ? ((await inspector.getByTestId('inspector-json').textContent()) ?? '') : '',
    };
  }

  /** Clicks "Download JSON" in `panel`'s inspector; returns the file name the browser was offered. */
  async downloadJson(panel: 'search' | 'rank'): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`${panel}-panel`).getByTestId('inspector-download').click()]);
    return download.suggestedFilename();
  }

  /** Clicks "Download JSON" or "Export NasRec JSON"; returns the file's suggested name and where it was saved. */
  async saveExport(panel: 'search' | 'rank', kind: 'json' | 'nasrec'): Promise<{ name: string; path: string }> {
    const button = kind === 'json' ? 'inspector-download' : 'inspector-nasrec';
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`${panel}-panel`).getByTestId(button).first().click()]);
    return { name: download.suggestedFilename(), path: (await download.path())! };
  }

  /**
   * Opens a file (or files chosen together, e.g. model.json and its weights) in the Search panel's "Open an
   * architecture file"; returns the imported inspector's key, or the error shown.
   */
  async importArch(filePath: string | string[]): Promise<{ key: string | null; error: string | null }> {
    const card = this.page.getByTestId('arch-import');
    // Close what an earlier import opened, so the answer below is this file's.
    if (await card.getByTestId('inspector-close').count()) await card.getByTestId('inspector-close').click();
    await card.getByTestId('arch-import-input').setInputFiles(filePath);
    await this.page.waitForFunction(() => document.querySelector('[data-testid="arch-import"] [data-testid="inspector-key"], [data-testid="arch-import-error"]') !== null);
    const error = card.getByTestId('arch-import-error');
    if (await error.count()) return { key: null, error: await error.innerText() };
    return { key: await card.getByTestId('inspector-key').innerText(), error: null };
  }

  /** The imported inspector's metrics, label → value. */
  async importedMetrics(): Promise<Record<string, string>> {
    const list = this.page.getByTestId('arch-import').getByTestId('inspector-metrics');
    const labels = await list.locator('dt').allInnerTexts();
    const values = await list.locator('dd').allInnerTexts();
    return Object.fromEntries(labels.map((l, i) => [l, values[i] ?? '']));
  }

  async close(panel: 'search' | 'rank'): Promise<void> {
    await this.page.getByTestId(`${panel}-panel`).getByTestId('inspector-close').click();
  }
}
