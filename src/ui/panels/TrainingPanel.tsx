// Step 3, Supernet training: settings, the transport bar, the loss chart, the sampled path and operator balance.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { PresetName, SamplingStrategy, SpaceConfig } from '../../core/space/types.ts';
import type { DataReadyMessage, RecordRequest, RunSummary, TrainConfig } from '../../worker/protocol.ts';
import { OpLegend } from '../components/OpSwatch.tsx';
import { Panel } from '../components/Panel.tsx';
import { useBackend } from '../hooks/useBackend.ts';
import { useTraining } from '../hooks/useTraining.ts';
import { inputShape } from './inputShape.ts';
import type { SupernetInfo } from './analysis/supernetGate.ts';
import { LossChart } from './training/LossChart.tsx';
import { OpBalance } from './training/OpBalance.tsx';
import { SampledArch } from './training/SampledArch.tsx';
import { TrainErrorAlert } from './training/TrainErrorAlert.tsx';
import { newSeed, toTrainConfig, TRAIN_DEFAULTS, validateTrainForm } from './training/trainForm.ts';
import type { TrainForm } from './training/trainForm.ts';
import { isLive } from './training/trainingState.ts';
import { TrainSettings } from './training/TrainSettings.tsx';
import { TransportBar } from './training/TransportBar.tsx';
import { ResumeBox, type StoredRunSettings } from './training/ResumeBox.tsx';
import { PRESETS } from './space/PresetPicker.tsx';

const EXPLANATION = (
  <>
    <p>
      The <strong>supernet</strong> holds every architecture of the space at once. At each step it draws one of them — an operator per block and some
      connections — and trains just that path on one batch of rows. Weights are shared: every architecture that uses an operator in a block uses the
      same weights.
    </p>
    <p>
      The loss should fall below the <strong>base-rate</strong> line, the loss of always predicting the average click rate. The graph shows the path
      drawn at the latest step, and the balance table shows whether every operator got its share of training — the search in the next step compares
      architectures using these shared weights.
    </p>
  </>
);

export interface TrainingPanelProps {
  /** The valid space to train, or `undefined` while the space panel has a problem. */
  space: SpaceConfig | undefined;
  preset: PresetName | 'custom';
  strategy: SamplingStrategy;
  /** The loaded data, or `undefined` while none is ready. */
  data: DataReadyMessage | undefined;
  dataLoading: boolean;
  /** Told whether a job is live (the space panel locks its edits meanwhile). */
  onLiveChange(live: boolean): void;
  /** Told about the supernet the worker keeps for search and rank: set when a run ends, cleared when one starts. */
  onSupernetChange(supernet: SupernetInfo | undefined): void;
  /** A search or rank check is using the supernet (the worker then refuses to train). */
  analysisRunning: boolean;
  /** The settings to open with (a shared link's); the preset's defaults otherwise. */
  initialForm?: TrainForm;
  /** Keep runs in the browser: what to store with each (the page's settings and the data source). */
  record?: Omit<RecordRequest, 'resumeRunId'>;
  /** A stored run with a checkpoint the page was reopened with, or the run a worker crash ended (offered once the data is loaded). */
  resumeRun?: RunSummary;
  /** Why `resumeRun` stopped: the page closed (default), or the worker crashed. */
  resumeCause?: 'closed' | 'crashed';
  /** Told the stored run a worker crash ended, so the page can offer to resume it. */
  onRunCrashed?: (runId: string) => void;
  /** Told when the stored run changed (created, checkpointed), so lists of runs can update. */
  onRunStored?: () => void;
  /** Told about every settings change (the share link follows them). */
  onFormChange?: (form: TrainForm) => void;
}

/**
 * The Supernet training panel (`data-testid="training-panel"`, `data-status` = the run's status, `data-pending` =
 * a pause or resume the worker has not confirmed yet, else empty).
 */
