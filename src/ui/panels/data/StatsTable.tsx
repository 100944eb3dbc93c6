// Dataset statistics: totals, each split's rows / label rate / base-rate log loss, size and load time.
import type { DatasetStats, SplitStats } from '../../../core/data/types.ts';
import { formatCount, formatDuration, formatLogLoss, formatMB, formatPercent } from '../../format.ts';

const SPLITS: { key: keyof DatasetStats['splits']; label: string }[] = [
  { key: 'train', label: 'Train' },
  { key: 'val', label: 'Validation' },
  { key: 'test', label: 'Test' },
];

/** Rows, label rate and base-rate log loss overall and per split, then encoding facts. */
export function StatsTable({ stats }: { stats: DatasetStats }) {
  return (
    <div className="stats">
      <table className="table stats-table" data-testid="stats">
        <caption>
          {stats.source} · {stats.format} · {stats.splitMode === 'random' ? 'random 80/10/10 split' : 'split in file order'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rows in</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Label rate (clicks)
            </th>
            <th scope="col" className="num" title="Log loss of always predicting the training label rate: any useful model must beat it.">
              Base-rate log loss
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="total">
            <th scope="row">All</th>
            <td className="num" data-testid="stats-rows">
              {formatCount(stats.rows)}
            </td>
            <td className="num" data-testid="stats-label-rate">
              {formatPercent(stats.labelRate)}
            </td>
            <td className="num">{formatLogLoss(stats.baseRateLogLoss)}</td>
          </tr>
          {SPLITS.map(({ key, label }) => (
            <SplitRow key={key} label={label} split={stats.splits[key]} testId={`stats-${key}`} />
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Read</dt>
        <dd>{formatMB(stats.bytes)}</dd>
        <dt>Encoded size</dt>
        <dd data-testid="stats-bytes-per-row">{stats.encodedBytesPerRow.toFixed(0)} bytes per row</dd>
        <dt>Fields</dt>
        <dd>
          {stats.fields.filter((f) => f.kind === 'dense').length} dense, {stats.fields.filter((f) => f.kind === 'categorical').length} categorical
        </dd>
        <dt>Load time</dt>
        <dd data-testid="stats-load-time">{formatDuration(stats.elapsedMs)}</dd>
      </dl>
    </div>
  );
}

function SplitRow({ label, split, testId }: { label: string; split: SplitStats; testId: string }) {
  return (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      <td className="num">{formatCount(split.rows)}</td>
      <td className="num">{formatPercent(split.labelRate)}</td>
      <td className="num">{formatLogLoss(split.baseRateLogLoss)}</td>
    </tr>
  );
}
