// What a stored run's search and rank check amount to, as the runs list and its comparison show them. Pure.
import type { RunSummary, StoredRank, StoredSearch } from '../../../worker/protocol.ts';
import { formatLogLoss } from '../../format.ts';

/** One line of the comparison: a label and each run's value (formatted). */
export interface CompareRow {
  label: string;
  values: string[];
}

const DASH = '—';

/** A stored status as shown: a job stored as running that this page is not running any more was cut off (a reload, a crash). */
export function shownStatus(status: StoredSearch['status'], live: boolean): string {
  return status === 'running' && !live ? 'interrupted' : status;
}

/** The finalist the search picked (its test metrics are the search's result), if the search got that far. */
export function searchWinner(search: StoredSearch | undefined): StoredSearch['finals'][number] | undefined {
  return search?.winnerKey ? search.finals.find((f) => f.role === 'finalist' && f.key === search.winnerKey) : undefined;
}

/** "0.21 [−0.23, 0.59]" for the default supernet of a rank check; `live`: this page is running a rank check now. */
export function tauText(rank: StoredRank | undefined, live = false): string {
  const c = rank?.correlations[0];
  if (!c) return rank ? `${shownStatus(rank.status, live)}: no τ yet` : DASH;
  return `${signed(c.kendallTau)} [${signed(c.kendallCI[0])}, ${signed(c.kendallCI[1])}]`;
}

const signed = (x: number) => x.toFixed(2).replace('-', '−');

/** Short status of a stored search: the winner's test log loss, or how far it got; `live`: this page is running a search now. */
export function searchText(search: StoredSearch | undefined, nameOf: (key: string) => string, live = false): string {
  if (!search) return DASH;
  const winner = searchWinner(search);
  if (winner?.key) return `${nameOf(winner.key)}: ${formatLogLoss(winner.test.logLoss)}`;
  return `${shownStatus(search.status, live)}, ${search.candidates.length} of ${search.budget} scored`;
}

/** The side-by-side rows of two (or more) runs: training, search winner and baselines, rank correlations. */
export function compareRows(
  runs: readonly RunSummary[],
  finalVal: readonly (number | undefined)[],
  nameOf: (key: string) => string,
  live: { search: boolean; rank: boolean } = { search: false, rank: false },
): CompareRow[] {
  const row = (label: string, f: (r: RunSummary, i: number) => string): CompareRow => ({ label, values: runs.map(f) });
  const rows: CompareRow[] = [
    row('Steps trained', (r) => r.lastStep.toLocaleString('en-US')),
    row('Last validation loss (supernet)', (_, i) => (finalVal[i] === undefined ? DASH : formatLogLoss(finalVal[i]!))),
    row('Search', (r) => (r.results.search ? `${r.results.search.method}, ${r.results.search.candidates.length} scored (${shownStatus(r.results.search.status, live.search)})` : 'none')),
    row('Winner', (r) => {
      const w = searchWinner(r.results.search);
      return w?.key ? nameOf(w.key) : DASH;
    }),
    row('Winner test log loss', (r) => {
      const w = searchWinner(r.results.search);
      return w ? formatLogLoss(w.test.logLoss) : DASH;
    }),
    row('Winner test AUC', (r) => {
      const w = searchWinner(r.results.search);
      return w ? w.test.auc.toFixed(4) : DASH;
    }),
    row('Best baseline (test log loss)', (r) => {
      const baselines = (r.results.search?.finals ?? []).filter((f) => f.role === 'baseline');
      const best = baselines.reduce<(typeof baselines)[number] | undefined>((a, b) => (a === undefined || b.test.logLoss < a.test.logLoss ? b : a), undefined);
      return best ? `${best.name}: ${formatLogLoss(best.test.logLoss)}` : DASH;
    }),
    row('Rank check K', (r) => (r.results.rank ? String(r.results.rank.k || r.results.rank.points.length) : DASH)),
    row("Kendall's τ [95 % CI]", (r) => tauText(r.results.rank, live.rank)),
    row("Spearman's ρ", (r) => {
      const c = r.results.rank?.correlations[0];
      return c ? signed(c.spearmanRho) : DASH;
    }),
  ];
  const ablations = [...new Set(runs.flatMap((r) => (r.results.rank?.correlations ?? []).slice(1).map((c) => c.name)))];
  for (const name of ablations) {
    rows.push(
      row(`τ, ${name}`, (r) => {
        const c = r.results.rank?.correlations.find((x) => x.name === name);
        return c ? `${signed(c.kendallTau)} [${signed(c.kendallCI[0])}, ${signed(c.kendallCI[1])}]` : DASH;
      }),
    );
  }
  return rows;
}
