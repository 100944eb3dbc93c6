// Adapter: per-field distinct counts as a log-scale bar chart, dense and categorical fields told apart.
import { useMemo } from 'react';
import type { FieldKind, FieldStats } from '../../../core/data/types.ts';
import { BarChart } from '../../charts/BarChart.tsx';
import type { BarDatum } from '../../charts/BarChart.tsx';
import type { SeriesStyle } from '../../charts/seriesStyle.tsx';
import { formatCount, formatPercent } from '../../format.ts';

/** Okabe–Ito blue (hatched) for dense, orange (solid) for categorical: distinct without colour too. */
export const KIND_STYLES: SeriesStyle[] = [
  { key: 'dense', label: 'Dense (number)', color: '#0072B2', texture: 'hatch' },
  { key: 'categorical', label: 'Categorical (hashed to buckets)', color: '#E69F00', texture: 'solid' },
];

interface FieldBar extends BarDatum {
  field: FieldStats;
}

const KIND_WORD: Record<FieldKind, string> = { dense: 'dense', categorical: 'categorical' };

/** One bar per field: the number of distinct raw values (log scale); hover for exact numbers. */
export function DistinctChart({ fields }: { fields: FieldStats[] }) {
  const bars = useMemo<FieldBar[]>(
    () => fields.map((f) => ({ key: f.name, label: f.name, value: f.distinct, series: f.kind, field: f })),
    [fields],
  );
  return (
    <figure className="chart" data-testid="distinct-chart">
      <figcaption>Distinct values per field (log scale)</figcaption>
      <BarChart
        bars={bars}
        series={KIND_STYLES}
        title="Distinct values per field, log scale"
        yLabel="Distinct values"
        yScale="log"
        tooltip={({ field }) => (
          <>
            <strong>{field.name}</strong> ({KIND_WORD[field.kind]})
            <br />
            {field.distinctCapped ? 'at least ' : ''}
            {formatCount(field.distinct)} distinct
            <br />
            {formatPercent(field.missingRate)} missing
            {field.kind === 'categorical' && (
              <>
                <br />
                {formatCount(field.buckets)} buckets
              </>
            )}
          </>
        )}
      />
    </figure>
  );
}
