// Pieces every sortable, inspectable results table shares: the sort-button header cell, the linked row, the dash for a missing number.
import type { ReactNode } from 'react';
import { useArchFocus } from '../hooks/useArchFocus.ts';

/** The column a table is sorted by and its direction. */
export interface ColumnOrder<C extends string> {
  column: C;
  descending: boolean;
}

/** `f(v)`, or an em dash when `v` is missing or NaN. */
export function formatOrDash(v: number | undefined, f: (n: number) => string): string {
  return v === undefined || Number.isNaN(v) ? '—' : f(v);
}

/** A numeric column header whose button sorts by `column` (`aria-sort` and ▲/▼ follow `order`). */
export function SortHeaderCell<C extends string>({ column, label, order, onSort, testId }: { column: C; label: string; order: ColumnOrder<C>; onSort(column: C): void; testId: string }) {
  const active = order.column === column;
  return (
    <th scope="col" className="num" aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)} data-testid={testId}>
        {label}
        <span aria-hidden="true">{active ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

export interface LinkedRowProps {
  /** The architecture (or baseline) id shared with the charts: hovering highlights it everywhere. */
  focusId: string | undefined;
  rowId: string;
  selected: boolean;
  className?: string;
  role?: string;
  onSelect(): void;
  children: ReactNode;
}

/** A table row linked to the charts: hover and focus highlight it everywhere; click, Enter or Space select it. */
export function LinkedRow({ focusId, rowId, selected, className, role, onSelect, children }: LinkedRowProps) {
  const focus = useArchFocus();
  const classes = [focusId !== undefined && focusId === focus.hovered ? 'is-hovered' : '', selected ? 'is-selected' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <tr
      className={classes}
      data-row-id={rowId}
      data-role={role}
      tabIndex={0}
      onMouseEnter={() => focus.setHovered(focusId)}
      onFocus={() => focus.setHovered(focusId)}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      {children}
    </tr>
  );
}
