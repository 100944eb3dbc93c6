// The search results table's rows: every scored candidate, finalists merged in, every baseline; and sorting. Pure.
import { archToJson, type ArchJson } from '../../../core/space/archJson.ts';
import type { Arch, ArchKey } from '../../../core/space/types.ts';
import type { Metrics } from '../../../core/train/metrics.ts';
import type { CandidateMessage, FinalModelSummary } from '../../../worker/protocol.ts';
import { sortByValue } from '../analysis/sortByValue.ts';

export type ResultRole = 'candidate' | 'finalist' | 'baseline';

export interface ResultRow {
  /** Unique in the table: "c:<key>" for candidates and finalists, "b:<name>" for baselines. */
  rowId: string;
  /** What hovering and selecting link across views: the arch key, or "baseline:<name>" for a model outside the space. */
  focusId: string;
  role: ResultRole;
  /** "finalist 1", "DLRM-like"; absent for a candidate that was not retrained. */
  modelName?: string;
  key?: ArchKey;
  arch?: Arch;
  /** 1-based scoring order and generation (−1 = initial population or random draw). */
  order?: number;
  generation?: number;
  proxyLoss?: number;
  valLoss?: number;
  testLogLoss?: number;
  auc?: number;
  /** All test metrics of a model trained from scratch. */
  test?: Metrics;
  flops: number;
  params: number;
}

export type SortColumn = 'order' | 'proxyLoss' | 'testLogLoss' | 'auc' | 'flops' | 'params';
export interface SortOrder {
  column: SortColumn;
  descending: boolean;
}

/** The id that links a final model across views (arch key, or its name for a baseline outside the space). */
export function focusIdOf(model: Pick<FinalModelSummary, 'key' | 'name'>): string {
  return model.key ?? `baseline:${model.name}`;
}

/** Candidates in scoring order (finalists carry their from-scratch figures), then the baselines. */
export function resultRows(candidates: readonly CandidateMessage[], finals: readonly FinalModelSummary[]): ResultRow[] {
  const finalists = new Map(finals.filter((f) => f.role === 'finalist' && f.key).map((f) => [f.key!, f]));
  const rows: ResultRow[] = candidates.map((c) => {
    const f = finalists.get(c.key);
    return {
      rowId: `c:${c.key}`,
      focusId: c.key,
      role: f ? 'finalist' : 'candidate',
      key: c.key,
      arch: c.arch,
      order: c.index + 1,
      generation: c.generation,
      proxyLoss: c.loss,
      flops: c.flops,
      params: c.params,
      ...(f ? finalFigures(f) : {}),
    };
  });
  const seen = new Set(candidates.map((c) => c.key as string));
  for (const f of finals) {
    if (f.role === 'finalist' && f.key && seen.has(f.key)) continue;
    rows.push({
      rowId: f.role === 'baseline' ? `b:${f.name}` : `c:${f.key ?? f.name}`,
      focusId: focusIdOf(f),
      role: f.role,
      ...(f.key ? { key: f.key } : {}),
      ...(f.arch ? { arch: f.arch } : {}),
      flops: f.flops,
      params: f.params,
      ...finalFigures(f),
    });
  }
  return rows;
}

function finalFigures(f: FinalModelSummary): Pick<ResultRow, 'modelName' | 'valLoss' | 'testLogLoss' | 'auc' | 'test'> {
  return { modelName: f.name, valLoss: f.valLoss, testLogLoss: f.test.logLoss, auc: f.test.auc, test: f.test };
}

/** Whether larger values of a column are better (AUC): it then sorts descending first. */
export function higherIsBetter(column: SortColumn): boolean {
  return column === 'auc';
}

/** A sorted copy; rows without a value in the column (or NaN) go last in either direction; ties keep table order. */
export function sortRows(rows: readonly ResultRow[], order: SortOrder): ResultRow[] {
  return sortByValue(rows, (r) => r[order.column], order.descending);
}

/** One row of the JSON export: what the table shows, the full test metrics, and the architecture in its JSON form. */
export interface ResultJson {
  name: string;
  role: ResultRole;
  model?: string;
  key?: ArchKey;
  order?: number;
  generation?: number;
  proxyLoss?: number;
  valLoss?: number;
  test?: Metrics;
  flops: number;
  params: number;
  arch?: ArchJson;
}

/**
 * Every scored candidate, finalist and baseline as JSON (`search-results.json`): the rows in the table's order, the
 * search method and the winner's key. Each architecture opens again with "Open an architecture file" once saved alone.
 */
export function resultsJson(rows: readonly ResultRow[], nameOf: (row: ResultRow) => string, method: 'evolution' | 'random', winnerKey: ArchKey | undefined): string {
  const out: ResultJson[] = rows.map((r) => ({
    name: nameOf(r),
    role: r.role,
    ...(r.modelName !== undefined ? { model: r.modelName } : {}),
    ...(r.key !== undefined ? { key: r.key } : {}),
    ...(r.order !== undefined ? { order: r.order } : {}),
    ...(r.generation !== undefined ? { generation: r.generation } : {}),
    ...(r.proxyLoss !== undefined ? { proxyLoss: r.proxyLoss } : {}),
    ...(r.valLoss !== undefined ? { valLoss: r.valLoss } : {}),
    ...(r.test !== undefined ? { test: r.test } : {}),
    flops: r.flops,
    params: r.params,
    ...(r.arch !== undefined ? { arch: archToJson(r.arch) } : {}),
  }));
  return `${JSON.stringify({ version: 1, method, ...(winnerKey !== undefined ? { winner: winnerKey } : {}), rows: out }, null, 2)}\n`;
}
