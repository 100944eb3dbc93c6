// The search results table: every candidate, finalists with their from-scratch figures, every baseline; sortable.
import { useMemo, useState } from 'react';
import type { ArchKey } from '../../../core/space/types.ts';
import { toCsv } from '../../csv.ts';
import { downloadText } from '../../download.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { formatOrDash as num, LinkedRow, SortHeaderCell } from '../../components/SortableTable.tsx';
import { generationLabel } from './populationData.ts';
import { higherIsBetter, resultsJson, sortRows } from './resultRows.ts';
import type { ResultRow, SortColumn, SortOrder } from './resultRows.ts';

export interface ResultsTableProps {
  rows: readonly ResultRow[];
  method: 'evolution' | 'random';
  winnerKey: ArchKey | undefined;
  nameOf(row: ResultRow): string;
  selectedId: string | undefined;
  onSelect(row: ResultRow): void;
}

const COLUMNS: { column: SortColumn; label: string }[] = [
  { column: 'order', label: '#' },
  { column: 'proxyLoss', label: 'Proxy loss' },
  { column: 'testLogLoss', label: 'Test log loss' },
  { column: 'auc', label: 'Test AUC' },
  { column: 'flops', label: 'FLOPs' },
  { column: 'params', label: 'Params' },
];

const ROLE_TEXT = { candidate: 'candidate', finalist: 'finalist', baseline: 'baseline' } as const;

/** `data-testid="search-results"`; each row `tr[data-row-id]` with `data-role`; header buttons `sort-{column}`. */
export function ResultsTable({ rows, method, winnerKey, nameOf, selectedId, onSelect }: ResultsTableProps) {
  const focus = useArchFocus();
  const [order, setOrder] = useState<SortOrder>({ column: 'testLogLoss', descending: false });
  const sorted = useMemo(() => sortRows(rows, order), [rows, order]);
  const sortBy = (column: SortColumn) => setOrder((o) => (o.column === column ? { column, descending: !o.descending } : { column, descending: higherIsBetter(column) }));
  const exportCsv = () =>
    downloadText(
      'search-results.csv',
      toCsv(
        ['name', 'role', 'model', 'key', 'order', 'generation', 'proxy_loss', 'val_loss', 'test_log_loss', 'test_auc', 'flops', 'params'],
        sorted.map((r) => [nameOf(r), r.role, r.modelName, r.key, r.order, r.generation, r.proxyLoss, r.valLoss, r.testLogLoss, r.auc, r.flops, r.params]),
      ),
      'text/csv',
    );
  return (
    <section className="results" aria-label="Search results">
      <div className="results-header">
        <h3>Results</h3>
        <button type="button" onClick={exportCsv} disabled={rows.length === 0} data-testid="search-results-csv">
          Download CSV
        </button>
        <button
          type="button"
          onClick={() => downloadText('search-results.json', resultsJson(sorted, nameOf, method, winnerKey))}
          disabled={rows.length === 0}
          data-testid="search-results-json"
        >
          Download JSON
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="hint">Scored architectures, finalists and baselines appear here as the search runs.</p>
      ) : (
        <div className="table-scroll">
          <table className="table results-table" data-testid="search-results" data-rows={rows.length}>
            <caption>Click a row (or press Enter on it) to inspect the model. Baselines and finalists are trained from scratch; candidates carry a proxy score only.</caption>
            <thead>
              <tr>
                <th scope="col">Architecture</th>
                <th scope="col">Role</th>
                {COLUMNS.map((c) => (
                  <SortHeaderCell key={c.column} column={c.column} label={c.label} order={order} onSort={sortBy} testId={`sort-${c.column}`} />
                ))}
              </tr>
            </thead>
            <tbody onMouseLeave={() => focus.setHovered(undefined)}>
              {sorted.map((r) => (
                <LinkedRow key={r.rowId} focusId={r.focusId} rowId={r.rowId} role={r.role} className={`role-${r.role}`} selected={r.focusId === selectedId} onSelect={() => onSelect(r)}>
                  <th scope="row">
                    <span className="arch-name">{nameOf(r)}</span>
                    {r.key && r.key === winnerKey && <span className="tag tag-winner">winner</span>}
                    {r.key && (
                      <code className="arch-key" title={r.key}>
                        {r.key}
                      </code>
                    )}
                  </th>
                  <td>
                    {r.modelName && r.role === 'finalist' ? r.modelName : ROLE_TEXT[r.role]}
                    {r.generation !== undefined && <span className="hint"> · {generationLabel(r.generation, method)}</span>}
                  </td>
                  <td className="num">{r.order ?? '—'}</td>
                  <td className="num">{num(r.proxyLoss, formatLogLoss)}</td>
                  <td className="num">{num(r.testLogLoss, formatLogLoss)}</td>
                  <td className="num">{num(r.auc, (v) => v.toFixed(4))}</td>
                  <td className="num">{formatCount(r.flops)}</td>
                  <td className="num">{formatCount(r.params)}</td>
                </LinkedRow>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
