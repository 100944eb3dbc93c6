// Rank statistics that judge a proxy ranking against the truth: Kendall's τ-b, Spearman's ρ, bootstrap CIs, top-k overlap. Pure TypeScript: no tfjs, DOM or Node.

import type { Rng } from '../rng.ts';

/** A statistic of paired samples, e.g. {@link kendallTauB}. May return NaN where undefined. */
export type PairedStatistic = (x: readonly number[], y: readonly number[]) => number;

/** Options of {@link bootstrapCI}. */
export interface BootstrapOptions {
  /** Source of the resampling indices; it is advanced by `resamples · n` draws. */
  rng: Rng;
  /** Number of bootstrap resamples (default 1000). */
  resamples?: number;
  /** Coverage of the interval, in (0, 1) (default 0.95). */
  level?: number;
}

/** Options of {@link rankCorrelation}. */
export interface RankCorrelationOptions {
  /** Source of the bootstrap resamples (the Kendall CI draws first, then the Spearman CI). */
  rng: Rng;
  /** Bootstrap resamples per interval (default 1000). */
  resamples?: number;
  /** k of the top-k overlap (default {@link defaultTopK} of the number of points). */
  topK?: number;
}

/** How well a proxy ranks architectures compared with their true losses. */
export interface RankCorrelation {
  /** Number of architectures (paired points). */
  k: number;
  kendallTau: number;
  /** Percentile bootstrap 95 % interval of Kendall's τ-b. */
  kendallCI: [number, number];
  spearmanRho: number;
  /** Percentile bootstrap 95 % interval of Spearman's ρ. */
  spearmanCI: [number, number];
  /** Fraction of the truly best `topK` that the proxy also puts in its best `topK`. */
  topKOverlap: number;
  topK: number;
}

function checkFinite(values: readonly number[], name: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new RangeError(`${name}[${i}] is not a finite number (got ${String(v)})`);
  }
}

function checkPairs(x: readonly number[], y: readonly number[], names: readonly [string, string]): void {
  const [nx, ny] = names;
  if (x.length !== y.length) throw new RangeError(`${nx} and ${ny} differ in length (${x.length} vs ${y.length})`);
  if (x.length < 2) throw new RangeError(`need at least 2 paired points, got ${x.length}`);
  checkFinite(x, nx);
  checkFinite(y, ny);
}

/** Indices of `values` sorted ascending by value, equal values by index. */
function sortedIndices(values: readonly number[]): number[] {
  return Array.from(values, (_, i) => i).sort((a, b) => values[a]! - values[b]! || a - b);
}

/** Σ c(c−1)/2 over runs of equal neighbours; `sameAsPrevious(i)` compares positions i and i−1. */
function tiedPairs(n: number, sameAsPrevious: (i: number) => boolean): number {
  let pairs = 0;
  let run = 1;
  for (let i = 1; i <= n; i++) {
    if (i < n && sameAsPrevious(i)) {
      run++;
    } else {
      pairs += (run * (run - 1)) / 2;
      run = 1;
    }
  }
  return pairs;
}

/**
 * 1-based ranks with tied values given the mean of the ranks they span (scipy.stats.rankdata's
 * 'average'). @param x [n] finite values @returns [n] ranks; they sum to n(n+1)/2
 */
export function averageRanks(x: readonly number[]): number[] {
  checkFinite(x, 'x');
  const order = sortedIndices(x);
  const ranks = new Array<number>(x.length);
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && x[order[end]!] === x[order[start]!]) end++;
    const rank = (start + 1 + end) / 2; // mean of start+1 … end
    for (let j = start; j < end; j++) ranks[order[j]!] = rank;
    start = end;
  }
  return ranks;
}

/** 0-based dense ranks (equal values share a rank, no gaps) and the number of distinct values. */
function denseRanks(values: readonly number[]): { rank: Int32Array; distinct: number } {
  const order = sortedIndices(values);
  const rank = new Int32Array(values.length);
  let r = -1;
  for (let j = 0; j < order.length; j++) {
    if (j === 0 || values[order[j]!] !== values[order[j - 1]!]) r++;
    rank[order[j]!] = r;
  }
  return { rank, distinct: r + 1 };
}

/** Pairs i < j (in `order`) with yRank[i] > yRank[j], counted with a Fenwick tree: O(n log n). */
function countInversions(order: readonly number[], yRank: Int32Array, distinct: number): number {
  const tree = new Float64Array(distinct + 1);
  let inversions = 0;
  for (let seen = 0; seen < order.length; seen++) {
    const r = yRank[order[seen]!]! + 1;
    let atMost = 0;
    for (let i = r; i > 0; i -= i & -i) atMost += tree[i]!;
    inversions += seen - atMost;
    for (let i = r; i <= distinct; i += i & -i) tree[i]! += 1;
  }
  return inversions;
}

/** Σ c(c−1)/2 over the multiplicities c of the dense ranks. */
function tiedPairsOfRanks(rank: Int32Array, distinct: number): number {
  const counts = new Float64Array(distinct);
  for (const r of rank) counts[r]! += 1;
  let pairs = 0;
  for (const c of counts) pairs += (c * (c - 1)) / 2;
  return pairs;
}

/**
 * Kendall's τ-b, which corrects for ties in either sample, as scipy.stats.kendalltau (variant 'b'):
 * (concordant − discordant) / √((n₀ − tiesX)(n₀ − tiesY)) with n₀ = n(n−1)/2, in O(n log n).
 * @param x [n] finite values @param y [n] finite values, paired with x
 * @returns τ-b in [−1, 1]; NaN when x or y is constant
 */
