// The rank check's table: each architecture's proxy and from-scratch losses and cost; sortable, linked to the charts.
import { useMemo, useState } from 'react';
import { archName } from '../../arch/archName.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { sortByValue } from '../analysis/sortByValue.ts';
import type { RankRow } from './rankState.ts';

type Column = 'index' | 'proxy' | 'standalone' | 'flops' | 'params';
const COLUMNS: { column: Column; label: string }[] = [
  { column: 'index', label: '#' },
  { column: 'proxy', label: 'Proxy loss' },
  { column: 'standalone', label: 'From scratch' },
  { column: 'flops', label: 'FLOPs' },
  { column: 'params', label: 'Params' },
];

const num = (v: number | undefined, f: (n: number) => string) => (v === undefined || Number.isNaN(v) ? '—' : f(v));

/** `data-testid="rank-table"`; rows `tr[data-row-id]`; header buttons `rank-sort-{column}`. */
export function RankTable({ rows, selectedId, onSelect }: { rows: readonly RankRow[]; selectedId: string | undefined; onSelect(row: RankRow): void }) {
  const focus = useArchFocus();
  const [order, setOrder] = useState<{ column: Column; descending: boolean }>({ column: 'index', descending: false });
  const sorted = useMemo(() => sortByValue(rows, (r) => r[order.column], order.descending), [rows, order]);
  return (
    <div className="table-scroll">
      <table className="table results-table" data-testid="rank-table" data-rows={rows.length}>
        <caption>Click a row (or press Enter on it) to inspect the architecture.</caption>
        <thead>
          <tr>
            <th scope="col">Architecture</th>
            {COLUMNS.map((c) => (
              <th key={c.column} scope="col" className="num" aria-sort={order.column === c.column ? (order.descending ? 'descending' : 'ascending') : 'none'}>
                <button type="button" className="sort-button" onClick={() => setOrder((o) => ({ column: c.column, descending: o.column === c.column ? !o.descending : false }))} data-testid={`rank-sort-${c.column}`}>
                  {c.label}
                  <span aria-hidden="true">{order.column === c.column ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody onMouseLeave={() => focus.setHovered(undefined)}>
          {sorted.map((r) => (
            <tr
              key={r.key}
              className={[r.key === focus.hovered ? 'is-hovered' : '', r.key === selectedId ? 'is-selected' : ''].filter(Boolean).join(' ')}
              data-row-id={r.key}
              tabIndex={0}
              onMouseEnter={() => focus.setHovered(r.key)}
              onFocus={() => focus.setHovered(r.key)}
              onClick={() => onSelect(r)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(r);
                }
              }}
            >
              <th scope="row">
                <span className="arch-name">{archName(r.arch, r.key)}</span>
                <code className="arch-key" title={r.key}>
                  {r.key}
                </code>
              </th>
              <td className="num">{r.index + 1}</td>
              <td className="num">{num(r.proxy, formatLogLoss)}</td>
              <td className="num">{num(r.standalone, formatLogLoss)}</td>
              <td className="num">{num(r.flops, formatCount)}</td>
              <td className="num">{num(r.params, formatCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
