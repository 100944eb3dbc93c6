// Operator balance: how often each operator was sampled and its share of parameter updates, per block and overall.
import { useId, useMemo, useState } from 'react';
import type { DenseOp, SparseOp } from '../../../core/space/types.ts';
import { BarChart } from '../../charts/BarChart.tsx';
import type { BarDatum } from '../../charts/BarChart.tsx';
import { formatCount, formatPercent } from '../../format.ts';
import { OP_STYLES, opSeries } from '../../ops.ts';
import { balanceTable } from './opBalanceData.ts';
import type { BalanceCell, BalanceMode } from './opBalanceData.ts';
import type { OpTotals } from './opTotals.ts';

export interface OpBalanceProps {
  totals: OpTotals;
  denseOps: readonly DenseOp[];
  sparseOps: readonly SparseOp[];
}

const MODES: { value: BalanceMode; label: string }[] = [
  { value: 'count', label: 'Times sampled' },
  { value: 'share', label: 'Share of updates' },
];

function cellText(cell: BalanceCell, mode: BalanceMode): string {
  return mode === 'count' ? formatCount(cell.count) : formatPercent(cell.paramShare, 0);
}

function cellTitle(cell: BalanceCell, where: string): string {
  const s = OP_STYLES[cell.op];
  return `${s.short} (${s.name}) in ${where}: sampled ${formatCount(cell.count)} times (${formatPercent(cell.countShare)} of its stream); ${formatCount(cell.params)} parameter updates (${formatPercent(cell.paramShare)} of its stream).`;
}

interface OpBar extends BarDatum {
  cell: BalanceCell;
}

/** Heatmap table (block × op) with a mode toggle, then overall bars (`data-testid="op-balance"`). */
export function OpBalance({ totals, denseOps, sparseOps }: OpBalanceProps) {
  const [mode, setMode] = useState<BalanceMode>('count');
  const name = useId();
  const table = useMemo(() => balanceTable(totals, denseOps, sparseOps, mode), [totals, denseOps, sparseOps, mode]);
  const ops = [...denseOps, ...sparseOps];
  const bars = useMemo<OpBar[]>(
    () => table.overall.map((cell) => ({ key: cell.op, label: OP_STYLES[cell.op].short, value: mode === 'count' ? cell.count : cell.paramShare * 100, series: cell.op, cell })),
    [table, mode],
  );
  return (
    <section className="op-balance" data-testid="op-balance" data-mode={mode} aria-labelledby={`${name}-title`}>
      <h3 id={`${name}-title`}>Operator balance</h3>
      <div className="segmented" role="radiogroup" aria-label="Show">
        {MODES.map((m) => (
          <label key={m.value} className={mode === m.value ? 'checked' : ''}>
            <input type="radio" name={name} checked={mode === m.value} onChange={() => setMode(m.value)} data-testid={`op-balance-${m.value}`} />
            {m.label}
          </label>
        ))}
      </div>
      <p className="hint">
        {mode === 'count'
          ? 'How many steps trained each operator in each block. Uniform sampling should give each operator of a stream about the same count.'
          : 'Each operator\u2019s share of the parameters that received an update in its stream (dense or sparse): bigger operators get more of the learning.'}
      </p>
      <div className="op-balance-body">
        <table className="table heatmap" data-testid="op-balance-table">
          <thead>
            <tr>
              <th scope="col">Block</th>
              {ops.map((op) => (
                <th scope="col" key={op} className="num">
                  {OP_STYLES[op].short}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, b) => (
              <tr key={b} data-block={b}>
                <th scope="row">Block {b + 1}</th>
                {row.map((cell) => {
                  const max = (denseOps as readonly string[]).includes(cell.op) ? table.max.dense : table.max.sparse;
                  const alpha = max > 0 ? 0.08 + 0.62 * (cell.value / max) : 0;
                  return (
                    <td key={cell.op} className="num heat-cell" data-op={cell.op} title={cellTitle(cell, `block ${b + 1}`)} style={{ background: shade(OP_STYLES[cell.op].color, alpha) }}>
                      {cellText(cell, mode)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total">
              <th scope="row">All blocks</th>
              {table.overall.map((cell) => (
                <td key={cell.op} className="num" data-op={cell.op} title={cellTitle(cell, 'all blocks')}>
                  {cellText(cell, mode)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
        <div className="op-balance-bars">
          <BarChart
            bars={bars}
            series={opSeries(ops)}
            legend={false}
            title={mode === 'count' ? 'Times each operator was sampled, all blocks' : 'Share of parameter updates per operator, all blocks'}
            yLabel={mode === 'count' ? 'times sampled' : '% of its stream'}
            height={200}
            tooltip={({ cell }) => (
              <>
                <strong>
                  {OP_STYLES[cell.op].short} — {OP_STYLES[cell.op].name}
                </strong>
                <br />
                sampled {formatCount(cell.count)} times
                <br />
                {formatPercent(cell.paramShare)} of its stream&apos;s updates
              </>
            )}
          />
        </div>
      </div>
    </section>
  );
}

/** `#RRGGBB` at opacity `alpha` over white, as an rgba() colour. */
function shade(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha.toFixed(3)})`;
}
