// Step 6, Kept runs: every training run stored in this browser — open, rename, delete, prune, and compare two runs' loss curves.
import { useEffect, useState } from 'react';
import type { RunSummary, StoredLossPoint } from '../../worker/protocol.ts';
import { LineChart, type LineSeries } from '../charts/LineChart.tsx';
import { Panel } from '../components/Panel.tsx';
import { useClient } from '../hooks/useClient.ts';
import type { StoredRuns } from '../hooks/useStoredRuns.ts';
import { resumeLink } from '../share/InterruptedRunBanner.tsx';
import { archName } from '../arch/archName.ts';
import type { ArchKey } from '../../core/space/types.ts';
import { compareRows, searchText, tauText } from './runs/runResults.ts';

const EXPLANATION = (
  <>
    <p>
      Every supernet training run is kept in this browser as it happens: its settings, its data source, its loss curve and a checkpoint. Nothing is sent
      anywhere.
    </p>
    <p>
      <strong>Open</strong> reloads the page with a run&rsquo;s settings, and offers to resume its training or to load its trained supernet from its
      checkpoint for search and rank. The last search and rank check
      on each run&rsquo;s supernet are kept with it. Tick two runs to compare their loss curves, winners and rank correlations side by side.
    </p>
  </>
);

const COLORS = ['#1f77b4', '#d95f02'];

/** Train-loss curve (a moving mean over 20 points, so two noisy runs stay readable) and validation points of one run. */
function seriesOf(run: RunSummary, points: readonly StoredLossPoint[], k: number): LineSeries[] {
  const train = points.filter((p) => p.train !== undefined).sort((a, b) => a.step - b.step);
  const smoothed = train.map((p, i) => {
    const window = train.slice(Math.max(0, i - 19), i + 1);
    return { x: p.step, y: window.reduce((s, q) => s + q.train!, 0) / window.length };
  });
  const val = points.filter((p) => p.val !== undefined).map((p) => ({ x: p.step, y: p.val! }));
  return [
    { key: `${run.id}-train`, label: `${run.name}: train (mean of 20)`, color: COLORS[k]!, className: 'run-train', points: smoothed, mark: 'line' },
    { key: `${run.id}-val`, label: `${run.name}: validation`, color: COLORS[k]!, dash: '4 3', points: val, mark: 'both' },
  ];
}

