// The Tiny supernet on the built-in sample: it learns within one epoch, and searching it finds a model that beats hashed LR.
import { afterAll, describe, expect, it } from 'vitest';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { proxyConfig } from '../../../src/core/search/proxy.ts';
import { runSearchJob, searchConfig } from '../../../src/core/search/searchJob.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { scratchConfig } from '../../../src/core/train/fromScratch.ts';
import { LEARNING_RUN, learningRun, type LearningResult } from './learningRun.ts';

/** How far below the base-rate log loss the last point must be (measured: see README "Does the supernet learn?"). */
const MARGIN = 0.005;
/** How far below hashed LR's test log loss the searched winner must be (measured: README "Search results"). */
const WINNER_MARGIN = 0.005;

let run: LearningResult | undefined;

afterAll(() => run?.trainer.dispose());

describe('Tiny supernet on the built-in sample', () => {
  it(`ends ${LEARNING_RUN.steps} steps with validation log loss below the base rate by at least ${MARGIN}`, async () => {
    run = await learningRun('tiny', LEARNING_RUN.steps / 5);
    const { baseRateLogLoss, curve } = run;
    console.log(`tiny: base ${baseRateLogLoss.toFixed(4)}, val ${curve.map((c) => `${c.step}:${c.valLoss.toFixed(4)}`).join(' ')}`);
    expect(curve).toHaveLength(5);
    expect(curve.at(-1)!.valLoss).toBeLessThan(baseRateLogLoss - MARGIN);
  }, 1_200_000);

  it(`search with the default settings: the winner beats hashed logistic regression on test log loss by at least ${WINNER_MARGIN}`, async () => {
    if (!run) throw new Error('the supernet was not trained (see the test above)');
    const { dataset, trainer } = run;
    const trainRows = dataset.splits.train.length;
    const report = await runSearchJob({
      data: dataset,
      space: SPACE_PRESETS.tiny,
      net: trainer.net,
      embeddings: trainer.embeddings,
      config: searchConfig(proxyConfig(trainRows), scratchConfig(trainRows)),
      rng: rngFromSeed(toSeed(LEARNING_RUN.seed)),
    });
    const lr = report.baselines.find((b) => b.name === 'Logistic regression')!;
    const line = (m: { name: string; test: { logLoss: number; auc: number }; flops: number }) =>
      `${m.name}: ${m.test.logLoss.toFixed(4)} / AUC ${m.test.auc.toFixed(4)} / ${m.flops} FLOPs`;
    console.log(['search (tiny, defaults):', line({ ...report.winner, name: `winner ${report.winner.key}` }), ...report.baselines.map(line)].join('\n'));
    expect(report.candidates).toHaveLength(56);
    expect(report.baselines.map((b) => b.name)).toEqual(['Logistic regression', 'DLRM-like', 'DeepFM-like', 'DCN-like']);
    expect(report.winner.test.logLoss).toBeLessThan(lr.test.logLoss - WINNER_MARGIN);
    // Only the winner keeps its trained weights (what "Download model" exports).
    expect(report.finalists.filter((f) => f.weights !== undefined).map((f) => f.name)).toEqual([report.winner.name]);
  }, 1_800_000);
});
