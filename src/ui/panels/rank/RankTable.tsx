// The rank check's table: each architecture's proxy and from-scratch losses and cost; sortable, linked to the charts.
import { useMemo, useState } from 'react';
import { archName } from '../../arch/archName.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { formatOrDash as num, LinkedRow, SortHeaderCell, type ColumnOrder } from '../../components/SortableTable.tsx';
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

/** `data-testid="rank-table"`; rows `tr[data-row-id]`; header buttons `rank-sort-{column}`. */
export function RankTable({ rows, selectedId, onSelect }: { rows: readonly RankRow[]; selectedId: string | undefined; onSelect(row: RankRow): void }) {
  const focus = useArchFocus();
  const [order, setOrder] = useState<ColumnOrder<Column>>({ column: 'index', descending: false });
  const sortBy = (column: Column) => setOrder((o) => ({ column, descending: o.column === column ? !o.descending : false }));
  const sorted = useMemo(() => sortByValue(rows, (r) => r[order.column], order.descending), [rows, order]);
  return (
    <div className="table-scroll">
      <table className="table results-table" data-testid="rank-table" data-rows={rows.length}>
        <caption>Click a row (or press Enter on it) to inspect the architecture.</caption>
        <thead>
          <tr>
            <th scope="col">Architecture</th>
            {COLUMNS.map((c) => (
              <SortHeaderCell key={c.column} column={c.column} label={c.label} order={order} onSort={sortBy} testId={`rank-sort-${c.column}`} />
            ))}
          </tr>
        </thead>
        <tbody onMouseLeave={() => focus.setHovered(undefined)}>
          {sorted.map((r) => (
            <LinkedRow key={r.key} focusId={r.key} rowId={r.key} selected={r.key === selectedId} onSelect={() => onSelect(r)}>
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
            </LinkedRow>
          ))}
        </tbody>
      </table>
    </div>
  );
}
