// The rank check (NASREC.md §12.4): K architectures scored by the proxy and trained from scratch; τ, ρ and intervals.
import { throwIfCancelled, type CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import { createStandalone } from '../model/standalone.ts';
import type { NasrecSupernet } from '../model/types.ts';
import { createSupernet } from '../model/supernet.ts';
import { rngFromSeed, toSeed, type Rng } from '../rng.ts';
import { archKey, makeArch } from '../space/arch.ts';
import { sampleArch } from '../space/sampler.ts';
import type { Arch, ArchKey, SamplingStrategy, SpaceConfig } from '../space/types.ts';
import type { TrainConfig } from '../train/config.ts';
import { SupernetTrainer } from '../train/trainer.ts';
import { inputShapeOf } from '../train/batches.ts';
import type { EmbeddingTables } from '../train/embeddings.ts';
import { trainFromScratch, type ScratchConfig } from '../train/fromScratch.ts';
import { ProxyScorer, type FineTuneMode, type ProxyConfig } from './proxy.ts';
import { rankCorrelation, type RankCorrelation } from './rankStats.ts';

export interface RankConfig {
  /** Architectures to score both ways (§12.4: 100; playground default 12). */
  k: number;
  proxy: ProxyConfig;
  scratch: ScratchConfig;
  /** Bootstrap resamples for the confidence intervals. */
  resamples: number;
}

export const DEFAULT_RANK_K = 12;
/**
 * Default cap on each from-scratch training of the rank check: 300 steps, about a quarter of an epoch of the
 * 400k-row sample at batch 256. §12.4 trains one epoch; on a 2-core CPU that made the default check (K = 12)
 * take 13 minutes, against 4–5 with this cap. A larger cap (at most one epoch is trained) gives the paper's protocol.
 */
export const DEFAULT_RANK_SCRATCH_STEPS = 300;

/** One architecture of the rank check. */
export interface RankPoint {
  key: ArchKey;
  arch: Arch;
  /** Proxy validation log loss (§9). */
  proxy: number;
  /** Best validation log loss trained from scratch, early-stopped. */
  standalone: number;
}

export interface RankReport extends RankCorrelation {
  points: RankPoint[];
}

/** K distinct architectures drawn as the evolution's initial population (§10.1), from `rng`. */
export function rankArchs(space: SpaceConfig, k: number, rng: Rng): Arch[] {
  if (!Number.isInteger(k) || k < 3) throw new RangeError(`k must be a whole number ≥ 3 (a correlation needs points), got ${String(k)}`);
  const byKey = new Map<ArchKey, Arch>();
  for (let tries = 0; byKey.size < k; tries++) {
    if (tries > 100 * k) throw new RangeError(`the space holds fewer than ${k} distinct architectures`);
    const arch = sampleArch(space, rng);
    byKey.set(archKey(arch), arch);
  }
  return [...byKey.values()];
}

export interface StandaloneTruthOptions {
  data: Dataset;
  space: SpaceConfig;
  archs: readonly Arch[];
  scratch: ScratchConfig;
  rng: Rng;
  signal?: CancelSignal;
  onDone?: (index: number, loss: number) => void;
}

/**
 * The ground truth: each architecture trained from scratch with early stopping; its best validation loss.
 * LayerNorm on, as the official rank study's NASRec-Small run (§12.4) and the supernet the proxy scores with.
 */
export async function standaloneLosses(options: StandaloneTruthOptions): Promise<number[]> {
  const input = inputShapeOf(options.data);
  const losses: number[] = [];
  for (const [i, arch] of options.archs.entries()) {
    const rng = options.rng.stream(`standalone:${archKey(arch)}`);
    const net = createStandalone(arch, options.space, input, { rng: rng.stream('init'), layerNorm: true });
    const result = await trainFromScratch({
      data: options.data,
      net,
      embeddingDim: options.space.embeddingDim,
      config: options.scratch,
      embeddingRng: rng.stream('embeddings'),
      signal: options.signal,
    });
    losses.push(result.bestValLoss);
    options.onDone?.(i, result.bestValLoss);
  }
  return losses;
}

/** Proxy losses of `archs` on a trained supernet. */
export async function proxyLosses(
  net: NasrecSupernet,
  embeddings: EmbeddingTables,
  data: Dataset,
  proxy: ProxyConfig,
  archs: readonly Arch[],
  signal?: CancelSignal,
  onDone?: (index: number, loss: number) => void,
): Promise<number[]> {
  const scorer = new ProxyScorer(net, embeddings, data, proxy);
  const losses: number[] = [];
  for (const [i, arch] of archs.entries()) {
    losses.push(await scorer.score(arch, signal));
    onDone?.(i, losses[i]!);
  }
  return losses;
}

/** τ-b, ρ with bootstrap intervals and top-k overlap of proxy against standalone losses. */
export function rankReport(archs: readonly Arch[], proxy: readonly number[], standalone: readonly number[], resamples: number, rng: Rng): RankReport {
  const points = archs.map((arch, i) => ({ key: archKey(arch), arch, proxy: proxy[i]!, standalone: standalone[i]! }));
  return { ...rankCorrelation(proxy, standalone, { rng: rng.stream('bootstrap'), resamples }), points };
}

/** One supernet setting whose proxy losses are correlated with the standalone losses. */
export interface RankVariant {
  /** 'NASRec (all techniques)' or the switched-off technique, e.g. 'single-path sampling'. */
  name: string;
  strategy: SamplingStrategy;
  interactionModules: boolean;
  fineTune: FineTuneMode;
}

/** The correlation of one variant's proxy with the standalone losses (K is the check's, so not repeated). */
export interface RankCorrelationSummary extends RankVariant, Omit<RankCorrelation, 'k'> {
  /** Proxy loss per architecture, in the order of the check's architectures. */
  proxy: number[];
}

/** The ablation of the issue: each NASRec technique switched off in turn (same data, seed and recipe). */
export function ablationVariants(strategy: SamplingStrategy, interactionModules: boolean): RankVariant[] {
  const variants: RankVariant[] = [
    { name: 'single-path sampling', strategy: 'single-path', interactionModules, fineTune: 'last' },
    { name: 'any-path sampling', strategy: 'any-path', interactionModules, fineTune: 'last' },
    { name: 'full-path sampling', strategy: 'full-path', interactionModules, fineTune: 'last' },
  ];
  if (interactionModules) variants.push({ name: 'no interaction modules', strategy, interactionModules: false, fineTune: 'last' });
  variants.push({ name: 'no fine-tuning', strategy, interactionModules, fineTune: 'none' });
  return variants;
}

/** The same architecture in a space without the interaction modules: both flags off (the modules do not exist there). */
export function withoutInteraction(arch: Arch, space: SpaceConfig): Arch {
  return makeArch(
    arch.blocks.map((b) => ({ ...b, interact: false, deepFm: false })),
    space,
  );
}

export interface RankCheckOptions {
  data: Dataset;
  space: SpaceConfig;
  /** The trained supernet, its tables and the recipe it was trained with (ablation supernets reuse it). */
  net: NasrecSupernet;
  embeddings: EmbeddingTables;
  train: TrainConfig;
  k: number;
  /** Proxy settings; `mode` is the default variant's fine-tuning. */
  proxy: ProxyConfig;
  scratch: ScratchConfig;
  ablation: boolean;
  resamples: number;
  seed: number;
  signal?: CancelSignal;
  onProgress?: (stage: string, done: number, total: number) => void;
  onPoint?: (index: number, arch: Arch, value: { proxy?: number; standalone?: number }) => void;
}

export interface RankCheck {
  archs: Arch[];
  standalone: number[];
  /** First the default settings, then each ablation (when asked). */
  correlations: RankCorrelationSummary[];
}

/**
 * The rank check: K archs (§10.1's first population) scored by the proxy on the trained supernet and trained from
 * scratch; with `ablation`, also scored by a supernet trained with each technique switched off (same seed and
 * recipe) and by the proxy without fine-tuning. Every variant is correlated with the same standalone losses.
 */
export async function runRankCheck(o: RankCheckOptions): Promise<RankCheck> {
  const rng = rngFromSeed(toSeed(o.seed));
  const archs = rankArchs(o.space, o.k, rng.stream('rank'));
  const k = archs.length;
  const proxyWith = (mode: FineTuneMode): ProxyConfig => ({ ...o.proxy, mode });
  const proxy = await proxyLosses(o.net, o.embeddings, o.data, o.proxy, archs, o.signal, (i, loss) => {
    o.onPoint?.(i, archs[i]!, { proxy: loss });
    o.onProgress?.('Scoring with the proxy', i + 1, k);
  });
  o.onProgress?.('Training from scratch', 0, k);
  const standalone = await standaloneLosses({
    data: o.data,
    space: o.space,
    archs,
    scratch: o.scratch,
    rng: rng.stream('rank'),
    signal: o.signal,
    onDone: (i, loss) => {
      o.onPoint?.(i, archs[i]!, { standalone: loss });
      o.onProgress?.('Training from scratch', i + 1, k);
    },
  });
  const summarize = (variant: RankVariant, losses: number[]): RankCorrelationSummary => {
    const { k: _k, ...correlation } = rankCorrelation(losses, standalone, { rng: rng.stream(`bootstrap:${variant.name}`), resamples: o.resamples });
    return { ...variant, ...correlation, proxy: losses };
  };
  const base: RankVariant = { name: 'NASRec (all techniques)', strategy: o.train.strategy, interactionModules: o.space.interactionModules, fineTune: o.proxy.mode };
  const correlations = [summarize(base, proxy)];
  if (!o.ablation) return { archs, standalone, correlations };

  for (const variant of ablationVariants(o.train.strategy, o.space.interactionModules)) {
    throwIfCancelled(o.signal);
    const scoring = `Ablation — ${variant.name}: scoring`;
    if (variant.strategy === o.train.strategy && variant.interactionModules === o.space.interactionModules) {
      const losses = await proxyLosses(o.net, o.embeddings, o.data, proxyWith(variant.fineTune), archs, o.signal, (i) => o.onProgress?.(scoring, i + 1, k));
      correlations.push(summarize(variant, losses));
      continue;
    }
    const space: SpaceConfig = { ...o.space, interactionModules: variant.interactionModules };
    const config: TrainConfig = { ...o.train, strategy: variant.strategy };
    const trainer = new SupernetTrainer({ data: o.data, space, config, seed: toSeed(o.seed), createSupernet });
    try {
      while (trainer.step < config.steps) {
        throwIfCancelled(o.signal);
        await trainer.trainStep();
        if (trainer.pendingLossCount >= config.readbackEvery) await trainer.readLosses();
        o.onProgress?.(`Ablation — ${variant.name}: training a supernet`, trainer.step, config.steps);
      }
      const scored = variant.interactionModules ? archs : archs.map((a) => withoutInteraction(a, space));
      const losses = await proxyLosses(trainer.net, trainer.embeddings, o.data, proxyWith(variant.fineTune), scored, o.signal, (i) =>
        o.onProgress?.(scoring, i + 1, k),
      );
      correlations.push(summarize(variant, losses));
    } finally {
      trainer.dispose();
    }
  }
  return { archs, standalone, correlations };
}
