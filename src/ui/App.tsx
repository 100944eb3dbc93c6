// The app shell: title, backend badge, worker-level errors, then the steps top to bottom; owns the state steps share.
import { useEffect, useMemo, useState } from 'react';
import { BackendBadge } from './components/BackendBadge.tsx';
import { ArchFocusContext, useArchFocusState } from './hooks/useArchFocus.ts';
import { useBackend, useWorkerError, useWorkerRestarts } from './hooks/useBackend.ts';
import type { LoadState } from './hooks/useDataLoad.ts';
import { useSpaceSetup } from './hooks/useSpaceSetup.ts';
import type { SupernetInfo } from './panels/analysis/supernetGate.ts';
import { DataPanel } from './panels/DataPanel.tsx';
import { RankPanel } from './panels/RankPanel.tsx';
import { SearchPanel } from './panels/SearchPanel.tsx';
import { SpacePanel } from './panels/SpacePanel.tsx';
import { TrainingPanel } from './panels/TrainingPanel.tsx';
import { RunsPanel } from './panels/RunsPanel.tsx';
import { CopyLink, LinkNotices } from './share/ShareBar.tsx';
import { defaultShareState, shareLink, type DecodedShare, type SharedSource, type ShareState } from './share/urlState.ts';
import { InterruptedRunBanner } from './share/InterruptedRunBanner.tsx';
import { useStoredRuns } from './hooks/useStoredRuns.ts';
import type { StoredDataSource } from '../worker/protocol.ts';

export interface AppProps {
  /** The configuration the page's address asked for, and what of it was not used (`decodeShareState`). */
  initial?: DecodedShare;
  /** The page address the share link is built on (default: `window.location.href`). */
  href?: string;
}

/** `?resume=<run id>` and `?checkpointEvery=<seconds>` from the page address. */
function addressOptions(href: string): { resumeId?: string; checkpointEveryMs?: number } {
  const params = new URL(href).searchParams;
  const resumeId = params.get('resume') ?? undefined;
  const seconds = Number(params.get('checkpointEvery'));
  return { ...(resumeId ? { resumeId } : {}), ...(Number.isFinite(seconds) && seconds >= 1 ? { checkpointEveryMs: seconds * 1000 } : {}) };
}