/** `running`: the search or rank check this page runs now (stored results marked running are otherwise cut off). */
export function RunsPanel({ stored, href, running }: { stored: StoredRuns; href: string; running?: 'search' | 'rank' | undefined }) {
  const live = { search: running === 'search', rank: running === 'rank' };
  const client = useClient();
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ id: string; name: string } | undefined>(undefined);
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [histories, setHistories] = useState<Map<string, StoredLossPoint[]>>(new Map());
  const compared = selected.map((id) => stored.runs.find((r) => r.id === id)).filter((r): r is RunSummary => r !== undefined);

  useEffect(() => {
    for (const run of compared) {
      if (histories.has(run.id)) continue;
      void client.runHistory(run.id).then(
        (points) => setHistories((h) => new Map(h).set(run.id, points)),
        (err: unknown) => setProblem(err instanceof Error ? err.message : String(err)),
      );
    }
  }, [compared, histories, client]);

  const act = async (action: Parameters<StoredRuns['update']>[0]) => {
    const why = await stored.update(action);
    setProblem(why);
  };
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s.slice(-1), id]));
  const series = compared.length === 2 ? compared.flatMap((r, k) => seriesOf(r, histories.get(r.id) ?? [], k)) : [];
  const nameOf = (runs: readonly RunSummary[]) => (key: string) => {
    for (const r of runs) {
      const final = r.results.search?.finals.find((f) => f.key === key);
      if (final?.arch) return archName(final.arch, key as ArchKey);
    }
    return key;
  };
  const lastVal = compared.map((r) => histories.get(r.id)?.filter((p) => p.val !== undefined).at(-1)?.val);

  return (
    <Panel step={6} title="Kept runs" explanation={EXPLANATION} dataAttrs={{ 'data-testid': 'runs-panel', 'data-count': stored.runs.length }}>
      {problem && (
        <p className="alert alert-error" role="alert" data-testid="runs-problem">
          {problem}
        </p>
      )}
      {stored.runs.length === 0 ? (
        <p className="hint">No runs yet. Start training in step 3 and the run appears here.</p>
      ) : (
        <table className="table runs-table" data-testid="runs-table">
          <thead>
            <tr>
              <th scope="col">Compare</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Steps</th>
              <th scope="col">Checkpoint</th>
              <th scope="col">Search winner (test log loss)</th>
              <th scope="col">Rank τ [95 % CI]</th>
              <th scope="col">Updated</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {stored.runs.map((run) => (
              <tr key={run.id} data-run-id={run.id}>
                <td>
                  <input type="checkbox" checked={selected.includes(run.id)} onChange={() => toggle(run.id)} aria-label={`Compare ${run.name}`} data-testid="run-compare" />
                </td>
                <td>
                  {editing?.id === run.id ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        void act({ kind: 'rename', runId: run.id, name: editing.name }).then(() => setEditing(undefined));
                      }}
                    >
                      <input value={editing.name} onChange={(e) => setEditing({ id: run.id, name: e.target.value })} aria-label="New name" autoFocus data-testid="run-name-input" />
                      <button type="submit">Save</button>
                    </form>
                  ) : (
                    <span data-testid="run-name">{run.name}</span>
                  )}
                </td>
                <td>{run.status === 'training' || run.status === 'paused' ? 'interrupted' : run.status}</td>
                <td>{run.lastStep.toLocaleString('en-US')}</td>
                <td>{run.checkpointStep === undefined ? '—' : `step ${run.checkpointStep.toLocaleString('en-US')}`}</td>
                <td data-testid="run-search">{searchText(run.results.search, nameOf([run]), live.search)}</td>
                <td data-testid="run-rank">{tauText(run.results.rank, live.rank)}</td>
                <td>{new Date(run.updatedAt).toLocaleString()}</td>
                <td className="run-actions">
                  <a href={resumeLink(href, run)} data-testid="run-open">
                    Open
                  </a>{' '}
                  <button type="button" onClick={() => setEditing({ id: run.id, name: run.name })} data-testid="run-rename">
                    Rename
                  </button>{' '}
                  {confirmDelete === run.id ? (
                    <button type="button" className="danger" onClick={() => void act({ kind: 'delete', runId: run.id }).then(() => setConfirmDelete(undefined))} data-testid="run-delete-confirm">
                      Really delete?
                    </button>
                  ) : (
                    <button type="button" onClick={() => setConfirmDelete(run.id)} data-testid="run-delete">
                      Delete
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stored.runs.length > 0 && (
        <p>
          <button type="button" onClick={() => void act({ kind: 'prune' })} data-testid="runs-prune">
            Free space: keep only each run&rsquo;s newest checkpoint
          </button>
        </p>
      )}
      {compared.length === 2 && (
        <div data-testid="runs-compare">
          <LineChart series={series} title="Loss of the two runs" xLabel="step" yLabel="log loss" formatY={(v) => v.toFixed(3)} />
          <table className="table runs-compare-table" data-testid="runs-compare-table">
            <thead>
              <tr>
                <th scope="col">Side by side</th>
                {compared.map((r) => (
                  <th scope="col" key={r.id}>
                    {r.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {compareRows(compared, lastVal, nameOf(compared), live).map((row) => (
                <tr key={row.label} data-row={row.label}>
                  <th scope="row">{row.label}</th>
                  {row.values.map((v, i) => (
                    <td key={i}>{v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {compared.length === 1 && <p className="hint">Tick one more run to compare.</p>}
    </Panel>
  );
}
