// Adapter: proxy loss against from-scratch loss for the K architectures, with τ and ρ and their intervals.
import { useId, useMemo } from 'react';
import type { RankCorrelationSummary } from '../../../worker/protocol.ts';
import { archName } from '../../arch/archName.ts';
import { ScatterChart } from '../../charts/ScatterChart.tsx';
import type { ScatterSeriesStyle } from '../../charts/ScatterChart.tsx';
import type { ReferenceLine } from '../../charts/lineData.ts';
import { formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { formatCorrelation, scatterPoints, withInterval } from './rankData.ts';
import type { RankScatterPoint } from './rankData.ts';
import type { RankRow } from './rankState.ts';

export interface RankScatterProps {
  rows: readonly RankRow[];
  correlations: readonly RankCorrelationSummary[];
  /** Index into `correlations` of the setting whose proxy is plotted. */
  setting: number;
  onSetting(index: number): void;
  valBaseRate: number | undefined;
  selectedId: string | undefined;
  onSelect(id: string): void;
}

const SERIES: ScatterSeriesStyle[] = [{ key: 'arch', label: 'Architecture', color: '#0072B2', shape: 'circle' }];

/** `data-testid="rank-scatter"` (`data-points`); `rank-tau` and `rank-rho` carry `data-value`, `data-lo`, `data-hi`. */
export function RankScatter({ rows, correlations, setting, onSetting, valBaseRate, selectedId, onSelect }: RankScatterProps) {
  const focus = useArchFocus();
  const selectId = useId();
  const chosen = correlations[setting];
  const points = useMemo(() => scatterPoints(rows, chosen?.proxy), [rows, chosen]);
  const byKey = useMemo(() => new Map(rows.map((r) => [r.key as string, r])), [rows]);
  const refLines = useMemo<ReferenceLine[]>(() => (valBaseRate === undefined ? [] : [{ key: 'base', label: 'Base rate (validation)', chartLabel: 'base rate', y: valBaseRate, color: '#4b5563' }]), [valBaseRate]);
  return (
    <figure className="chart" data-testid="rank-scatter" data-points={points.length}>
      <figcaption>Does the proxy rank like real training? Proxy loss against loss trained from scratch (both on validation rows)</figcaption>
      {correlations.length > 1 && (
        <div className="field inline-field">
          <label htmlFor={selectId}>Proxy of</label>
          <select id={selectId} value={setting} onChange={(e) => onSetting(Number(e.target.value))} data-testid="rank-setting">
            {correlations.map((c, i) => (
              <option key={c.name} value={i}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {chosen ? (
        <p className="rank-stats">
          <span data-testid="rank-tau" data-value={chosen.kendallTau} data-lo={chosen.kendallCI[0]} data-hi={chosen.kendallCI[1]}>
            Kendall&apos;s τ = {withInterval(chosen.kendallTau, chosen.kendallCI)}
          </span>
          <span data-testid="rank-rho" data-value={chosen.spearmanRho} data-lo={chosen.spearmanCI[0]} data-hi={chosen.spearmanCI[1]}>
            Spearman&apos;s ρ = {withInterval(chosen.spearmanRho, chosen.spearmanCI)}
          </span>
          <span>
            top-{chosen.topK} overlap {formatCorrelation(chosen.topKOverlap)}
          </span>
        </p>
      ) : (
        <p className="hint">τ and ρ appear once every architecture is trained from scratch. 1 means the proxy orders them exactly as real training does; 0, no better than chance.</p>
      )}
      {points.length === 0 ? (
        <p className="hint chart-empty">Each architecture appears here once it has both its proxy score and its loss trained from scratch.</p>
      ) : (
        <ScatterChart<RankScatterPoint>
          points={points}
          series={SERIES}
          refLines={refLines}
          title="Proxy log loss against standalone log loss, one point per architecture"
          xLabel={`proxy log loss${chosen && setting > 0 ? ` (${chosen.name})` : ''}`}
          yLabel="log loss trained from scratch"
          hoveredId={focus.hovered}
          selectedId={selectedId}
          onHover={focus.setHovered}
          onSelect={(p) => onSelect(p.id)}
          tooltip={(p) => {
            const r = byKey.get(p.id);
            return (
              <>
                <strong>{r ? archName(r.arch, r.key) : p.id}</strong>
                <div>proxy {formatLogLoss(p.x)}</div>
                <div>from scratch {formatLogLoss(p.y)}</div>
              </>
            );
          }}
        />
      )}
    </figure>
  );
}
