// Keeps a search's or rank check's results in the stored run whose supernet it used, as they arrive: it reads the
// job's own messages (a tee on `post`), writes at most every few seconds, and at once when the job ends.
import type { FromWorker, StoredRank, StoredSearch } from '../protocol.ts';
import type { RunStore } from '../store/runStore.ts';

/** Results are written at most this often while the job runs. */
const RESULT_FLUSH_MS = 3_000;

type Kind = 'search' | 'rank';
type Ending = 'finished' | 'stopped' | 'failed';

/** The stored results of one search or rank job, fed by the job's messages (`tee`) and closed by `end`. */
export class ResultRecorder {
  private value: StoredSearch | StoredRank;
  private lastWrite = 0;
  private writing: Promise<void> = Promise.resolve();
  private broken = false;

  constructor(
    private readonly store: RunStore,
    private readonly runId: string,
    private readonly kind: Kind,
    private readonly jobId: number,
    seed: number,
    private readonly post: (msg: FromWorker) => void,
    private readonly now: () => number = Date.now,
  ) {
    const t = now();
    this.value =
      kind === 'search'
        ? { status: 'running', startedAt: t, updatedAt: t, method: 'evolution', budget: 0, seed, candidates: [], finals: [] }
        : { status: 'running', startedAt: t, updatedAt: t, k: 0, seed, points: [], correlations: [] };
  }

  /** Passes `msg` on, and keeps what it says about this job. */
  tee(msg: FromWorker): void {
    this.post(msg);
    this.keep(msg);
  }

  /**
   * Stores the final state with what `last` says (the job's done message), then passes `last` on: whoever reads the
   * run on that message finds the results there.
   */
  async end(status: Ending, last?: FromWorker): Promise<void> {
    if (last) this.keep(last);
    this.value = { ...this.value, status };
    this.write(true);
    await this.writing;
    if (last) this.post(last);
  }

  private keep(msg: FromWorker): void {
    if ('id' in msg && msg.id === this.jobId && this.observe(msg)) this.write(false);
  }

  /** @returns whether the stored value changed */
  private observe(msg: FromWorker): boolean {
    const v = this.value;
    if (this.kind === 'search') {
      const s = v as StoredSearch;
      if (msg.type === 'searchStarted') this.value = { ...s, method: msg.method, budget: msg.budget };
      else if (msg.type === 'searchCandidate') s.candidates.push({ index: msg.index, generation: msg.generation, key: msg.key, loss: msg.loss, flops: msg.flops, params: msg.params });
      else if (msg.type === 'finalModel') s.finals.push(msg.model);
      else if (msg.type === 'searchDone') this.value = { ...s, winnerKey: msg.winnerKey };
      else return false;
      return true;
    }
    const r = v as StoredRank;
    if (msg.type === 'rankPoint') {
      const point = { key: msg.key, arch: msg.arch, ...(msg.proxy !== undefined ? { proxy: msg.proxy } : {}), ...(msg.standalone !== undefined ? { standalone: msg.standalone } : {}) };
      r.points[msg.index] = { ...r.points[msg.index], ...point };
    } else if (msg.type === 'rankDone') {
      this.value = { ...r, k: msg.k, correlations: msg.correlations, points: msg.points.map((p, i) => ({ ...r.points[i], key: p.key, arch: p.arch, standalone: p.standalone })) };
    } else return false;
    return true;
  }

  private write(now: boolean): void {
    const t = this.now();
    if (this.broken || (!now && t - this.lastWrite < RESULT_FLUSH_MS)) return;
    this.lastWrite = t;
    // The lists as they are now (the write runs after earlier ones finish, by when more may have arrived).
    const v = this.value;
    const snapshot = ('candidates' in v ? { ...v, candidates: [...v.candidates], finals: [...v.finals], updatedAt: t } : { ...v, points: [...v.points], updatedAt: t }) as StoredSearch & StoredRank;
    this.writing = this.writing.then(async () => {
      try {
        await this.store.setResult(this.runId, this.kind, snapshot);
      } catch (err) {
        this.broken = true;
        this.post({ type: 'storageError', id: this.jobId, message: `The ${this.kind === 'search' ? 'search' : 'rank check'} results are not being saved: ${err instanceof Error ? err.message : String(err)}` });
      }
    });
  }
}