/** The whole page. Expects a `ClientContext.Provider` above it. */
export function App({ initial, href }: AppProps = {}) {
  const [opened] = useState(() => initial?.state ?? defaultShareState());
  const [data0, setDataForm] = useState(opened.data);
  const [trainForm, setTrainForm] = useState(opened.train);
  const [searchForm, setSearchForm] = useState(opened.search);
  const [rankForm, setRankForm] = useState(opened.rank);
  const [address] = useState(() => addressOptions(href ?? window.location.href));
  const stored = useStoredRuns(address.resumeId);
  const { refresh: refreshRuns } = stored;
  const backend = useBackend();
  const workerError = useWorkerError();
  const restarts = useWorkerRestarts();
  /** The stored run a worker crash ended: the training panel offers to resume it. */
  const [crashedRunId, setCrashedRunId] = useState<string | undefined>(undefined);
  const [dataState, setDataState] = useState<LoadState>({ status: 'idle', seq: 0 });
  const [trainingLive, setTrainingLive] = useState(false);
  /** The supernet the worker keeps for search and rank (the last run that finished or was stopped). */
  const [supernet, setSupernet] = useState<SupernetInfo | undefined>(undefined);
  const [searchLive, setSearchLive] = useState(false);
  const [rankLive, setRankLive] = useState(false);
  const focus = useArchFocusState();
  const setup = useSpaceSetup({ form: opened.space, techniques: opened.techniques });
  const data = dataState.status === 'ready' ? dataState.result : undefined;
  const running = searchLive ? 'search' : rankLive ? 'rank' : undefined;
  const analysisProps = { supernet, data, trainingLive, running } as const;
  // A run is stored when it starts and updated when it ends, and a search or rank check keeps its results with it: the list follows.
  useEffect(() => refreshRuns(), [trainingLive, searchLive, rankLive, refreshRuns]);
  // A fresh worker holds no supernet (the data panel loads the data again by itself).
  useEffect(() => {
    if (restarts.count > 0) {
      setSupernet(undefined);
      refreshRuns();
    }
  }, [restarts.count, refreshRuns]);
  const crashedRun = stored.runs.find((r) => r.id === crashedRunId && r.checkpointStep !== undefined);
  const reopened = stored.openedRun?.checkpointStep !== undefined ? stored.openedRun : undefined;
  const resumeRun = reopened ?? crashedRun;
  const interrupted = stored.interrupted?.id === crashedRunId ? undefined : stored.interrupted;
  // The last source that can be shared (the sample or a URL); before any load, the one the page opened with.
  const loadedSource = dataState.status === 'idle' ? undefined : dataState.source;
  const [source, setSource] = useState<SharedSource>(opened.source);
  useEffect(() => {
    if (loadedSource?.kind === 'sample') setSource((s) => (s.kind === 'sample' ? s : { kind: 'sample' }));
    else if (loadedSource?.kind === 'url') setSource((s) => (s.kind === 'url' && s.url === loadedSource.url ? s : { kind: 'url', url: loadedSource.url }));
  }, [loadedSource]);
  const share: ShareState = useMemo(
    () => ({ source, data: data0, space: setup.form, techniques: setup.techniques, train: trainForm, search: searchForm, rank: rankForm }),
    [source, data0, setup.form, setup.techniques, trainForm, searchForm, rankForm],
  );
  const link = useMemo(() => shareLink(href ?? window.location.href, share), [href, share]);
  // The address bar follows the settings, so a reload or a bookmark keeps them.
  useEffect(() => {
    if (href === undefined && link !== window.location.href) window.history.replaceState(window.history.state, '', link);
  }, [href, link]);
  const storedSource = useMemo<StoredDataSource | undefined>(
    () =>
      loadedSource?.kind === 'file'
        ? { kind: 'file', name: loadedSource.file.name, size: loadedSource.file.size, lastModified: loadedSource.file.lastModified }
        : loadedSource,
    [loadedSource],
  );
  const record = useMemo(
    () => (storedSource ? { config: share, data: storedSource, ...(address.checkpointEveryMs ? { checkpointEveryMs: address.checkpointEveryMs } : {}) } : undefined),
    [share, storedSource, address.checkpointEveryMs],
  );
  const caveat = loadedSource?.kind === 'file' ? 'The link cannot carry your local file: whoever opens it gets the settings, and loads the data themselves.' : undefined;
  return (
    <ArchFocusContext.Provider value={focus}>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>NASRec Playground</h1>
            <p className="tagline">
              Search for a click-through-rate model's architecture the way NASRec does — one shared-weight supernet, then evolution — entirely in your
              browser.
            </p>
          </div>
          <div className="header-side">
            <BackendBadge backend={backend} />
            <CopyLink link={link} caveat={caveat} />
          </div>
        </header>
        <LinkNotices notices={initial?.notices ?? []} />
        {stored.storageError && (
          <div className="alert alert-warn" role="alert" data-testid="storage-error">
            <p className="alert-title">Runs are not being saved</p>
            <p>{stored.storageError}</p>
          </div>
        )}
        {interrupted && <InterruptedRunBanner run={interrupted} href={href ?? window.location.href} />}
        {restarts.last && (
          <div className={`alert ${restarts.last.restarted ? 'alert-warn' : 'alert-error'}`} role="alert" data-testid="worker-restarted" data-count={restarts.count}>
            <p className="alert-title">{restarts.last.restarted ? 'The background worker was restarted' : 'The background worker stopped'}</p>
            <p>{restarts.last.reason}</p>
            {restarts.last.restarted && <p className="alert-next">The data loads again by itself; train or resume the supernet before searching.</p>}
          </div>
        )}
        {workerError && (
          <div className="alert alert-error" role="alert" data-testid="worker-error">
            <p className="alert-title">The background worker reported a problem</p>
            <p>{workerError}</p>
            <p className="alert-next">If the page stops responding, reload it: stored runs are kept.</p>
          </div>
        )}
        <main className="steps">
          <DataPanel
            onStateChange={setDataState}
            initialForm={opened.data}
            initialUrl={opened.source.kind === 'url' ? opened.source.url : undefined}
            askForFile={stored.openedRun?.data.kind === 'file' ? stored.openedRun.data : undefined}
            holdAutoLoad={address.resumeId !== undefined && !stored.loaded}
            onFormChange={setDataForm}
          />
          <SpacePanel setup={setup} dataKey={data ? dataState.seq : 0} dataLoaded={data !== undefined} locked={trainingLive} />
          <TrainingPanel
            space={setup.space}
            preset={setup.form.preset}
            strategy={setup.techniques.strategy}
            data={data}
            dataLoading={dataState.status === 'loading'}
            onLiveChange={setTrainingLive}
            onSupernetChange={setSupernet}
            analysisRunning={running !== undefined}
            initialForm={opened.train}
            onFormChange={setTrainForm}
            record={record}
            resumeRun={resumeRun}
            resumeCause={reopened ? 'closed' : 'crashed'}
            onRunCrashed={setCrashedRunId}
            onRunStored={refreshRuns}
          />
          <SearchPanel {...analysisProps} onRunningChange={setSearchLive} initialForm={opened.search} onFormChange={setSearchForm} />
          <RankPanel {...analysisProps} onRunningChange={setRankLive} initialForm={opened.rank} onFormChange={setRankForm} />
          <RunsPanel stored={stored} href={href ?? window.location.href} running={running} />
        </main>
      </div>
    </ArchFocusContext.Provider>
  );
}
