// Step 5, Rank check: settings, run and stop, proxy against from-scratch scatter with τ and ρ, the ablation, inspector.
import { useEffect, useMemo, useState } from 'react';
import type { DataReadyMessage } from '../../worker/protocol.ts';
import { Panel } from '../components/Panel.tsx';
import { plural } from '../format.ts';
import { useRank } from '../hooks/useRank.ts';
import { ArchInspector } from '../inspector/ArchInspector.tsx';
import { AnalysisRun } from './analysis/AnalysisRun.tsx';
import { isJobLive } from './analysis/jobStatus.ts';
import { analysisBlocker } from './analysis/supernetGate.ts';
import { runContext } from './analysis/supernetGate.ts';
import type { AnalysisKind, RunContext, SupernetInfo } from './analysis/supernetGate.ts';
import { SupernetLine } from './analysis/SupernetLine.tsx';
import { AblationChart } from './rank/AblationChart.tsx';
import { RANK_DEFAULTS, toRankRequest, validateRankForm } from './rank/rankForm.ts';
import type { RankForm } from './rank/rankForm.ts';
import { rankInspectItem } from './rank/rankInspect.ts';
import { RankScatter } from './rank/RankScatter.tsx';
import { RankSettings } from './rank/RankSettings.tsx';
import { RankTable } from './rank/RankTable.tsx';

const EXPLANATION = (
  <>
    <p>
      A search can only be trusted if the proxy <strong>orders architectures the way real training does</strong>. This check draws K architectures at
      random, scores each with the proxy, trains each from scratch, and compares the two orders.
    </p>
    <p>
      <strong>Kendall&apos;s τ</strong> counts pairs put in the same order (1 = all of them, 0 = chance); <strong>Spearman&apos;s ρ</strong> compares ranks.
      The intervals show how much they could move with other architectures: with few of them they are wide.
    </p>
    <p>
      The <strong>ablation</strong> repeats the check with each NASRec technique switched off, as the paper does.
    </p>
  </>
);

export interface RankPanelProps {
  supernet: SupernetInfo | undefined;
  data: DataReadyMessage | undefined;
  trainingLive: boolean;
  running: AnalysisKind | undefined;
  onRunningChange(live: boolean): void;
  /** The settings to open with (a shared link's); the defaults otherwise. */
  initialForm?: RankForm;
  /** Told about every settings change (the share link follows them). */
  onFormChange?: (form: RankForm) => void;
}

/** The Rank panel (`data-testid="rank-panel"`, `data-status` = idle | running | stopping | done | stopped | error). */
export function RankPanel({ supernet, data, trainingLive, running, onRunningChange, initialForm, onFormChange }: RankPanelProps) {
  const [form, setForm] = useState<RankForm>(initialForm ?? RANK_DEFAULTS);
  useEffect(() => onFormChange?.(form), [form, onFormChange]);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [setting, setSetting] = useState(0);
  // A run's archs belong to the space, input shape and splits of the supernet it checked.
  const [runOn, setRunOn] = useState<RunContext | undefined>(undefined);
  const errors = useMemo(() => validateRankForm(form), [form]);
  const rank = useRank();
  const { view } = rank;
  const live = isJobLive(view.status);
  useEffect(() => onRunningChange(live), [live, onRunningChange]);

  const blocker = analysisBlocker({ supernet, data, trainingLive, running, self: 'rank' });
  const cannotStart = blocker ?? (Object.keys(errors).length > 0 ? 'Fix the rank-check settings first.' : undefined);
  const correlations = view.result?.correlations ?? [];
  const selectedRow = view.rows.find((r) => r.key === selectedId);
  const start = () => {
    if (cannotStart || !supernet) return;
    setSelectedId(undefined);
    setSetting(0);
    setRunOn(runContext(supernet));
    rank.start(toRankRequest(form));
  };

  return (
    <Panel step={5} title="Rank check" explanation={EXPLANATION} dataAttrs={{ 'data-testid': 'rank-panel', 'data-status': view.status }}>
      <SupernetLine supernet={supernet} testId="rank-supernet" />
      <div className="analysis-row">
        <RankSettings form={form} errors={errors} onChange={setForm} disabled={live} onDefaults={() => setForm(RANK_DEFAULTS)} />
        <AnalysisRun
          job="rank"
          status={view.status}
          progress={view.progress}
          error={view.error}
          cannotStart={cannotStart}
          startLabel="Start rank check"
          againLabel="Check again"
          hint={
            !errors.k && (
              <span className="hint">
                trains {plural(Number(form.k), 'architecture')} from scratch{form.ablation ? ', plus one supernet per technique' : ''}
              </span>
            )
          }
          stoppedText="Stopped. The architectures scored so far stay below; τ and ρ need the check to finish."
          done={
            view.result && (
              <>
                Done: {plural(view.result.k, 'architecture')} scored by the proxy and trained from scratch
                {correlations.length > 1 ? `, and ${plural(correlations.length - 1, 'ablation setting')}` : ''}.
              </>
            )
          }
          onStart={start}
          onStop={rank.stop}
        />
      </div>
      <div className="analysis-charts">
        <RankScatter
          rows={view.rows}
          correlations={correlations}
          setting={setting}
          onSetting={setSetting}
          valBaseRate={runOn?.splits.val.baseRateLogLoss}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
        {view.result ? (
          <AblationChart correlations={correlations} k={view.result.k} />
        ) : (
          <section className="ablation" data-testid="rank-ablation-chart" data-settings={0}>
            <h3>Rank correlation per supernet setting</h3>
            <p className="hint">Once the check finishes: τ and ρ with their 95 % intervals, for the NASRec settings and (with the ablation) each technique switched off.</p>
          </section>
        )}
      </div>
      <RankTable rows={view.rows} selectedId={selectedId} onSelect={(r) => setSelectedId(r.key)} />
      {selectedRow && runOn && (
        <ArchInspector item={rankInspectItem(selectedRow, view.rows, correlations)} space={runOn.space} input={runOn.input} onClose={() => setSelectedId(undefined)} />
      )}
    </Panel>
  );
}
