// Random search (NASREC.md §10.2) and what every search shares: candidates, the scorer contract, cancellation, dedup.
// Pure TypeScript: no tfjs, DOM or Node. Scoring (supernet fine-tuning, §9) happens elsewhere, behind `score`.
import { Cancelled, type CancelSignal } from '../cancel.ts';
import type { Rng } from '../rng.ts';
import { archKey } from '../space/arch.ts';
import { sampleArch } from '../space/sampler.ts';
import { spaceSize } from '../space/spaceSize.ts';
import type { Arch, ArchKey, SpaceConfig } from '../space/types.ts';
import { validateSpace } from '../space/validateSpace.ts';

/** One scored architecture. */
export interface Candidate {
  /** 0-based position in the order of scoring, over the whole search. */
  index: number;
  /** −1 for a random draw (evolution's initial population, random search); g ≥ 0 for a child made in generation g. */
  generation: number;
  arch: Arch;
  key: ArchKey;
  /** Proxy validation log loss from the scorer (§9); lower is better. NaN ranks worst. */
  loss: number;
  /** Key of the parent (children only). */
  parentKey?: ArchKey;
  /** Successive mutations applied to the parent to make this child (children only; a multiple of numMutations). */
  mutations?: number;
}

/** Scores one architecture: its proxy validation loss (§9), lower is better. Called one at a time, awaited. */
export type Scorer = (arch: Arch) => Promise<number>;

/** What every search takes besides its own settings. */
export interface SearchHooks {
  space: SpaceConfig;
  /** Only named streams are derived from it (it is not advanced), so the root run Rng may be passed as is. */
  rng: Rng;
  score: Scorer;
  /** Called after each score, in scoring order. */
  onCandidate?: (c: Candidate) => void;
  /** Polled before each score (an AbortSignal fits); a score already running is awaited, recorded and reported. */
  signal?: CancelSignal;
}

/**
 * Thrown when `signal.aborted` is seen before a score (whatever the signal's reason); holds everything scored until
 * then. A Cancelled, so hosts that catch core cancellations in general catch it too.
 */
export class SearchCancelled extends Cancelled {
  constructor(
    readonly candidates: readonly Candidate[],
    readonly history: readonly Candidate[] = [],
  ) {
    super();
    this.message = `Search cancelled after ${candidates.length} scored architecture${candidates.length === 1 ? '' : 's'}.`;
    this.name = 'SearchCancelled';
  }
}

/** Thrown when no architecture not yet produced could be found: the space is (nearly) used up. */
export class SpaceExhausted extends Error {
  constructor(what: string, tries: number, produced: number) {
    super(`${what}: no new architecture after ${tries} tries (${produced} produced so far); the space is too small for this budget.`);
    this.name = 'SpaceExhausted';
  }
}

/** Draws (or mutation rounds) tried for a new architecture before giving up with SpaceExhausted. */
export const MAX_TRIES = 10_000;

/** Orders candidates by loss, best first (NaN last), ties by scoring order. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  const x = Number.isNaN(a.loss) ? Infinity : a.loss;
  const y = Number.isNaN(b.loss) ? Infinity : b.loss;
  return x < y ? -1 : x > y ? 1 : a.index - b.index;
}

/** The best candidate of a non-empty list. */
export function bestOf(candidates: readonly Candidate[]): Candidate {
  const first = candidates[0];
  if (first === undefined) throw new RangeError('no candidates to choose from');
  return candidates.reduce((best, c) => (compareCandidates(c, best) < 0 ? c : best), first);
}

/**
 * The named streams a search draws from. Each decision has its own, so adding draws to one never shifts another;
 * the sequence of candidates depends only on the seed and on the losses returned, never on when they arrive.
 */
export function searchStreams(rng: Rng): { population: Rng; selection: Rng; mutation: Rng } {
  return {
    population: rng.stream('search.population'),
    selection: rng.stream('search.selection'),
    mutation: rng.stream('search.mutation'),
  };
}

/** Throws a RangeError when the space holds fewer architectures than the search would score. */
export function checkBudget(space: SpaceConfig, budget: number, what: string): void {
  const size = spaceSize(space).exact;
  if (BigInt(budget) > size) {
    throw new RangeError(`${what}: ${budget} distinct architectures asked for, but the space holds only ${size}`);
  }
}

/** The record of one search: every candidate in order, the keys produced (scored or about to be), the history. */
export class SearchLog {
  readonly candidates: Candidate[] = [];
  readonly history: Candidate[] = [];
  readonly seen = new Set<ArchKey>();

  constructor(private readonly hooks: SearchHooks) {}

  /** Scores one architecture (cancellation is checked first), records it and reports it. */
  async score(arch: Arch, key: ArchKey, origin: Pick<Candidate, 'generation' | 'parentKey' | 'mutations'>): Promise<Candidate> {
    if (this.hooks.signal?.aborted) throw new SearchCancelled([...this.candidates], [...this.history]);
    const loss: unknown = await this.hooks.score(arch);
    const index = this.candidates.length;
    if (typeof loss !== 'number') {
      throw new TypeError(`score of candidate ${index} (${key}) returned ${JSON.stringify(loss)}, not a number`);
    }
    const candidate: Candidate = { index, generation: origin.generation, arch, key, loss };
    if (origin.parentKey !== undefined) candidate.parentKey = origin.parentKey;
    if (origin.mutations !== undefined) candidate.mutations = origin.mutations;
    this.candidates.push(candidate);
    this.hooks.onCandidate?.(candidate);
    return candidate;
  }

  /** A uniformly random architecture (sampleArch, §10.1) not produced before; duplicates are redrawn. */
  drawNew(rng: Rng): { arch: Arch; key: ArchKey } {
    for (let t = 0; t < MAX_TRIES; t++) {
      const arch = sampleArch(this.hooks.space, rng);
      const key = archKey(arch);
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return { arch, key };
      }
    }
    throw new SpaceExhausted('random draw', MAX_TRIES, this.seen.size);
  }
}

/**
 * Random search (§10.2, `random_search_from_supernet`): scores `budget` distinct random architectures, one at a
 * time. With the same Rng its candidates are the evolution's initial population (same stream, same redraws).
 * @param budget number of architectures to score (whole, ≥ 1, at most the space's size)
 * @throws RangeError for a bad budget, SearchCancelled when `signal` aborts, SpaceExhausted, or what `score` throws
 */
export async function runRandomSearch(options: SearchHooks & { budget: number }): Promise<{ candidates: Candidate[]; best: Candidate }> {
  const { space, budget, rng } = options;
  validateSpace(space);
  if (!Number.isInteger(budget) || budget < 1) throw new RangeError(`budget must be a whole number ≥ 1, got ${String(budget)}`);
  checkBudget(space, budget, 'budget');
  const log = new SearchLog(options);
  const stream = searchStreams(rng).population;
  for (let k = 0; k < budget; k++) {
    const { arch, key } = log.drawNew(stream);
    await log.score(arch, key, { generation: -1 });
  }
  return { candidates: log.candidates, best: bestOf(log.candidates) };
}
