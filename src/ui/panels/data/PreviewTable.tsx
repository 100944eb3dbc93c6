// The first decoded rows: each row's line, label and encoded value per field, with its raw cells beneath.
import type { FieldStats, PreviewRow } from '../../../core/data/types.ts';

/** Encoded values of a preview row in field order (dense values and bucket indices interleaved as the fields are). */
export function encodedByField(fields: FieldStats[], row: PreviewRow): (number | undefined)[] {
  let d = 0;
  let c = 0;
  return fields.map((f) => (f.kind === 'dense' ? row.dense[d++] : row.categorical[c++]));
}

function formatEncoded(value: number | undefined, kind: FieldStats['kind']): string {
  if (value === undefined) return '';
  return kind === 'dense' ? value.toFixed(3) : String(value);
}

/** Scrollable table: one column per field (dense → ln(x+1), categorical → bucket index, 0 = missing). */
export function PreviewTable({ fields, rows }: { fields: FieldStats[]; rows: PreviewRow[] }) {
  if (rows.length === 0) return <p className="hint">No rows to preview.</p>;
  return (
    <div className="table-scroll" data-testid="preview">
      <table className="table preview-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Label</th>
            {fields.map((f) => (
              <th scope="col" key={f.name} className="num">
                {f.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const encoded = encodedByField(fields, row);
            return [
              <tr key={`${row.line}-enc`} className="preview-encoded">
                <th scope="row" rowSpan={2}>
                  {row.line}
                </th>
                <td rowSpan={2}>{row.label}</td>
                {fields.map((f, i) => (
                  <td key={f.name} className="num">
                    {formatEncoded(encoded[i], f.kind)}
                  </td>
                ))}
              </tr>,
              <tr key={`${row.line}-raw`} className="preview-raw">
                <td colSpan={fields.length}>
                  <span className="preview-raw-label">raw:</span> <code>{row.raw.map((cell) => (cell === '' ? '∅' : cell)).join(' │ ')}</code>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
