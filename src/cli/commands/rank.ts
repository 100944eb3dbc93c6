// `rank`: how well the supernet ranks architectures — K archs by the proxy and from scratch, τ and ρ with intervals.
import { parseArgs } from 'node:util';
import { rngFromSeed, toSeed } from '../../core/rng.ts';
import { DEFAULT_RANK_K, proxyLosses, rankArchs, rankReport, standaloneLosses } from '../../core/search/rankJob.ts';
import { scratchConfig } from '../../core/train/fromScratch.ts';
import { intOption } from '../args.ts';
import { prepareSupernet, SUPERNET_HELP, SUPERNET_OPTIONS, trainSupernet } from '../supernetSetup.ts';
import { PROXY_HELP, proxyFrom } from './search.ts';

export const RANK_HELP = `rank (--data <file> | --sample | --supernet DIR) [--k N] [--seed S] [--json]
  Scores K architectures (drawn as the evolution's first population) with the supernet proxy and trains each
  from scratch with early stopping; reports Kendall's tau-b and Spearman's rho with bootstrap 95 % intervals.
${SUPERNET_HELP}
  --supernet DIR                       a supernet saved by train --save
  --k N                                architectures (default ${DEFAULT_RANK_K})
  --resamples N                        bootstrap resamples (default 1000)
${PROXY_HELP}`;

export async function rankCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...SUPERNET_OPTIONS,
      k: { type: 'string' },
      resamples: { type: 'string' },
      finetune: { type: 'string' },
      'finetune-steps': { type: 'string' },
      'finetune-lr': { type: 'string' },
      'proxy-val-rows': { type: 'string' },
      'scratch-steps': { type: 'string' },
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
    const rng = rngFromSeed(toSeed(run.seed));
    const trainRows = run.dataset.splits.train.length;
    const archs = rankArchs(run.space, k, rng.stream('rank'));
    const started = performance.now();
    const proxy = await proxyLosses(run.trainer.net, run.trainer.embeddings, run.dataset, proxyFrom(values, trainRows), archs, undefined, (i, loss) =>
      log(`proxy ${String(i + 1).padStart(3)}/${k}  ${loss.toFixed(4)}`),
    );
    const scratch = scratchConfig(trainRows, values['scratch-steps'] ? { maxSteps: intOption(values['scratch-steps'], 'scratch-steps', 1, 1) } : {});
    const standalone = await standaloneLosses({
      data: run.dataset,
      space: run.space,
      archs,
      scratch,
      rng: rng.stream('rank'),
      onDone: (i, loss) => log(`from scratch ${String(i + 1).padStart(3)}/${k}  ${loss.toFixed(4)}`),
    });
    const report = rankReport(archs, proxy, standalone, resamples, rng);
    const result = {
      k: report.k,
      space: run.preset,
      seed: run.seed,
      kendallTau: report.kendallTau,
      kendallCI: report.kendallCI,
      spearmanRho: report.spearmanRho,
      spearmanCI: report.spearmanCI,
      topK: report.topK,
      topKOverlap: report.topKOverlap,
      seconds: (performance.now() - started) / 1000,
      points: report.points.map((p) => ({ key: p.key, proxy: p.proxy, standalone: p.standalone })),
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const ci = (c: [number, number]) => `[${c[0].toFixed(2)}, ${c[1].toFixed(2)}]`;
      log(`\nKendall tau-b ${result.kendallTau.toFixed(3)} ${ci(result.kendallCI)}   Spearman rho ${result.spearmanRho.toFixed(3)} ${ci(result.spearmanCI)}   top-${result.topK} overlap ${result.topKOverlap.toFixed(2)}`);
    }
    return 0;
  } finally {
    run.trainer.dispose();
  }
}
