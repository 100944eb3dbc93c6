// The rank job: proxy vs from-scratch losses of K archs, τ and ρ, and the ablation supernets when asked (§12.4).
import type { CancelSignal } from '../../core/cancel.ts';
import { throwIfCancelled } from '../../core/cancel.ts';
import { createSupernet } from '../../core/model/supernet.ts';
import { rngFromSeed, toSeed } from '../../core/rng.ts';
import { proxyConfig, type FineTuneMode, type ProxyConfig } from '../../core/search/proxy.ts';
import { proxyLosses, rankArchs, standaloneLosses } from '../../core/search/rankJob.ts';
import { rankCorrelation } from '../../core/search/rankStats.ts';
import { makeArch } from '../../core/space/arch.ts';
import { archCost } from '../../core/space/cost.ts';
import { archKey } from '../../core/space/arch.ts';
import type { Arch, SamplingStrategy, SpaceConfig } from '../../core/space/types.ts';
import { scratchConfig } from '../../core/train/fromScratch.ts';
import { SupernetTrainer } from '../../core/train/trainer.ts';
import type { FromWorker, RankCorrelationSummary, RankRequest } from '../protocol.ts';
import { StageProgress } from './eta.ts';
import type { TrainedSupernet } from './trained.ts';

/** One supernet setting whose proxy is correlated with the standalone losses. */
interface Variant {
  name: string;
  strategy: SamplingStrategy;
  interactionModules: boolean;
  fineTune: FineTuneMode;
}

/** The ablation of the issue: each NASRec technique switched off in turn. */
function ablationVariants(base: TrainedSupernet): Variant[] {
  const interaction = base.space.interactionModules;
  const variants: Variant[] = [
    { name: 'single-path sampling', strategy: 'single-path', interactionModules: interaction, fineTune: 'last' },
    { name: 'any-path sampling', strategy: 'any-path', interactionModules: interaction, fineTune: 'last' },
    { name: 'full-path sampling', strategy: 'full-path', interactionModules: interaction, fineTune: 'last' },
    { name: 'no fine-tuning', strategy: base.train.strategy, interactionModules: interaction, fineTune: 'none' },
  ];
  if (interaction) variants.splice(3, 0, { name: 'no interaction modules', strategy: base.train.strategy, interactionModules: false, fineTune: 'last' });
  return variants;
}

/** The same architecture in a space without the interaction modules: both flags off (the modules do not exist there). */
function withoutInteraction(arch: Arch, space: SpaceConfig): Arch {
  return makeArch(
    arch.blocks.map((b) => ({ ...b, interact: false, deepFm: false })),
    space,
  );
}

export async function runRank(id: number, request: RankRequest, base: TrainedSupernet, signal: CancelSignal, post: (msg: FromWorker) => void): Promise<void> {
  const { dataset, space } = base;
  const trainRows = dataset.splits.train.length;
  const rng = rngFromSeed(toSeed(request.seed));
  const progress = new StageProgress(id, 'rank', post);
  const proxyFor = (mode: FineTuneMode): ProxyConfig => proxyConfig(trainRows, { mode, steps: request.proxy.steps, valRows: request.proxy.valRows, ...(request.proxy.lr ? { lr: request.proxy.lr } : {}) });
  const archs = rankArchs(space, request.k, rng.stream('rank'));
  const k = archs.length;

  const proxy = await proxyLosses(base.trainer.net, base.trainer.embeddings, dataset, proxyFor(request.proxy.mode), archs, signal, (i, loss) => {
    post({ type: 'rankPoint', id, index: i, key: archKey(archs[i]!), arch: archs[i]!, proxy: loss });
    progress.report('Scoring with the proxy', i + 1, k);
  });
  progress.report('Training from scratch', 0, k);
  const standalone = await standaloneLosses({
    data: dataset,
    space,
    archs,
    scratch: scratchConfig(trainRows, request.scratchMaxSteps ? { maxSteps: request.scratchMaxSteps } : {}),
    rng: rng.stream('rank'),
    signal,
    onDone: (i, loss) => {
      post({ type: 'rankPoint', id, index: i, key: archKey(archs[i]!), arch: archs[i]!, standalone: loss });
      progress.report('Training from scratch', i + 1, k);
    },
  });

  const resamples = 1000;
  const summarize = (variant: Variant, losses: number[]): RankCorrelationSummary => {
    const c = rankCorrelation(losses, standalone, { rng: rng.stream(`bootstrap:${variant.name}`), resamples });
    return { ...variant, kendallTau: c.kendallTau, kendallCI: c.kendallCI, spearmanRho: c.spearmanRho, spearmanCI: c.spearmanCI, topK: c.topK, topKOverlap: c.topKOverlap, proxy: losses };
  };
  const correlations = [
    summarize({ name: 'NASRec (all techniques)', strategy: base.train.strategy, interactionModules: space.interactionModules, fineTune: request.proxy.mode }, proxy),
  ];

  if (request.ablation) {
    for (const variant of ablationVariants(base)) {
      throwIfCancelled(signal);
      if (variant.strategy === base.train.strategy && variant.interactionModules === space.interactionModules) {
        // Same supernet, another proxy (no fine-tuning).
        const losses = await proxyLosses(base.trainer.net, base.trainer.embeddings, dataset, proxyFor(variant.fineTune), archs, signal, (i) =>
          progress.report(`Ablation — ${variant.name}: scoring`, i + 1, k),
        );
        correlations.push(summarize(variant, losses));
        continue;
      }
      const variantSpace: SpaceConfig = { ...space, interactionModules: variant.interactionModules };
      const config = { ...base.train, strategy: variant.strategy };
      const trainer = new SupernetTrainer({ data: dataset, space: variantSpace, config, seed: toSeed(request.seed), createSupernet });
      try {
        while (trainer.step < config.steps) {
          throwIfCancelled(signal);
          await trainer.trainStep();
          if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
          progress.report(`Ablation — ${variant.name}: training a supernet`, trainer.step, config.steps);
        }
        const scored = variant.interactionModules ? archs : archs.map((a) => withoutInteraction(a, variantSpace));
        const losses = await proxyLosses(trainer.net, trainer.embeddings, dataset, proxyFor(variant.fineTune), scored, signal, (i) =>
          progress.report(`Ablation — ${variant.name}: scoring`, i + 1, k),
        );
        correlations.push(summarize(variant, losses));
      } finally {
        trainer.dispose();
      }
    }
  }
  post({
    type: 'rankDone',
    id,
    k,
    points: archs.map((arch, i) => {
      const cost = archCost(arch, space, base.trainer.input, { layerNorm: false });
      return { key: archKey(arch), arch, standalone: standalone[i]!, flops: cost.flops, params: cost.params };
    }),
    correlations,
  });
}
