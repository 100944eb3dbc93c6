// Adapter: the population over time — each candidate's proxy loss in scoring order, best so far, generation bands.
import { useMemo } from 'react';
import type { CandidateMessage } from '../../../worker/protocol.ts';
import { archName } from '../../arch/archName.ts';
import { ScatterChart } from '../../charts/ScatterChart.tsx';
import type { ScatterLine, ScatterSeriesStyle } from '../../charts/ScatterChart.tsx';
import type { ReferenceLine } from '../../charts/lineData.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { bestSoFar, generationBands, generationLabel, populationPoints } from './populationData.ts';
import type { PopulationPoint } from './populationData.ts';

export interface PopulationChartProps {
  candidates: readonly CandidateMessage[];
  method: 'evolution' | 'random';
  /** Validation base-rate log loss (the proxy scores validation rows). */
  baseRateLogLoss: number | undefined;
  selectedId: string | undefined;
  onSelect(id: string): void;
}

const SERIES: ScatterSeriesStyle[] = [
  { key: 'initial', label: 'Initial population (random)', color: '#0072B2', shape: 'circle' },
  { key: 'child', label: 'Child (mutation of a tournament winner)', color: '#D55E00', shape: 'triangle' },
  { key: 'random', label: 'Random draw', color: '#009E73', shape: 'circle' },
];

/** `data-testid="population-chart"` (`data-points` = candidates drawn; points are `g.scatter-point`). */
export function PopulationChart({ candidates, method, baseRateLogLoss, selectedId, onSelect }: PopulationChartProps) {
  const focus = useArchFocus();
  const points = useMemo(() => populationPoints(candidates, method), [candidates, method]);
  const byKey = useMemo(() => new Map(candidates.map((c) => [c.key as string, c])), [candidates]);
  const lines = useMemo<ScatterLine[]>(() => [{ key: 'best', label: 'Best so far', color: '#000000', points: bestSoFar(candidates), curve: 'step', className: 'best-so-far' }], [candidates]);
  const bands = useMemo(() => generationBands(candidates, method), [candidates, method]);
  const refLines = useMemo<ReferenceLine[]>(
    () => (baseRateLogLoss === undefined ? [] : [{ key: 'base', label: 'Base rate (validation)', chartLabel: 'base rate', y: baseRateLogLoss, color: '#4b5563' }]),
    [baseRateLogLoss],
  );
  const series = SERIES.filter((s) => points.some((p) => p.series === s.key));
  return (
    <figure className="chart" data-testid="population-chart" data-points={points.length}>
      <figcaption>Population over time: proxy loss of each architecture, in the order scored (lower is better)</figcaption>
      {points.length === 0 ? (
        <p className="hint chart-empty">Each architecture appears here once the proxy has scored it, with the best loss so far as a line.</p>
      ) : (
        <ScatterChart<PopulationPoint>
          points={points}
          series={series}
          lines={lines}
          bands={bands}
          refLines={refLines}
          title="Proxy loss of each scored architecture against the order it was scored"
          xLabel="architecture scored (#)"
          yLabel="proxy log loss"
          hoveredId={focus.hovered}
          selectedId={selectedId}
          onHover={focus.setHovered}
          onSelect={(p) => onSelect(p.id)}
          tooltip={(p) => {
            const c = byKey.get(p.id);
            return (
              <>
                <strong>{c ? archName(c.arch, c.key) : p.id}</strong>
                <div>
                  #{p.x} · {generationLabel(p.generation, method)}
                </div>
                <div>proxy loss {formatLogLoss(p.y)}</div>
                {c && <div>{formatCount(c.flops)} FLOPs · {formatCount(c.params)} params</div>}
              </>
            );
          }}
        />
      )}
    </figure>
  );
}