export function TrainingPanel(props: TrainingPanelProps) {
  const { space, preset, strategy, data, dataLoading, onLiveChange, onSupernetChange, analysisRunning, initialForm, onFormChange, record, resumeRun, onRunStored } = props;
  const { resumeCause = 'closed', onRunCrashed } = props;
  const backend = useBackend();
  const defaultsFor = preset === 'custom' ? 'tiny' : preset;
  const [form, setForm] = useState<TrainForm>(() => initialForm ?? TRAIN_DEFAULTS[defaultsFor]);
  // Settings a link brought count as edited (a preset change then leaves them alone), except the seed.
  const [edited, setEdited] = useState(() => initialForm !== undefined && !sameExceptSeed(initialForm, TRAIN_DEFAULTS[defaultsFor]));
  useEffect(() => onFormChange?.(form), [form, onFormChange]);
  const [speed, setSpeed] = useState(0);
  const [trained, setTrained] = useState<SpaceConfig | undefined>(undefined);
  const [trainedData, setTrainedData] = useState<DataReadyMessage | undefined>(undefined);
  const errors = useMemo(() => validateTrainForm(form), [form]);
  const training = useTraining(Number(form.seed) || 0, Number(form.steps) || 0, 0);
  const { view } = training;
  const live = isLive(view.status);

  useEffect(() => onLiveChange(live), [live, onLiveChange]);
  useEffect(() => {
    if (view.runId) onRunStored?.();
  }, [view.runId, view.checkpointStep, view.status, onRunStored]);
  useEffect(() => {
    if (view.error?.code === 'crash' && view.runId) onRunCrashed?.(view.runId);
  }, [view.error, view.runId, onRunCrashed]);
  // The worker drops its supernet when a run starts and keeps the run's when it ends (finished or stopped).
  const done = view.done;
  useEffect(() => {
    if (view.status === 'starting') onSupernetChange(undefined);
    else if (done && trained && trainedData) onSupernetChange({ space: trained, data: trainedData, steps: done.step, reason: done.reason, valLoss: done.valLoss });
  }, [view.status, done, trained, trainedData, onSupernetChange]);
  // Until the user edits them, the settings follow the chosen preset's defaults (the seed stays the user's).
  useEffect(() => {
    if (!edited) setForm((f) => ({ ...TRAIN_DEFAULTS[defaultsFor], seed: f.seed }));
  }, [defaultsFor, edited]);

  const cannotStart = analysisRunning
    ? 'A search or rank check is using the supernet (steps 4–5). Wait for it or stop it first.'
    : training.draining
    ? 'Waiting for the previous run to stop…'
    : !data
    ? dataLoading
      ? 'Wait for the data to finish loading.'
      : 'Load data in step 1 first.'
    : !space
      ? 'Fix the search space in step 2 first.'
      : Object.keys(errors).length > 0
        ? 'Fix the training settings first.'
        : undefined;

  const onChange = useCallback((patch: Partial<TrainForm>) => {
    setEdited(true);
    setForm((f) => ({ ...f, ...patch }));
  }, []);
  const start = () => {
    if (!space || !data || cannotStart) return;
    setTrained(space);
    setTrainedData(data);
    training.start(space, toTrainConfig(form, strategy, data.stats.splits.val.rows), Number(form.seed), record);
  };
  const resumable = resumeRun ? storedRunSettings(resumeRun) : undefined;
  const resumeStored = (loadOnly: boolean) => {
    if (!resumeRun || !resumable || !data || cannotStartResume) return;
    setTrained(resumable.space);
    setTrainedData(data);
    training.start(resumable.space, resumable.train, resumable.seed, {
      ...(record ?? { config: resumeRun.config, data: resumeRun.data }),
      resumeRunId: resumeRun.id,
      ...(loadOnly ? { loadOnly } : {}),
    });
  };
  const cannotStartResume = analysisRunning ? cannotStart : !data ? (dataLoading ? 'Wait for the data to finish loading.' : 'Load the run\u2019s data in step 1 first.') : undefined;
  const onNewSeed = () => {
    const seed = newSeed();
    setForm((f) => ({ ...f, seed: String(seed) }));
    training.reset(seed, Number(form.steps) || 0);
  };
  const onSpeed = (stepsPerSecond: number) => {
    setSpeed(stepsPerSecond);
    training.setSpeed(stepsPerSecond);
  };
  // Before a run, the counter and seed show what Start will use.
  const shown = view.status === 'idle' ? { ...view, seed: Number(form.seed) || 0, totalSteps: Number(form.steps) || 0 } : view;
  const input = inputShape(data);
  const presetLabel = PRESETS.find((p) => p.name === defaultsFor)?.label ?? defaultsFor;

  return (
    <Panel step={3} title="Supernet training" explanation={EXPLANATION} dataAttrs={{ 'data-testid': 'training-panel', 'data-status': view.status, 'data-pending': view.pending ?? '' }}>
      <TransportBar
        view={shown}
        backend={backend}
        cannotStart={cannotStart}
        speed={speed}
        onStart={start}
        onPause={training.pause}
        onResume={training.resume}
        onStep={training.step}
        onStop={training.stop}
        onReset={() => training.reset(Number(form.seed) || 0, Number(form.steps) || 0)}
        onNewSeed={onNewSeed}
        onSpeed={onSpeed}
      />
      {resumeRun && (view.status === 'idle' || (view.status === 'error' && view.runId === resumeRun.id)) && (
        <ResumeBox run={freshest(resumeRun, view)} settings={resumable} cause={resumeCause} cannotStart={cannotStartResume} onResume={resumeStored} />
      )}
      {view.runId && (
        <p className="hint" data-testid="checkpoint-status" data-step={view.checkpointStep ?? ''}>
          {view.resumedFrom !== undefined ? `Resumed from step ${view.resumedFrom.toLocaleString('en-US')}. ` : ''}
          Kept in this browser
          {view.checkpointStep !== undefined ? `; last checkpoint at step ${view.checkpointStep.toLocaleString('en-US')}` : '; the first checkpoint comes after a minute of training'}.
        </p>
      )}
      {view.switches.map((w, i) => (
        <div key={i} className="alert alert-warn" role="alert" data-testid="backend-switched" data-from={w.from} data-to={w.to} data-resumed-from={w.resumedFrom ?? ''}>
          <p className="alert-title">
            Training moved from {backendLabel(w.from)} to {backendLabel(w.to)}
            {w.atStep !== undefined ? ` at step ${w.atStep.toLocaleString('en-US')}` : ''}
          </p>
          <p>
            {capitalize(w.reason)}. The run went on {w.resumedFrom ? `from its checkpoint at step ${w.resumedFrom.toLocaleString('en-US')}` : 'from step 0 (it had no checkpoint yet)'}{' '}
            on {backendLabel(w.to)}, with the same settings and seed.
          </p>
        </div>
      ))}
      {view.error && <TrainErrorAlert message={view.error.message} code={view.error.code} />}
      {view.done && (
        <p className="notice" role="status" data-testid="train-done">
          {view.done.reason === 'finished' ? 'Finished' : 'Stopped'} after {view.done.step.toLocaleString('en-US')} steps: train loss{' '}
          {view.done.trainLoss.toFixed(4)}, validation loss {view.done.valLoss.toFixed(4)}
          {view.baseRateLogLoss !== undefined ? ` (base rate ${view.baseRateLogLoss.toFixed(4)})` : ''}.
        </p>
      )}
      <div className="train-row">
        <TrainSettings
          form={form}
          errors={errors}
          onChange={onChange}
          disabled={live}
          presetLabel={presetLabel}
          onDefaults={() => {
            setEdited(false);
            setForm((f) => ({ ...TRAIN_DEFAULTS[defaultsFor], seed: f.seed }));
          }}
        />
        <LossChart loss={view.loss} val={view.val} baseRateLogLoss={view.baseRateLogLoss} totalSteps={shown.totalSteps} />
      </div>
      <OpLegend ops={trained ? [...trained.denseOps, ...trained.sparseOps] : space ? [...space.denseOps, ...space.sparseOps] : []} />
      <SampledArch sampled={view.sampled} input={input} />
      {trained && view.opTotals.dense.length > 0 ? (
        <OpBalance totals={view.opTotals} denseOps={trained.denseOps} sparseOps={trained.sparseOps} />
      ) : (
        <section className="op-balance" data-testid="op-balance" data-mode="empty">
          <h3>Operator balance</h3>
          <p className="hint">Once training runs: how often each operator was sampled in each block, and its share of the parameter updates.</p>
        </section>
      )}
    </Panel>
  );
}

const BACKEND_LABELS: Record<string, string> = { webgpu: 'WebGPU', wasm: 'WebAssembly (wasm)', cpu: 'the CPU backend' };
const backendLabel = (name: string) => BACKEND_LABELS[name] ?? name;
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The run with the newest checkpoint known: the panel hears of its own run's checkpoints before the stored list does. */
function freshest(run: RunSummary, view: { runId: string | undefined; checkpointStep: number | undefined }): RunSummary {
  if (view.runId !== run.id || view.checkpointStep === undefined || view.checkpointStep <= (run.checkpointStep ?? -1)) return run;
  return { ...run, checkpointStep: view.checkpointStep };
}

function sameExceptSeed(a: TrainForm, b: TrainForm): boolean {
  return (Object.keys(a) as (keyof TrainForm)[]).every((k) => k === 'seed' || a[k] === b[k]);
}

/** The space, training settings and seed a stored run was started with, or undefined when it holds none (another version's). */
function storedRunSettings(run: RunSummary): StoredRunSettings | undefined {
  const c = run.config as { space?: SpaceConfig; train?: TrainConfig; seed?: number } | null;
  return c && c.space && c.train && typeof c.seed === 'number' ? { space: c.space, train: c.train, seed: c.seed } : undefined;
}
