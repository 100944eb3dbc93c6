// The rank job: core's rank check (§12.4) on the trained supernet, posting points, progress and the result.
import type { CancelSignal } from '../../core/cancel.ts';
import { runRankCheck } from '../../core/search/rankJob.ts';
import { archCost } from '../../core/space/cost.ts';
import { archKey } from '../../core/space/arch.ts';
import type { FromWorker, RankRequest } from '../protocol.ts';
import { StageProgress } from './eta.ts';
import { proxyFromRequest, scratchFromRequest, type TrainedSupernet } from './trained.ts';

/** Bootstrap resamples behind each interval. */
const RESAMPLES = 1000;

export async function runRank(id: number, request: RankRequest, base: TrainedSupernet, signal: CancelSignal, post: (msg: FromWorker) => void): Promise<void> {
  const { dataset, space, trainer } = base;
  const trainRows = dataset.splits.train.length;
  const progress = new StageProgress(id, 'rank', post);
  let check: Awaited<ReturnType<typeof runRankCheck>>;
  try {
    check = await runRankCheck({
      data: dataset,
      space,
      net: trainer.net,
      embeddings: trainer.embeddings,
      train: base.train,
      k: request.k,
      proxy: proxyFromRequest(request.proxy, trainRows),
      scratch: scratchFromRequest(request.scratchMaxSteps, trainRows),
      ablation: request.ablation,
      resamples: RESAMPLES,
      seed: request.seed,
      signal,
      onProgress: (stage, done, total) => progress.report(stage, done, total),
      onPoint: (index, arch, value) => post({ type: 'rankPoint', id, index, key: archKey(arch), arch, ...value }),
    });
  } finally {
    progress.dispose(); // no held-back progress after the result
  }
  post({
    type: 'rankDone',
    id,
    k: check.archs.length,
    points: check.archs.map((arch, i) => {
      const cost = archCost(arch, space, trainer.input, { layerNorm: false });
      return { key: archKey(arch), arch, standalone: check.standalone[i]!, flops: cost.flops, params: cost.params };
    }),
    correlations: check.correlations,
  });
}
