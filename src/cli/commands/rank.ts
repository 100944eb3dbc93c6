// `rank`: how well the supernet ranks architectures — K archs by the proxy and from scratch, τ and ρ with intervals.
import { parseArgs } from 'node:util';
import { DEFAULT_RANK_K, DEFAULT_RANK_SCRATCH_STEPS, runRankCheck, type RankCorrelationSummary } from '../../core/search/rankJob.ts';
import { archKey } from '../../core/space/arch.ts';
import { scratchConfig } from '../../core/train/fromScratch.ts';
import { intOption } from '../args.ts';
import { prepareSupernet, SUPERNET_HELP, SUPERNET_OPTIONS, trainSupernet } from '../supernetSetup.ts';
import { PROXY_HELP, PROXY_OPTIONS, proxyFrom } from './search.ts';

export const RANK_HELP = `rank (--data <file> | --sample | --supernet DIR) [--k N] [--seed S] [--json]
  Scores K architectures (drawn as the evolution's first population) with the supernet proxy and trains each
  from scratch with early stopping; reports Kendall's tau-b and Spearman's rho with bootstrap 95 % intervals.
${SUPERNET_HELP}
  --supernet DIR                       a supernet saved by train --save
  --k N                                architectures (default ${DEFAULT_RANK_K})
  --resamples N                        bootstrap resamples (default 1000)
  --scratch-steps N                    cap on each from-scratch training, early-stopped (default ${DEFAULT_RANK_SCRATCH_STEPS},
                                       about a quarter epoch of the sample; §12.4 trains one epoch: at most one is trained)
  --ablation                           also train a supernet per switched-off technique (single-path, any-path,
                                       full-path sampling; no interaction modules) and score without fine-tuning;
                                       --json then has \`ablation\`: each with name and the same statistics
${PROXY_HELP}`;

export async function rankCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SUPERNET_OPTIONS,
      k: { type: 'string' },
      resamples: { type: 'string' },
      ablation: { type: 'boolean', default: false },
      ...PROXY_OPTIONS,
    },
  });
  const log = (line: string) => {
    if (!values.json) process.stdout.write(`${line}\n`);
  };
  const k = intOption(values.k, 'k', DEFAULT_RANK_K, 3);
  const resamples = intOption(values.resamples, 'resamples', 1000, 10);
  const run = await prepareSupernet(values, log);
  try {
    if (!run.loaded) await trainSupernet(run, log);
    const trainRows = run.dataset.splits.train.length;
    const started = performance.now();
    const check = await runRankCheck({
      data: run.dataset,
      space: run.space,
      net: run.trainer.net,
      embeddings: run.trainer.embeddings,
      train: run.config,
      k,
      proxy: proxyFrom(values, trainRows),
      scratch: scratchConfig(trainRows, { maxSteps: intOption(values['scratch-steps'], 'scratch-steps', DEFAULT_RANK_SCRATCH_STEPS, 1) }),
      ablation: Boolean(values.ablation),
      resamples,
      seed: run.seed,
      onProgress: (stage, done, total) => {
        if (done === total || stage.includes('scratch') || stage.includes('proxy')) log(`${stage}: ${done}/${total}`);
      },
    });
    const [report, ...ablation] = check.correlations;
    const stats = (c: RankCorrelationSummary) => ({
      kendallTau: c.kendallTau,
      kendallCI: c.kendallCI,
      spearmanRho: c.spearmanRho,
      spearmanCI: c.spearmanCI,
      topK: c.topK,
      topKOverlap: c.topKOverlap,
    });
    const result = {
      k: check.archs.length,
      space: run.preset,
      seed: run.seed,
      ...stats(report!),
      seconds: (performance.now() - started) / 1000,
      points: check.archs.map((arch, i) => ({ key: archKey(arch), proxy: report!.proxy[i]!, standalone: check.standalone[i]! })),
      ...(values.ablation ? { ablation: ablation.map((c) => ({ name: c.name, strategy: c.strategy, interactionModules: c.interactionModules, fineTune: c.fineTune, ...stats(c), proxy: c.proxy })) } : {}),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const ci = (c: [number, number]) => `[${c[0].toFixed(2)}, ${c[1].toFixed(2)}]`;
      for (const c of check.correlations)
        log(`${c.name.padEnd(26)} Kendall tau-b ${c.kendallTau.toFixed(3)} ${ci(c.kendallCI)}   Spearman rho ${c.spearmanRho.toFixed(3)} ${ci(c.spearmanCI)}   top-${c.topK} overlap ${c.topKOverlap.toFixed(2)}`);
    }
    return 0;
  } finally {
    run.trainer.dispose();
  }
}
