// Step 4, Search: settings, run and stop, population over time, cost against quality, results, inspector.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { DataReadyMessage, FinalModelSummary } from '../../worker/protocol.ts';
import { Panel } from '../components/Panel.tsx';
import { formatLogLoss, plural } from '../format.ts';
import { useSearch } from '../hooks/useSearch.ts';
import { ArchInspector } from '../inspector/ArchInspector.tsx';
import { ArchImport } from '../inspector/ArchImport.tsx';
import { inputShape } from './inputShape.ts';
import { AnalysisRun } from './analysis/AnalysisRun.tsx';
import { isJobLive } from './analysis/jobStatus.ts';
import { analysisBlocker } from './analysis/supernetGate.ts';
import { runContext } from './analysis/supernetGate.ts';
import type { AnalysisKind, RunContext, SupernetInfo } from './analysis/supernetGate.ts';
import { SupernetLine } from './analysis/SupernetLine.tsx';
import { ParetoChart } from './search/ParetoChart.tsx';
import { PopulationChart } from './search/PopulationChart.tsx';
import { ResultsTable } from './search/ResultsTable.tsx';
import { resultRows } from './search/resultRows.ts';
import { SEARCH_DEFAULTS, searchBudget, toSearchRequest, validateSearchForm } from './search/searchForm.ts';
import type { SearchForm } from './search/searchForm.ts';
import { rowName, searchInspectItem } from './search/searchInspect.ts';
import { SearchSettings } from './search/SearchSettings.tsx';
import { WinnerExport } from './search/WinnerExport.tsx';

const EXPLANATION = (
  <>
    <p>
      The search compares architectures <strong>without training each one</strong>: every candidate inherits the supernet&apos;s shared weights, its
      last layer is fine-tuned for a few steps, and its validation loss is its <strong>proxy score</strong>.
    </p>
    <p>
      <strong>Regularized evolution</strong> starts from a random population. Each generation a tournament picks the best of a few members, its
      children are small mutations of it, and the oldest members retire. <strong>Random search</strong> is the yardstick it should beat.
    </p>
    <p>
      The best candidates (<strong>finalists</strong>) and hand-designed <strong>baselines</strong> are then trained from scratch and measured on the
      test split.
    </p>
  </>
);

export interface SearchPanelProps {
  supernet: SupernetInfo | undefined;
  data: DataReadyMessage | undefined;
  trainingLive: boolean;
  /** The search or rank job running now, if any. */
  running: AnalysisKind | undefined;
  onRunningChange(live: boolean): void;
  /** The settings to open with (a shared link's); the defaults otherwise. */
  initialForm?: SearchForm;
  /** Told about every settings change (the share link follows them). */
  onFormChange?: (form: SearchForm) => void;
}

