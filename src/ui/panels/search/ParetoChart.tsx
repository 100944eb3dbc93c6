// Adapter: cost (FLOPs) against quality (proxy or test log loss), its Pareto front, and the baselines marked.
import { useId, useMemo, useState } from 'react';
import type { CandidateMessage, FinalModelSummary } from '../../../worker/protocol.ts';
import { ScatterChart } from '../../charts/ScatterChart.tsx';
import type { ScatterDatum, ScatterLine, ScatterRule, ScatterSeriesStyle } from '../../charts/ScatterChart.tsx';
import type { ReferenceLine } from '../../charts/lineData.ts';
import { formatCount, formatLogLoss } from '../../format.ts';
import { useArchFocus } from '../../hooks/useArchFocus.ts';
import { paretoFront } from './pareto.ts';
import { focusIdOf } from './resultRows.ts';

export type ParetoMode = 'proxy' | 'test';

interface CostDatum extends ScatterDatum {
  name: string;
  lossLabel: string;
  params: number;
}

export interface ParetoChartProps {
  candidates: readonly CandidateMessage[];
  finals: readonly FinalModelSummary[];
  /** Names shown for candidates (short arch names) by key. */
  nameOf(id: string): string;
  baseRate: { val: number; test: number } | undefined;
  selectedId: string | undefined;
  onSelect(id: string): void;
}

const BASELINE_COLOR = '#000000';
const SERIES: Record<'candidate' | 'finalist' | 'baseline', ScatterSeriesStyle> = {
  candidate: { key: 'candidate', label: 'Candidate (proxy score)', color: '#56B4E9', shape: 'circle' },
  finalist: { key: 'finalist', label: 'Finalist (trained from scratch)', color: '#E69F00', shape: 'diamond' },
  baseline: { key: 'baseline', label: 'Baseline (trained from scratch)', color: BASELINE_COLOR, shape: 'square' },
};
const MODES: { value: ParetoMode; label: string }[] = [
  { value: 'proxy', label: 'Proxy loss (all candidates)' },
  { value: 'test', label: 'Test log loss (finalists and baselines)' },
];

function points(mode: ParetoMode, candidates: readonly CandidateMessage[], finals: readonly FinalModelSummary[], nameOf: (id: string) => string): CostDatum[] {
  if (mode === 'proxy') {
    const finalistKeys = new Set(finals.filter((f) => f.role === 'finalist').map((f) => f.key as string));
    return candidates.map((c) => ({ id: c.key, x: c.flops, y: c.loss, series: finalistKeys.has(c.key) ? 'finalist' : 'candidate', name: nameOf(c.key), lossLabel: 'proxy loss', params: c.params }));
  }
  return finals.map((f) => ({ id: focusIdOf(f), x: f.flops, y: f.test.logLoss, series: f.role, name: f.role === 'baseline' ? f.name : `${f.name}: ${nameOf(focusIdOf(f))}`, lossLabel: 'test log loss', params: f.params }));
}

/** `data-testid="pareto-chart"` (`data-mode`, `data-points`, `data-baselines` = baselines marked). */
export function ParetoChart({ candidates, finals, nameOf, baseRate, selectedId, onSelect }: ParetoChartProps) {
  const focus = useArchFocus();
  const name = useId();
  const [mode, setMode] = useState<ParetoMode>('proxy');
  const data = useMemo(() => points(mode, candidates, finals, nameOf), [mode, candidates, finals, nameOf]);
  const baselines = useMemo(() => finals.filter((f) => f.role === 'baseline'), [finals]);
  const lines = useMemo<ScatterLine[]>(() => [{ key: 'front', label: 'Pareto front', color: '#CC79A7', points: paretoFront(data), curve: 'step', className: 'pareto-front' }], [data]);
  // Baselines have no proxy score: in proxy mode they mark their cost only.
  const rules = useMemo<ScatterRule[]>(() => (mode === 'proxy' ? baselines.map((b) => ({ key: b.name, id: focusIdOf(b), x: b.flops, label: b.name, color: BASELINE_COLOR })) : []), [mode, baselines]);
  const refLines = useMemo<ReferenceLine[]>(() => {
    const y = mode === 'proxy' ? baseRate?.val : baseRate?.test;
    return y === undefined ? [] : [{ key: 'base', label: `Base rate (${mode === 'proxy' ? 'validation' : 'test'})`, chartLabel: 'base rate', y, color: '#4b5563' }];
  }, [mode, baseRate]);
  const series = mode === 'proxy' ? [SERIES.candidate, SERIES.finalist] : [SERIES.finalist, { ...SERIES.baseline, labelled: (id: string) => baselines.find((b) => focusIdOf(b) === id)?.name }];
  return (
    <figure className="chart" data-testid="pareto-chart" data-mode={mode} data-points={data.length} data-baselines={mode === 'proxy' ? rules.length : data.filter((d) => d.series === 'baseline').length}>
      <figcaption>Cost against quality: FLOPs per example against log loss (lower-left is better)</figcaption>
      <div className="segmented" role="radiogroup" aria-label="Loss shown">
        {MODES.map((m) => (
          <label key={m.value} className={mode === m.value ? 'checked' : ''}>
            <input type="radio" name={name} checked={mode === m.value} onChange={() => setMode(m.value)} data-testid={`pareto-mode-${m.value}`} />
            {m.label}
          </label>
        ))}
      </div>
      {data.length === 0 ? (
        <p className="hint chart-empty">
          {mode === 'test'
            ? 'Finalists and baselines appear here once they are trained from scratch (after the candidates are scored).'
            : 'Each scored architecture appears here at its cost, with the Pareto front: the ones no other beats on both cost and loss.'}
        </p>
      ) : (
        <ScatterChart<CostDatum>
          points={data}
          series={series}
          lines={lines}
          rules={rules}
          rulesLabel="Baseline's cost (no proxy score: see Test log loss)"
          refLines={refLines}
          xScale="log"
          title={`FLOPs per example against ${mode === 'proxy' ? 'proxy' : 'test'} log loss, with the Pareto front`}
          xLabel="FLOPs per example (log scale)"
          yLabel={mode === 'proxy' ? 'proxy log loss' : 'test log loss'}
          hoveredId={focus.hovered}
          selectedId={selectedId}
          onHover={focus.setHovered}
          onSelect={(p) => onSelect(p.id)}
          tooltip={(p) => (
            <>
              <strong>{p.name}</strong>
              <div>
                {p.lossLabel} {formatLogLoss(p.y)}
              </div>
              <div>
                {formatCount(p.x)} FLOPs · {formatCount(p.params)} params
              </div>
            </>
          )}
        />
      )}
    </figure>
  );
}
