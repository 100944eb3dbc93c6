// Page driver for browser tests: launches Debian's Chromium via playwright-core and speaks in user steps.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { InspectorSteps, RankSteps, SearchSteps } from './analysisDriver.ts';

/** Flags from docs/ENVIRONMENT.md: quiet networking, no sandbox (root in CI), WebGPU through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
];

/** Where Chromium is: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches headless Chromium; throws with install instructions when the executable is missing. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Browser tests need it: run \`apt-get update && apt-get install -y chromium\` ` +
        '(Debian), or set CHROMIUM_PATH to a Chromium/Chrome executable. Do not use `npx playwright install`.',
    );
  }
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

/** How long to wait for a load to finish (SwiftShader CI machines are slow). */
const LOAD_TIMEOUT_MS = 120_000;
/** How long to wait for training to reach a step (the first WebGPU steps compile shaders for a while). */
const TRAIN_TIMEOUT_MS = 150_000;

/** Training settings as a user types them; absent keys are left as they are. */
export interface TrainSettingsInput {
  steps?: number;
  batchSize?: number;
  lr?: number;
  fullPathWarmupSteps?: number;
  evalEvery?: number;
  evalRows?: number;
  seed?: number;
}

const TRAIN_FIELD_IDS: Record<keyof TrainSettingsInput, string> = {
  steps: 'train-steps',
  batchSize: 'train-batch',
  lr: 'train-lr',
  fullPathWarmupSteps: 'train-warmup',
  evalEvery: 'train-eval-every',
  evalRows: 'train-eval-rows',
  seed: 'train-seed-input',
};

