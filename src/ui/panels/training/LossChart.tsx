// Adapter: the run's train-loss moving average, validation points and base-rate line as a LineChart.
import { useMemo } from 'react';
import { LineChart } from '../../charts/LineChart.tsx';
import type { LineSeries, ReferenceLine } from '../../charts/LineChart.tsx';
import { formatCount, formatLogLoss } from '../../format.ts';
import { LOSS_WINDOW, movingAverage } from './movingAverage.ts';
import type { StepPoint } from './trainingState.ts';

export interface LossChartProps {
  loss: readonly StepPoint[];
  val: readonly StepPoint[];
  baseRateLogLoss: number | undefined;
  totalSteps: number;
}

/** Colours: Okabe–Ito black for train, vermillion for validation, grey dashes for the base rate. */
const COLORS = { raw: '#999999', train: '#000000', val: '#D55E00', base: '#4b5563' };

/** Log loss against step (`data-testid="loss-chart"`: `path.train-loss`, `circle.val-point`). */
export function LossChart({ loss, val, baseRateLogLoss, totalSteps }: LossChartProps) {
  const series = useMemo<LineSeries[]>(
    () => [
      {
        key: 'train',
        label: `Train (moving average, ${LOSS_WINDOW} steps)`,
        color: COLORS.train,
        className: 'train-loss',
        points: movingAverage(loss),
        mark: 'line',
      },
      {
        key: 'raw',
        label: 'Train, each reading',
        color: COLORS.raw,
        className: 'train-loss-raw',
        points: loss.map((p) => ({ x: p.step, y: p.value })),
        mark: 'line',
        strokeWidth: 1,
        opacity: 0.6,
        inDomain: false,
      },
      {
        key: 'val',
        label: 'Validation',
        color: COLORS.val,
        className: 'val',
        dash: '4 3',
        points: val.map((p) => ({ x: p.step, y: p.value })),
        mark: 'both',
      },
    ],
    [loss, val],
  );
  const refLines = useMemo<ReferenceLine[]>(
    () => (baseRateLogLoss === undefined ? [] : [{ key: 'base', label: 'Base rate (always predict the average click rate)', chartLabel: 'base rate', y: baseRateLogLoss, color: COLORS.base, className: 'base-rate' }]),
    [baseRateLogLoss],
  );
  const xDomain = useMemo<[number, number]>(() => [0, Math.max(totalSteps, 1)], [totalSteps]);
  return (
    <figure className="chart" data-testid="loss-chart" data-points={loss.length} data-val-points={val.length}>
      <figcaption>Log loss while training (lower is better)</figcaption>
      <LineChart
        series={series}
        refLines={refLines}
        xDomain={xDomain}
        title="Train and validation log loss against training step"
        xLabel="step"
        yLabel="log loss"
        formatX={formatCount}
        formatY={formatLogLoss}
        height={300}
      />
    </figure>
  );
}