/** The Search panel (`data-testid="search-panel"`, `data-status` = idle | running | stopping | done | stopped | error). */
export function SearchPanel({ supernet, data, trainingLive, running, onRunningChange, initialForm, onFormChange }: SearchPanelProps) {
  const [form, setForm] = useState<SearchForm>(initialForm ?? SEARCH_DEFAULTS);
  useEffect(() => onFormChange?.(form), [form, onFormChange]);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  // A run's archs belong to the space, input shape and splits of the supernet it searched.
  const [runOn, setRunOn] = useState<RunContext | undefined>(undefined);
  const errors = useMemo(() => validateSearchForm(form), [form]);
  const search = useSearch();
  const { view } = search;
  const live = isJobLive(view.status);
  useEffect(() => onRunningChange(live), [live, onRunningChange]);

  const blocker = analysisBlocker({ supernet, data, trainingLive, running, self: 'search' });
  const cannotStart = blocker ?? (Object.keys(errors).length > 0 ? 'Fix the search settings first.' : undefined);
  const method = view.request?.method ?? form.method;
  const rows = useMemo(() => resultRows(view.candidates, view.finals), [view.candidates, view.finals]);
  const names = useMemo(() => new Map(rows.map((r) => [r.focusId, rowName(r)])), [rows]);
  const nameOf = useCallback((id: string) => names.get(id) ?? id, [names]);
  const selectedRow = selectedId === undefined ? undefined : (rows.find((r) => r.focusId === selectedId && r.role !== 'candidate') ?? rows.find((r) => r.focusId === selectedId));
  const start = () => {
    if (cannotStart || !supernet) return;
    setSelectedId(undefined);
    setRunOn(runContext(supernet));
    search.start(toSearchRequest(form));
  };
  const stats = runOn?.splits;
  const winner = view.finals.find((f) => f.role === 'finalist' && f.key === view.winnerKey);

  return (
    <Panel step={4} title="Search" explanation={EXPLANATION} dataAttrs={{ 'data-testid': 'search-panel', 'data-status': view.status }}>
      <SupernetLine supernet={supernet} testId="search-supernet" />
      <div className="analysis-row">
        <SearchSettings form={form} errors={errors} onChange={setForm} disabled={live} onDefaults={() => setForm(SEARCH_DEFAULTS)} />
        <AnalysisRun
          job="search"
          status={view.status}
          progress={view.progress}
          error={view.error}
          cannotStart={cannotStart}
          startLabel="Start search"
          againLabel="Search again"
          hint={
            searchBudget(form) !== undefined && (
              <span className="hint">
                scores {plural(searchBudget(form)!, 'architecture')}, then trains {plural(Number(form.finalists) || 0, 'finalist')} and the baselines from scratch
              </span>
            )
          }
          stoppedText="Stopped. What was scored and trained so far stays below."
          done={
            <>
              Done: {plural(view.candidates.length, 'architecture')} scored, {plural(view.finals.filter((f) => f.role === 'finalist').length, 'finalist')} and{' '}
              {plural(view.finals.filter((f) => f.role === 'baseline').length, 'baseline')} trained from scratch.
              {winnerText(view.finals, view.winnerKey, nameOf)}
            </>
          }
          onStart={start}
          onStop={search.stop}
        >
          {view.skippedBaselines.length > 0 && (
            <ul className="hint skipped" data-testid="search-skipped-baselines">
              {view.skippedBaselines.map((b) => (
                <li key={b.name}>
                  {b.name} was not trained: this space {b.reason}.
                </li>
              ))}
            </ul>
          )}
        </AnalysisRun>
      </div>
      <div className="analysis-charts">
        <PopulationChart candidates={view.candidates} method={method} baseRateLogLoss={stats?.val.baseRateLogLoss} selectedId={selectedId} onSelect={setSelectedId} />
        <ParetoChart
          candidates={view.candidates}
          finals={view.finals}
          nameOf={nameOf}
          baseRate={stats ? { val: stats.val.baseRateLogLoss, test: stats.test.baseRateLogLoss } : undefined}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
      </div>
      <ResultsTable rows={rows} method={method} winnerKey={view.winnerKey} nameOf={rowName} selectedId={selectedId} onSelect={(r) => setSelectedId(r.focusId)} />
      {view.status === 'done' && winner?.arch && runOn && <WinnerExport arch={winner.arch} space={runOn.space} name={nameOf(winner.key ?? '')} />}
      {selectedRow && runOn && (
        <ArchInspector item={searchInspectItem(selectedRow, rowName(selectedRow), method, view.winnerKey)} space={runOn.space} input={runOn.input} onClose={() => setSelectedId(undefined)} />
      )}
      <ArchImport space={supernet?.space} input={inputShape(data)} dataLoaded={data !== undefined} />
    </Panel>
  );
}

function winnerText(finals: readonly FinalModelSummary[], winnerKey: string | undefined, nameOf: (id: string) => string): string {
  const winner = finals.find((f) => f.role === 'finalist' && f.key === winnerKey);
  if (!winner || !winnerKey) return '';
  return ` Winner: ${nameOf(winnerKey)} (${winner.name}), test log loss ${formatLogLoss(winner.test.logLoss)}.`;
}