/** One browser tab on the Playground, driven the way a user would drive it. */
export class PlaygroundPage {
  /** Console errors and uncaught exceptions seen so far (page and its workers). */
  readonly errors: string[] = [];
  /** Step 4 (Search), step 5 (Rank check) and the architecture inspector: see analysisDriver.ts. */
  readonly search: SearchSteps;
  readonly rank: RankSteps;
  readonly inspector: InspectorSteps;

  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly baseUrl: string,
  ) {
    this.search = new SearchSteps(page);
    this.rank = new RankSteps(page);
    this.inspector = new InspectorSteps(page);
    page.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => this.errors.push(`uncaught: ${err.message}`));
    page.on('worker', (worker) => worker.on('console', (msg) => {
      if (msg.type() === 'error') this.errors.push(`worker console.error: ${msg.text()}`);
    }));
  }

  /** Launches Chromium with a 1280×800 tab on `baseUrl` (not opened yet: call `open()`). */
  static async launch(baseUrl: string): Promise<PlaygroundPage> {
    const browser = await launchChromium();
    // Clipboard permissions let a test read what "Copy link" copied.
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    return new PlaygroundPage(browser, page, baseUrl);
  }

  /** The Data panel (`data-status` = idle | loading | ready | error | cancelled). */
  get dataPanel(): Locator {
    return this.page.getByTestId('data-panel');
  }

  /**
   * Opens the app and waits until the page has rendered and the first (automatic) load has started.
   * `backend` adds `?backend=` to the address: the worker tries that tfjs backend first.
   */
  async open({ backend }: { backend?: 'webgpu' | 'wasm' | 'cpu' } = {}): Promise<void> {
    await this.page.goto(backend ? `${this.baseUrl}?backend=${backend}` : this.baseUrl);
    await this.page.getByRole('heading', { level: 1, name: 'NASRec Playground' }).waitFor();
    await this.page.waitForFunction(() => Number(document.querySelector('[data-testid="data-panel"]')?.getAttribute('data-load-seq')) > 0);
  }

  /** Opens the app at `query` (a share link's "?…") and waits for the page to render; starts no load of its own. */
  async openLink(query: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}${query}`);
    await this.page.getByRole('heading', { level: 1, name: 'NASRec Playground' }).waitFor();
  }

  /** Clicks "Copy link" and returns the link: from the clipboard, or the field shown when the clipboard is refused. */
  async copyLink(): Promise<string> {
    await this.page.getByTestId('copy-link').click();
    const status = this.page.getByTestId('copy-link-status');
    const manual = this.page.getByTestId('copy-link-text');
    await this.page.waitForFunction(() =>
      document.querySelector('[data-testid="copy-link-text"]') !== null || document.querySelector('[data-testid="copy-link-status"]')?.textContent !== '',
    );
    if (await manual.count()) return manual.inputValue();
    expect(await status.innerText()).toMatch(/Link copied/);
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The value of the input with `data-testid=testId`. */
  async inputValue(testId: string): Promise<string> {
    return this.page.getByTestId(testId).inputValue();
  }

  /** Types rows and seed into the built-in sample form, clicks "Load sample" and waits for the result. */
  async loadSample({ rows, seed }: { rows: number; seed: number }): Promise<void> {
    await this.page.getByTestId('sample-rows').fill(String(rows));
    await this.page.getByTestId('sample-seed').fill(String(seed));
    await this.startingNewLoad(() => this.page.getByTestId('load-sample').click());
  }

  /** Starts a built-in sample load without waiting for it; returns once progress (rows read > 0) shows. */
  async startSample({ rows, seed }: { rows: number; seed: number }): Promise<void> {
    await this.page.getByTestId('sample-rows').fill(String(rows));
    await this.page.getByTestId('sample-seed').fill(String(seed));
    await this.page.getByTestId('load-sample').click();
    await this.page.getByTestId('progress-numbers').filter({ hasText: /^[1-9][\d,]* rows/ }).waitFor({ timeout: LOAD_TIMEOUT_MS });
  }

  /** Clicks Cancel on the running load and waits for the panel to say the load was cancelled. */
  async cancelLoad(): Promise<string> {
    await this.page.getByTestId('cancel-load').click();
    const notice = this.page.getByTestId('load-cancelled');
    await notice.waitFor({ timeout: LOAD_TIMEOUT_MS });
    return notice.innerText();
  }

  /** Chooses `filePath` in the file input and waits until the load succeeds or fails. */
  async loadFile(filePath: string): Promise<void> {
    await this.startingNewLoad(() => this.page.getByTestId('file-input').setInputFiles(filePath));
  }

  /** Types `url` into the URL field, clicks "Load URL" and waits until the load succeeds or fails. */
  async loadUrl(url: string): Promise<void> {
    await this.page.getByTestId('url-input').fill(url);
    await this.startingNewLoad(() => this.page.getByTestId('load-url').click());
  }

  /** Waits until the Data panel shows statistics (a load finished successfully). */
  async waitForStats(): Promise<void> {
    await this.page.getByTestId('stats-rows').waitFor({ timeout: LOAD_TIMEOUT_MS });
  }

  /** The row count shown in the statistics table, as a number. */
  async rowCount(): Promise<number> {
    const text = await this.page.getByTestId('stats-rows').innerText();
    return Number(text.replace(/[^\d]/g, ''));
  }

  /** The label rate as shown, e.g. "21.8 %". */
  async labelRateText(): Promise<string> {
    return this.page.getByTestId('stats-label-rate').innerText();
  }

  /** Text of the Data panel's error alert, or `null` when none is shown. */
  async errorText(): Promise<string | null> {
    const alert = this.page.getByTestId('data-error');
    return (await alert.count()) > 0 ? alert.innerText() : null;
  }

  /** The backend badge's text once the worker has reported a backend (waits up to `timeoutMs`). */
  async backendBadge(timeoutMs = 60_000): Promise<string> {
    const badge = this.page.getByTestId('backend-badge');
    await this.page.waitForFunction(
      () => !document.querySelector('[data-testid="backend-badge"]')?.textContent?.includes('Detecting'),
      undefined,
      { timeout: timeoutMs },
    );
    return badge.innerText();
  }

  /** Text of the rejected-rows report. */
  async badRowsText(): Promise<string> {
    return this.page.getByTestId('bad-rows').innerText();
  }

  /** Number of bars in the distinct-count chart. */
  async distinctBarCount(): Promise<number> {
    return this.page.getByTestId('distinct-chart').locator('rect.bar').count();
  }

  /** The Search space panel (`data-preset`, `data-valid`). */
  get spacePanel(): Locator {
    return this.page.getByTestId('space-panel');
  }

  /** The Supernet training panel (`data-status` = idle | starting | running | paused | finished | stopped | error). */
  get trainingPanel(): Locator {
    return this.page.getByTestId('training-panel');
  }

  /** Picks a search-space preset ('full' | 'small' | 'tiny'). */
  async chooseSpacePreset(name: 'full' | 'small' | 'tiny'): Promise<void> {
    await this.page.getByTestId('space-preset').selectOption(name);
    await this.page.waitForFunction((n) => document.querySelector('[data-testid="space-panel"]')?.getAttribute('data-preset') === n, name);
  }

  /** The space size once the worker has counted it, as the worker wrote it, e.g. "1.1 × 10^11" (or the problem shown instead). */
  async spaceSizeText(timeoutMs = 30_000): Promise<string> {
    const shown = await this.settledText('space-size', timeoutMs);
    return (await this.page.getByTestId('space-size').getAttribute('data-size-text')) || shown;
  }

  /** The supernet parameter count as shown once counted, e.g. "123,456". */
  async supernetParamsText(timeoutMs = 30_000): Promise<string> {
    return this.settledText('supernet-params', timeoutMs);
  }

  /** Types training settings into the settings card. */
  async setTrainSettings(settings: TrainSettingsInput): Promise<void> {
    for (const [key, value] of Object.entries(settings) as [keyof TrainSettingsInput, number | undefined][]) {
      if (value !== undefined) await this.page.getByTestId(TRAIN_FIELD_IDS[key]).fill(String(value));
    }
  }

  /** Chooses the speed cap: steps per second, or 'max'. */
  async setTrainingSpeed(speed: number | 'max'): Promise<void> {
    await this.page.getByTestId('train-speed').selectOption(speed === 'max' ? '0' : String(speed));
  }

  /** Clicks Start and waits until the worker reports the job running (or failing). */
  async startTraining(): Promise<void> {
    await this.page.getByTestId('train-start').click();
    await this.waitForTrainingStatus(['running', 'paused', 'finished', 'error'], TRAIN_TIMEOUT_MS);
  }

  /** Clicks Pause, waits for the button to offer Resume and for the worker to confirm (a step under way finishes first). */
  async pauseTraining(): Promise<void> {
    await this.page.getByTestId('train-pause').click();
    await this.page.getByTestId('train-resume').waitFor();
    await this.waitForConfirmed(['paused', 'stopped', 'finished', 'error']);
  }

  /** Clicks Resume and waits for the button to offer Pause again and for the worker to confirm. */
  async resumeTraining(): Promise<void> {
    await this.page.getByTestId('train-resume').click();
    await this.page.getByTestId('train-pause').waitFor();
    await this.waitForConfirmed(['running', 'stopped', 'finished', 'error']);
  }

  /** Clicks the single-step button. */
  async stepTraining(): Promise<void> {
    await this.page.getByTestId('train-step').click();
  }

  /**
   * Opens the app at `query` (a share link's "?…"), waits for the data, types `settings`, sets full speed and starts
   * training (the usual start of a training test).
   */
  async trainFrom(query: string, settings: TrainSettingsInput): Promise<void> {
    await this.openLink(query);
    await this.waitForStats();
    await this.setTrainSettings(settings);
    await this.setTrainingSpeed('max');
    await this.startTraining();
  }

  /** Waits until the run's stored checkpoint is past step `after` and returns its step. */
  async waitForCheckpoint(after = 0, timeoutMs = TRAIN_TIMEOUT_MS): Promise<number> {
    await this.page.waitForFunction((s) => Number(document.querySelector('[data-testid="checkpoint-status"]')?.getAttribute('data-step')) > s, after, { timeout: timeoutMs });
    return Number(await this.page.getByTestId('checkpoint-status').getAttribute('data-step'));
  }

  /** Clicks Stop and waits until the run has ended. */
  async stopTraining(): Promise<void> {
    await this.page.getByTestId('train-stop').click();
    await this.waitForTrainingStatus(['stopped', 'finished', 'error'], TRAIN_TIMEOUT_MS);
  }

  /** Waits until the run has ended (finished, stopped or failed) and returns the status; slow backends get `timeoutMs`. */
  async waitForTrainingEnd(timeoutMs = TRAIN_TIMEOUT_MS): Promise<string | null> {
    await this.waitForTrainingStatus(['finished', 'stopped', 'error'], timeoutMs);
    return this.trainingStatus();
  }

  /** The training panel's status. */
  async trainingStatus(): Promise<string | null> {
    return this.trainingPanel.getAttribute('data-status');
  }

  /** The step the counter shows. */
  async stepCounter(): Promise<number> {
    return Number(await this.page.getByTestId('train-step-counter').getAttribute('data-step'));
  }

  /** The counter's text, e.g. "step 120 / 2,000". */
  async stepCounterText(): Promise<string> {
    return (await this.page.getByTestId('train-step-counter').innerText()).replace(/\s+/g, ' ').trim();
  }

  /** Waits until the counter shows at least step `n`; fails early with the panel's error if training fails. */
  async waitForStep(n: number, timeoutMs = TRAIN_TIMEOUT_MS): Promise<number> {
    await this.page.waitForFunction(
      (target) => {
        const panel = document.querySelector('[data-testid="training-panel"]');
        if (panel?.getAttribute('data-status') === 'error') return true;
        return Number(document.querySelector('[data-testid="train-step-counter"]')?.getAttribute('data-step')) >= target;
      },
      n,
      { timeout: timeoutMs },
    );
    const error = await this.trainErrorText();
    if (error !== null) throw new Error(`training failed before step ${n}: ${error}`);
    return this.stepCounter();
  }

  /** Text of the training panel's error alert, or `null` when none is shown. */
  async trainErrorText(): Promise<string | null> {
    const alert = this.page.getByTestId('train-error');
    return (await alert.count()) > 0 ? alert.innerText() : null;
  }

  /** Marks drawn in the loss chart: train-loss paths and validation points. */
  async lossChartMarks(): Promise<{ trainPaths: number; trainPathLength: number; valPoints: number }> {
    const chart = this.page.getByTestId('loss-chart');
    const trainPaths = await chart.locator('path.train-loss').count();
    const d = trainPaths > 0 ? ((await chart.locator('path.train-loss').first().getAttribute('d')) ?? '') : '';
    return { trainPaths, trainPathLength: d.length, valPoints: await chart.locator('circle.val-point').count() };
  }

  /** The sampled architecture as drawn: the step it came from and one "dense/sparse/d/s/flags/dead" per block. */
  async archGraph(): Promise<{ step: number; blocks: string[] }> {
    const graph = this.page.getByTestId('arch-graph');
    const step = Number(await graph.getAttribute('data-step'));
    const blocks = await graph.locator('g.block').evaluateAll((els) =>
      els.map((el) =>
        ['data-dense-op', 'data-sparse-op', 'data-dense-dim', 'data-sparse-dim', 'data-interact', 'data-deep-fm', 'data-dead'].map((a) => el.getAttribute(a)).join('/'),
      ),
    );
    return { step, blocks };
  }

  /** The arch graph's edges as "kind:from→to", for telling two drawn paths apart. */
  async archEdges(): Promise<string[]> {
    return this.page
      .getByTestId('arch-graph')
      .locator('g.edge')
      .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-kind')}:${el.getAttribute('data-from')}→${el.getAttribute('data-to')}`));
  }

  /** Saves a PNG of the whole page (or the viewport) for docs and debugging. */
  async screenshot(path: string, fullPage = false): Promise<void> {
    await this.page.screenshot({ path, fullPage });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Waits until the worker has confirmed the last pause/resume and the status is one of `statuses`. */
  private async waitForConfirmed(statuses: string[]): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => {
        const panel = document.querySelector('[data-testid="training-panel"]');
        return panel?.getAttribute('data-pending') === '' && wanted.includes(panel.getAttribute('data-status') ?? '');
      },
      statuses,
      { timeout: TRAIN_TIMEOUT_MS },
    );
  }

  /** Waits until the training panel's status is one of `statuses`. */
  private async waitForTrainingStatus(statuses: string[], timeoutMs: number): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => wanted.includes(document.querySelector('[data-testid="training-panel"]')?.getAttribute('data-status') ?? ''),
      statuses,
      { timeout: timeoutMs },
    );
  }

  /** Text of a live number once it is neither counting nor stale. */
  private async settledText(testId: string, timeoutMs: number): Promise<string> {
    await this.page.waitForFunction(
      (id) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        const status = el?.closest('[data-status]')?.getAttribute('data-status');
        return el !== null && (status === 'ready' || status === 'error');
      },
      testId,
      { timeout: timeoutMs },
    );
    return this.page.getByTestId(testId).innerText();
  }

  /** Runs `action` and waits for the load it starts to end (`ready`, `error` or `cancelled`). */
  private async startingNewLoad(action: () => Promise<void>): Promise<void> {
    const before = Number(await this.dataPanel.getAttribute('data-load-seq'));
    await action();
    await this.page.waitForFunction(
      (prev) => {
        const panel = document.querySelector('[data-testid="data-panel"]');
        const seq = Number(panel?.getAttribute('data-load-seq'));
        const status = panel?.getAttribute('data-status');
        return seq > prev && (status === 'ready' || status === 'error' || status === 'cancelled');
      },
      before,
      { timeout: LOAD_TIMEOUT_MS },
    );
  }
}
