// The rank check (NASREC.md §12.4): K architectures scored by the proxy and trained from scratch; τ, ρ and intervals.
import type { CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import { createStandalone } from '../model/standalone.ts';
import type { NasrecSupernet } from '../model/types.ts';
import type { Rng } from '../rng.ts';
import { archKey } from '../space/arch.ts';
import { sampleArch } from '../space/sampler.ts';
import type { Arch, ArchKey, SpaceConfig } from '../space/types.ts';
import { inputShapeOf } from '../train/batches.ts';
import type { EmbeddingTables } from '../train/embeddings.ts';
import { trainFromScratch, type ScratchConfig } from '../train/fromScratch.ts';
import { ProxyScorer, type ProxyConfig } from './proxy.ts';
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
