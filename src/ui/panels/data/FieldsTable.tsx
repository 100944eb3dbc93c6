// Per-field table: name, kind, distinct values, missing rate, buckets; kind selectors after a CSV load.
import type { FieldKind, FieldStats } from '../../../core/data/types.ts';
import { formatCount, formatPercent } from '../../format.ts';

export interface FieldsTableProps {
  fields: FieldStats[];
  /** When set (CSV loads), each kind is a selector; `kinds` holds the user's edits. */
  editable?: { kinds: Record<string, FieldKind>; onKind(field: string, kind: FieldKind): void; onReload(): void; changed: boolean };
}

/** The fields of the loaded data; with `editable`, a "Reload with these kinds" button below. */
export function FieldsTable({ fields, editable }: FieldsTableProps) {
  return (
    <div className="fields">
      <div className="table-scroll">
        <table className="table" data-testid="fields-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Distinct
              </th>
              <th scope="col" className="num">
                Missing
              </th>
              <th scope="col" className="num">
                Buckets
              </th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.name} data-field={f.name}>
                <th scope="row">{f.name}</th>
                <td>{editable ? <KindSelect field={f.name} value={editable.kinds[f.name] ?? f.kind} onChange={editable.onKind} /> : f.kind}</td>
                <td className="num">
                  {f.distinctCapped ? '≥ ' : ''}
                  {formatCount(f.distinct)}
                </td>
                <td className="num">{formatPercent(f.missingRate)}</td>
                <td className="num">{f.kind === 'categorical' ? formatCount(f.buckets) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable && (
        <p className="inline">
          <button type="button" onClick={editable.onReload} disabled={!editable.changed} data-testid="reload-kinds">
            Reload with these kinds
          </button>
          <span className="hint">Dense: the number itself feeds the model. Categorical: each value gets its own learned embedding.</span>
        </p>
      )}
    </div>
  );
}

function KindSelect({ field, value, onChange }: { field: string; value: FieldKind; onChange(field: string, kind: FieldKind): void }) {
  return (
    <select aria-label={`Kind of ${field}`} value={value} onChange={(e) => onChange(field, e.target.value as FieldKind)}>
      <option value="dense">dense</option>
      <option value="categorical">categorical</option>
    </select>
  );
}
