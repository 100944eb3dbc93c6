// `search`: trains (or loads) a supernet, searches it with the §9 proxy, retrains the finalists, trains the baselines.
import { parseArgs } from 'node:util';
import { rngFromSeed, toSeed } from '../../core/rng.ts';
import { DEFAULT_EVOLUTION } from '../../core/search/evolution.ts';
import type { FinalModel } from '../../core/search/finalModels.ts';
import { proxyConfig, type FineTuneMode } from '../../core/search/proxy.ts';
import { runSearchJob, searchConfig } from '../../core/search/searchJob.ts';
import { archToJson } from '../../core/space/archJson.ts';
import { scratchConfig } from '../../core/train/fromScratch.ts';
import { enumOption, intOption, UsageError } from '../args.ts';
import { prepareSupernet, SUPERNET_HELP, SUPERNET_OPTIONS, trainSupernet } from '../supernetSetup.ts';

/** parseArgs options of the §9 proxy and the from-scratch cap, shared by search and rank. */
export const PROXY_OPTIONS = {
  finetune: { type: 'string' },
  'finetune-steps': { type: 'string' },
  'finetune-lr': { type: 'string' },
  'proxy-val-rows': { type: 'string' },
  'scratch-steps': { type: 'string' },
} as const;

export const SEARCH_OPTIONS = {
  ...SUPERNET_OPTIONS,
  ...PROXY_OPTIONS,
  method: { type: 'string' },
  population: { type: 'string' },
  'sample-size': { type: 'string' },
  children: { type: 'string' },
  generations: { type: 'string' },
  budget: { type: 'string' },
  finalists: { type: 'string' },
} as const;

export const PROXY_HELP = `  --finetune last|whole|none           the proxy's fine-tuning (default last: the final layer, §9)
  --finetune-steps N, --finetune-lr X, --proxy-val-rows N   (defaults 100, 0.04, 8192)`;

export const SEARCH_HELP = `search (--data <file> | --sample | --supernet DIR) [--method evolution|random] [--seed S] [--json]
  Searches architectures on a trained supernet (trained first unless --supernet DIR), retrains the best
  from scratch and reports the winner on the test split beside the baselines.
${SUPERNET_HELP}
  --supernet DIR                       a supernet saved by train --save (its data options become the defaults)
  --method evolution|random            regularized evolution (default) or random search with the same budget
  --population N --sample-size N --children N --generations N   (defaults ${DEFAULT_EVOLUTION.population}, ${DEFAULT_EVOLUTION.sampleSize}, ${DEFAULT_EVOLUTION.children}, ${DEFAULT_EVOLUTION.generations})
  --budget N                           random search's budget (default: the evolution's)
  --finalists N                        candidates retrained from scratch (default 3)
  --scratch-steps N                    cap on each from-scratch training (default: one epoch, early-stopped)
${PROXY_HELP}`;

const summary = (m: FinalModel) => ({
  name: m.name,
  testLogLoss: m.test.logLoss,
  auc: m.test.auc,
  ne: m.test.normalizedEntropy,
  calibration: m.test.calibration,
  valLogLoss: m.valLoss,
  flops: m.flops,
  params: m.params,
  steps: m.steps,
});

export async function searchCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: SEARCH_OPTIONS });
  const log = (line: string) => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  const run = await prepareSupernet(values, log);
  try {
    if (!run.loaded) await trainSupernet(run, log);
    const trainRows = run.dataset.splits.train.length;
    const evolution = {
      ...DEFAULT_EVOLUTION,
      population: intOption(values.population, 'population', DEFAULT_EVOLUTION.population, 1),
      sampleSize: intOption(values['sample-size'], 'sample-size', DEFAULT_EVOLUTION.sampleSize, 1),
      children: intOption(values.children, 'children', DEFAULT_EVOLUTION.children, 1),
      generations: intOption(values.generations, 'generations', DEFAULT_EVOLUTION.generations, 0),
    };
    const method = enumOption(values.method, 'method', ['evolution', 'random'] as const) ?? 'evolution';
    const config = searchConfig(proxyFrom(values, trainRows), scratchConfig(trainRows, { maxSteps: optional(values['scratch-steps'], 'scratch-steps') }), {
      method,
      evolution,
      finalists: intOption(values.finalists, 'finalists', 3, 1),
      ...(values.budget ? { randomBudget: intOption(values.budget, 'budget', 1, 1) } : {}),
    });
    const started = performance.now();
    const report = await runSearchJob({
      data: run.dataset,
      space: run.space,
      net: run.trainer.net,
      embeddings: run.trainer.embeddings,
      config,
      rng: rngFromSeed(toSeed(run.seed)),
      onCandidate: (c) => log(`candidate ${String(c.index + 1).padStart(4)}  gen ${String(c.generation).padStart(3)}  proxy ${c.loss.toFixed(4)}  ${c.key}`),
      onProgress: (p) => {
        if (p.stage !== 'search' && p.model) log(`${p.stage}: training ${p.model} (${p.done + 1}/${p.total})`);
      },
    });
    const result = {
      method,
      space: run.preset,
      seed: run.seed,
      budget: report.candidates.length,
      seconds: (performance.now() - started) / 1000,
      winner: { key: report.winner.key, arch: archToJson(report.winner.arch!, run.space), ...summary(report.winner), proxyLoss: report.candidates.find((c) => c.key === report.winner.key)?.loss },
      finalists: report.finalists.map((m) => ({ key: m.key, ...summary(m) })),
      baselines: report.baselines.map(summary),
      skippedBaselines: report.skippedBaselines,
      candidates: report.candidates.map((c) => ({ index: c.index, generation: c.generation, key: c.key, proxy: c.loss })),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      log('\nmodel                  test log loss    AUC      FLOPs');
      for (const m of [{ ...result.winner, name: 'searched winner' }, ...result.baselines])
        log(`${m.name.padEnd(22)} ${m.testLogLoss.toFixed(4).padStart(13)} ${m.auc.toFixed(4).padStart(8)} ${String(m.flops).padStart(10)}`);
    }
    return 0;
  } finally {
    run.trainer.dispose();
  }
}

function optional(value: string | undefined, name: string): number | undefined {
  return value === undefined ? undefined : intOption(value, name, 1, 1);
}

/** The proxy's settings from the shared options. */
export function proxyFrom(values: { finetune?: string; 'finetune-steps'?: string; 'finetune-lr'?: string; 'proxy-val-rows'?: string }, trainRows: number) {
  const mode = enumOption(values.finetune, 'finetune', ['last', 'whole', 'none'] as const) as FineTuneMode | undefined;
  const lr = values['finetune-lr'] === undefined ? undefined : Number(values['finetune-lr']);
  if (lr !== undefined && !(lr > 0 && lr <= 10)) throw new UsageError(`--finetune-lr must be a number in (0, 10], got "${values['finetune-lr']}"`);
  return proxyConfig(trainRows, {
    ...(mode ? { mode } : {}),
    ...(lr !== undefined ? { lr } : {}),
    ...(values['finetune-steps'] ? { steps: intOption(values['finetune-steps'], 'finetune-steps', 1, 0) } : {}),
    ...(values['proxy-val-rows'] ? { valRows: intOption(values['proxy-val-rows'], 'proxy-val-rows', 1, 1) } : {}),
  });
}
