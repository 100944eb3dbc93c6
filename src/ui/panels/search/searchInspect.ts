// What the inspector shows for a row of the search results: kind, metrics, and the arch when it has one. Pure.
import type { ArchKey } from '../../../core/space/types.ts';
import { archName } from '../../arch/archName.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import type { InspectItem } from '../../inspector/inspectItem.ts';
import { generationLabel } from './populationData.ts';
import type { ResultRow } from './resultRows.ts';

const fixed4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : '—');

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function kindOf(row: ResultRow, method: 'evolution' | 'random', winner: boolean): string {
  const origin = row.order !== undefined ? `#${row.order}, ${generationLabel(row.generation ?? -1, method)}` : '';
  switch (row.role) {
    case 'candidate':
      return `Candidate ${origin}: scored by the supernet's proxy only.`;
    case 'finalist':
      return `${capitalize(row.modelName ?? 'finalist')} (candidate ${origin}): one of the best by proxy, retrained from scratch${winner ? ' — the winner (best validation loss)' : ''}.`;
    case 'baseline':
      return `Baseline ${row.modelName ?? ''}: a hand-designed model, trained from scratch with the finalists' recipe.`;
  }
}

/** The inspector's item for `row`, shown under `name`. */
export function searchInspectItem(row: ResultRow, name: string, method: 'evolution' | 'random', winnerKey: ArchKey | undefined): InspectItem {
  const metrics: InspectItem['metrics'] = [];
  if (row.proxyLoss !== undefined) metrics.push({ label: 'Proxy loss (validation)', value: formatLogLoss(row.proxyLoss) });
  if (row.valLoss !== undefined) metrics.push({ label: 'Validation loss, from scratch', value: formatLogLoss(row.valLoss) });
  if (row.test) {
    metrics.push({ label: 'Test log loss', value: formatLogLoss(row.test.logLoss) });
    metrics.push({ label: 'Test AUC', value: fixed4(row.test.auc) });
    metrics.push({ label: 'Normalized entropy', value: fixed4(row.test.normalizedEntropy) });
    metrics.push({ label: 'Calibration', value: fixed4(row.test.calibration) });
  }
  metrics.push({ label: 'FLOPs per example', value: formatCount(row.flops) });
  metrics.push({ label: 'Parameters (non-embedding)', value: formatCount(row.params) });
  return {
    id: row.focusId,
    title: name,
    kind: kindOf(row, method, row.key !== undefined && row.key === winnerKey),
    ...(row.arch ? { arch: row.arch } : {}),
    ...(row.key ? { key: row.key } : {}),
    metrics,
    ...(row.testLogLoss !== undefined ? { testLoss: row.testLogLoss } : {}),
    note: 'This baseline is not an architecture of the search space, so it has no block graph or architecture JSON.',
  };
}

/** The name shown for a row: a baseline's name, else the arch's short name. */
export function rowName(row: ResultRow): string {
  if (row.role === 'baseline') return row.modelName ?? row.focusId;
  return row.arch && row.key ? archName(row.arch, row.key) : row.focusId;
}
