// The search job: the core search pipeline on the trained supernet, posting each candidate and final model.
import { rngFromSeed, toSeed } from '../../core/rng.ts';
import type { FinalModel } from '../../core/search/finalModels.ts';
import { runSearchJob, searchConfig, type SearchReport } from '../../core/search/searchJob.ts';
import { archCost } from '../../core/space/cost.ts';
import type { CancelSignal } from '../../core/cancel.ts';
import type { FromWorker, SearchRequest } from '../protocol.ts';
import { StageProgress } from './eta.ts';
import { proxyFromRequest, scratchFromRequest, type TrainedSupernet } from './trained.ts';

const STAGE_NAMES = { search: 'Scoring candidates', finalists: 'Training finalists from scratch', baselines: 'Training baselines' } as const;

/** Runs the search and posts its messages; @returns the report (its winner keeps its trained weights for export) */
export async function runSearch(id: number, request: SearchRequest, supernet: TrainedSupernet, signal: CancelSignal, post: (msg: FromWorker) => void): Promise<SearchReport> {
  const { trainer, dataset, space } = supernet;
  const trainRows = dataset.splits.train.length;
  const proxy = proxyFromRequest(request.proxy, trainRows);
  const scratch = scratchFromRequest(request.scratchMaxSteps, trainRows);
  const config = searchConfig(proxy, scratch, {
    method: request.method,
    evolution: request.evolution,
    finalists: request.finalists,
    ...(request.randomBudget ? { randomBudget: request.randomBudget } : {}),
  });
  const progress = new StageProgress(id, 'search', post);
  const summary = (m: FinalModel, role: 'finalist' | 'baseline') => ({
    name: m.name,
    role,
    ...(m.key ? { key: m.key, arch: m.arch! } : {}),
    valLoss: m.valLoss,
    test: m.test,
    params: m.params,
    flops: m.flops,
  });
  let started = false;
  let report: SearchReport;
  try {
    report = await runSearchJob({
      data: dataset,
      space,
      net: trainer.net,
      embeddings: trainer.embeddings,
      config,
      rng: rngFromSeed(toSeed(request.seed)),
      signal,
      onProgress: (p) => {
        if (!started && p.stage === 'search') {
          started = true;
          post({ type: 'searchStarted', id, budget: p.total, method: request.method });
        }
        progress.report(STAGE_NAMES[p.stage], p.done, p.total, p.model);
      },
      onCandidate: (c) => {
        const cost = archCost(c.arch, space, trainer.input, { layerNorm: false });
        post({
          type: 'searchCandidate',
          id,
          index: c.index,
          generation: c.generation,
          key: c.key,
          arch: c.arch,
          loss: c.loss,
          flops: cost.flops,
          params: cost.params,
          ...(c.parentKey ? { parentKey: c.parentKey } : {}),
        });
      },
      onFinalModel: (m, role) => post({ type: 'finalModel', id, model: summary(m, role) }),
    });
  } finally {
    progress.dispose(); // no held-back progress after the result
  }
  post({ type: 'searchDone', id, winnerKey: report.winner.key!, skippedBaselines: report.skippedBaselines });
  return report;
}
