// Step 1, Data: pick the built-in sample, a file or a URL, watch it load, and read what came out.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FieldKind } from '../../core/data/types.ts';
import type { DataOptions, DataSource } from '../../worker/protocol.ts';
import { Panel } from '../components/Panel.tsx';
import { useClient } from '../hooks/useClient.ts';
import { useDataLoad } from '../hooks/useDataLoad.ts';
import { useWorkerRestarts } from '../hooks/useBackend.ts';
import type { LoadState } from '../hooks/useDataLoad.ts';
import { DataErrorAlert } from './data/DataErrorAlert.tsx';
import { DataResults } from './data/DataResults.tsx';
import { LoadProgressView } from './data/LoadProgressView.tsx';
import { OptionsControls } from './data/OptionsControls.tsx';
import { DEFAULT_FORM, toDataOptions, validateForm } from './data/options.ts';
import type { DataForm } from './data/options.ts';
import { SampleControls } from './data/SampleControls.tsx';
import { SourceControls } from './data/SourceControls.tsx';

const EXPLANATION = (
  <>
    <p>
      Click-through-rate data: each row is one ad shown to someone, labelled <strong>1</strong> if it was clicked. Its features are numbers
      (<em>dense</em> fields) and categories such as site or ad IDs (<em>categorical</em> fields, hashed into buckets that each get a learned
      embedding).
    </p>
    <p>
      The <strong>built-in sample</strong> is generated from a model we planted, so later steps can check whether the search finds it. You can also
      bring your own Criteo, Avazu or CSV file: it is read in the background and never leaves your browser.
    </p>
  </>
);

/** Options for the built-in sample: only the split and bucket settings apply. */
function sampleOptions(form: DataForm): DataOptions {
  const { bucketCap, splitMode, splitSeed } = toDataOptions(form);
  return { bucketCap, splitMode, splitSeed };
}

export interface DataPanelProps {
  /** Told about every change of the load state (later steps need to know when data is ready). */
  onStateChange?: (state: LoadState) => void;
  /** The form's first values (from a shared link); the defaults otherwise. */
  initialForm?: DataForm;
  /** A shared link's data address: put in the URL field, fetched only when the user presses Load (no sample is loaded meanwhile). */
  initialUrl?: string;
  /** Told about every form edit (the share link follows them). */
  onFormChange?: (form: DataForm) => void;
  /** A resumed run's local file: asked for by name and size, and the sample is not loaded in its place. */
  askForFile?: { name: string; size: number };
  /** Wait before the opening load (the page is still finding out which data a resumed run needs). */
  holdAutoLoad?: boolean;
}

/** The Data panel. Loads the built-in sample with default settings when it first appears. */
export function DataPanel({ onStateChange, initialForm, initialUrl, onFormChange, askForFile, holdAutoLoad }: DataPanelProps = {}) {
  const client = useClient();
  const start = useCallback<Parameters<typeof useDataLoad>[0]>((s, o, p) => client.loadData(s, o, p), [client]);
  const restarts = useWorkerRestarts();
  const { state, load, cancel } = useDataLoad(start, restarts.count);
  useEffect(() => onStateChange?.(state), [state, onStateChange]);
  const [form, setForm] = useState<DataForm>(initialForm ?? DEFAULT_FORM);
  useEffect(() => onFormChange?.(form), [form, onFormChange]);
  const [kinds, setKinds] = useState<Record<string, FieldKind>>({});
  const errors = useMemo(() => validateForm(form), [form]);
  const formValid = Object.keys(errors).length === 0;
  const onChange = useCallback((patch: Partial<DataForm>) => setForm((f) => ({ ...f, ...patch })), []);

  const loadSample = useCallback(
    (f: DataForm) => load({ kind: 'sample', rows: Number(f.sampleRows), seed: Number(f.sampleSeed) }, sampleOptions(f)),
    [load],
  );
  const loadSource = (source: DataSource) => {
    setKinds({});
    load(source, toDataOptions(form));
  };

  // Good defaults: the page opens with the built-in sample loaded (as the link sets it), unless a link names a URL.
  const [firstForm] = useState(form);
  // (Runs again only when the hold lifts: every other dependency is fixed for the page's life.)
  useEffect(() => {
    if (!holdAutoLoad && initialUrl === undefined && askForFile === undefined) loadSample(firstForm);
  }, [loadSample, firstForm, initialUrl, askForFile, holdAutoLoad]);

  const ready = state.status === 'ready' ? state : undefined;
  const kindEdits =
    ready && ready.result.stats.format === 'csv'
      ? {
          kinds,
          changed: ready.result.stats.fields.some((f) => kinds[f.name] !== undefined && kinds[f.name] !== f.kind),
          onKind: (field: string, kind: FieldKind) => setKinds((k) => ({ ...k, [field]: kind })),
          onReload: () => {
            const all = Object.fromEntries(ready.result.stats.fields.map((f) => [f.name, kinds[f.name] ?? f.kind]));
            load(ready.source, { ...ready.options, kinds: all });
          },
        }
      : undefined;

  return (
    <Panel step={1} title="Data" explanation={EXPLANATION} dataAttrs={{ 'data-status': state.status, 'data-load-seq': state.seq, 'data-testid': 'data-panel' }}>
      <div className="controls-grid">
        <SampleControls form={form} errors={errors} onChange={onChange} onLoad={() => loadSample(form)} />
        <SourceControls
          initialUrl={initialUrl}
          canLoad={formValid}
          onFile={(file) => loadSource({ kind: 'file', file })}
          onUrl={(url) => loadSource({ kind: 'url', url: absoluteUrl(url) })}
        />
        <OptionsControls form={form} errors={errors} onChange={onChange} />
      </div>
      {askForFile && (state.status !== 'ready' || state.source.kind !== 'file' || state.source.file.name !== askForFile.name || state.source.file.size !== askForFile.size) && (
        <p className="notice" role="status" data-testid="ask-for-file">
          The run you are resuming was trained on your file <strong>{askForFile.name}</strong> ({askForFile.size.toLocaleString('en-US')} bytes). Choose that
          file again below: the browser cannot reopen it without you.
        </p>
      )}
      {state.status === 'idle' && initialUrl !== undefined && (
        <p className="notice" role="status" data-testid="link-url-notice">
          This link takes its data from <code>{initialUrl}</code>. Press <strong>Load URL</strong> to fetch it, or load the built-in sample instead.
        </p>
      )}
      {state.status === 'loading' && <LoadProgressView source={state.source} progress={state.progress} onCancel={cancel} />}
      {state.status === 'error' && <DataErrorAlert message={state.message} code={state.code} fromUrl={state.source.kind === 'url'} />}
      {state.status === 'cancelled' && (
        <p className="notice" role="status" data-testid="load-cancelled">
          Load cancelled. Choose a sample, file or URL to load again.
        </p>
      )}
      {ready && <DataResults result={ready.result} kindEdits={kindEdits} />}
    </Panel>
  );
}

/** Resolves a URL typed relative to this page (e.g. `/sample-criteo-2k.tsv`); the worker lives elsewhere. */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, document.baseURI).href;
  } catch {
    return url;
  }
}
