// What the inspector shows for an architecture of the rank check: its losses, ranks and cost. Pure.
import type { RankCorrelationSummary } from '../../../worker/protocol.ts';
import { archName } from '../../arch/archName.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import type { InspectItem } from '../../inspector/inspectItem.ts';
import { rankAmong } from '../analysis/sortByValue.ts';
import type { RankRow } from './rankState.ts';

/** "2nd of 12". */
function ordinal(n: number, of: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix} of ${of}`;
}

/** The inspector's item for `row` among `rows`, with each setting's proxy loss when the check is done. */
export function rankInspectItem(row: RankRow, rows: readonly RankRow[], correlations: readonly RankCorrelationSummary[]): InspectItem {
  const metrics: InspectItem['metrics'] = [];
  const byIndex = (f: (r: RankRow) => number | undefined) => {
    const values: number[] = [];
    for (const r of rows) values[r.index] = f(r) ?? NaN;
    return values;
  };
  if (row.standalone !== undefined) {
    metrics.push({ label: 'Loss trained from scratch', value: formatLogLoss(row.standalone) });
    const r = rankAmong(byIndex((x) => x.standalone), row.index);
    if (r !== undefined) metrics.push({ label: 'Rank by training from scratch', value: ordinal(r, rows.length) });
  }
  if (row.proxy !== undefined) {
    metrics.push({ label: 'Proxy loss', value: formatLogLoss(row.proxy) });
    const r = rankAmong(byIndex((x) => x.proxy), row.index);
    if (r !== undefined) metrics.push({ label: 'Rank by proxy', value: ordinal(r, rows.length) });
  }
  for (const c of correlations.slice(1)) {
    const v = c.proxy[row.index];
    if (v !== undefined) metrics.push({ label: `Proxy loss, ${c.name}`, value: formatLogLoss(v) });
  }
  if (row.flops !== undefined) metrics.push({ label: 'FLOPs per example', value: formatCount(row.flops) });
  if (row.params !== undefined) metrics.push({ label: 'Parameters (non-embedding)', value: formatCount(row.params) });
  return { id: row.key, title: archName(row.arch, row.key), kind: `Architecture ${row.index + 1} of the rank check: drawn at random from the space.`, arch: row.arch, key: row.key, metrics };
}