export function kendallTauB(x: readonly number[], y: readonly number[]): number {
  checkPairs(x, y, ['x', 'y']);
  const n = x.length;
  const { rank: yRank, distinct } = denseRanks(y);
  // Sorted by x, then y: within a run of tied x no pair is discordant, so discordant pairs are inversions of y.
  const order = Array.from(x, (_, i) => i).sort((a, b) => x[a]! - x[b]! || yRank[a]! - yRank[b]!);
  const total = (n * (n - 1)) / 2;
  const xTies = tiedPairs(n, (i) => x[order[i]!] === x[order[i - 1]!]);
  const yTies = tiedPairsOfRanks(yRank, distinct);
  if (xTies === total || yTies === total) return NaN;
  const jointTies = tiedPairs(n, (i) => x[order[i]!] === x[order[i - 1]!] && yRank[order[i]!] === yRank[order[i - 1]!]);
  const discordant = countInversions(order, yRank, distinct);
  // total = concordant + discordant + xTies + yTies − jointTies
  const concordantMinusDiscordant = total - xTies - yTies + jointTies - 2 * discordant;
  // Divided by each root in turn, as SciPy does, so results agree to the last bit.
  const tau = concordantMinusDiscordant / Math.sqrt(total - xTies) / Math.sqrt(total - yTies);
  return Math.min(1, Math.max(-1, tau));
}

function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    saa += da * da;
    sbb += db * db;
    sab += da * db;
  }
  if (saa === 0 || sbb === 0) return NaN;
  return Math.min(1, Math.max(-1, sab / Math.sqrt(saa * sbb)));
}

/**
 * Spearman's ρ as scipy.stats.spearmanr: the Pearson correlation of the average ranks, so ties
 * are handled exactly. @param x [n] finite values @param y [n] finite values, paired with x
 * @returns ρ in [−1, 1]; NaN when x or y is constant
 */
export function spearmanRho(x: readonly number[], y: readonly number[]): number {
  checkPairs(x, y, ['x', 'y']);
  return pearson(averageRanks(x), averageRanks(y));
}

/** Quantile q of ascending `sorted`, interpolating linearly between order statistics (NumPy's default 'linear'). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * Percentile bootstrap interval of a paired statistic: draws `resamples` samples of n pairs with
 * replacement, drops those whose statistic is NaN (e.g. a resample of one repeated point), and
 * returns the (1−level)/2 and (1+level)/2 quantiles of the rest, each interpolated linearly
 * between order statistics at position (m−1)·q, as numpy.quantile does by default.
 * The same rng state always gives the same interval.
 * @param x [n] finite values @param y [n] finite values, paired with x
 * @returns [lower, upper]; [NaN, NaN] when every resample's statistic is NaN
 */
export function bootstrapCI(
  x: readonly number[],
  y: readonly number[],
  stat: PairedStatistic,
  options: BootstrapOptions,
): [number, number] {
  checkPairs(x, y, ['x', 'y']);
  const { rng, resamples = 1000, level = 0.95 } = options;
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${String(resamples)}`);
  }
  if (!(level > 0 && level < 1)) throw new RangeError(`level must lie in (0, 1), got ${String(level)}`);
  const n = x.length;
  const values: number[] = [];
  for (let b = 0; b < resamples; b++) {
    const xs = new Array<number>(n);
    const ys = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const j = rng.int(0, n);
      xs[i] = x[j]!;
      ys[i] = y[j]!;
    }
    const v = stat(xs, ys);
    if (!Number.isNaN(v)) values.push(v);
  }
  if (values.length === 0) return [NaN, NaN];
  values.sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantile(values, tail), quantile(values, 1 - tail)];
}

/**
 * Share of the k best points by truth that are also among the k best by proxy; both are losses, so
 * lower is better. Ties are broken by index (the earlier point ranks better), so the sets are
 * always exactly k long and the result is deterministic.
 * @param proxy [n] proxy losses @param truth [n] true losses @param k integer in [1, n]
 * @returns |top-k(proxy) ∩ top-k(truth)| / k, in [0, 1]
 */
export function topKOverlap(proxy: readonly number[], truth: readonly number[], k: number): number {
  checkPairs(proxy, truth, ['proxy', 'truth']);
  if (!Number.isInteger(k) || k < 1 || k > proxy.length) {
    throw new RangeError(`k must be an integer in [1, ${proxy.length}], got ${String(k)}`);
  }
  const best = new Set(sortedIndices(truth).slice(0, k));
  let shared = 0;
  for (const i of sortedIndices(proxy).slice(0, k)) if (best.has(i)) shared++;
  return shared / k;
}

/** The default k of the top-k overlap for n points: a quarter of them, rounded, at least 1. */
export function defaultTopK(n: number): number {
  return Math.max(1, Math.round(n / 4));
}

/**
 * Everything the search reports on a proxy: τ-b and ρ with percentile bootstrap 95 % intervals,
 * and the top-k overlap. Both inputs are losses (lower is better), so agreement is positive.
 * @param proxy [n] proxy losses (e.g. from the supernet) @param truth [n] losses after full training
 */
export function rankCorrelation(
  proxy: readonly number[],
  truth: readonly number[],
  options: RankCorrelationOptions,
): RankCorrelation {
  checkPairs(proxy, truth, ['proxy', 'truth']);
  const topK = options.topK ?? defaultTopK(proxy.length);
  const boot = { rng: options.rng, resamples: options.resamples };
  return {
    k: proxy.length,
    kendallTau: kendallTauB(proxy, truth),
    kendallCI: bootstrapCI(proxy, truth, kendallTauB, boot),
    spearmanRho: spearmanRho(proxy, truth),
    spearmanCI: bootstrapCI(proxy, truth, spearmanRho, boot),
    topKOverlap: topKOverlap(proxy, truth, topK),
    topK,
  };
}
