// The app shell: title, backend badge, worker-level errors, then the steps top to bottom; owns the state steps share.
import { useState } from 'react';
import { BackendBadge } from './components/BackendBadge.tsx';
import { ArchFocusContext, useArchFocusState } from './hooks/useArchFocus.ts';
import { useBackend, useWorkerError } from './hooks/useBackend.ts';
import type { LoadState } from './hooks/useDataLoad.ts';
import { useSpaceSetup } from './hooks/useSpaceSetup.ts';
import type { SupernetInfo } from './panels/analysis/supernetGate.ts';
import { DataPanel } from './panels/DataPanel.tsx';
import { RankPanel } from './panels/RankPanel.tsx';
import { SearchPanel } from './panels/SearchPanel.tsx';
import { SpacePanel } from './panels/SpacePanel.tsx';
import { TrainingPanel } from './panels/TrainingPanel.tsx';

/** The whole page. Expects a `ClientContext.Provider` above it. */
export function App() {
  const backend = useBackend();
  const workerError = useWorkerError();
  const [dataState, setDataState] = useState<LoadState>({ status: 'idle', seq: 0 });
  const [trainingLive, setTrainingLive] = useState(false);
  /** The supernet the worker keeps for search and rank (the last run that finished or was stopped). */
  const [supernet, setSupernet] = useState<SupernetInfo | undefined>(undefined);
  const [searchLive, setSearchLive] = useState(false);
  const [rankLive, setRankLive] = useState(false);
  const focus = useArchFocusState();
  const setup = useSpaceSetup();
  const data = dataState.status === 'ready' ? dataState.result : undefined;
  const running = searchLive ? 'search' : rankLive ? 'rank' : undefined;
  const analysisProps = { supernet, data, trainingLive, running } as const;
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
          <BackendBadge backend={backend} />
        </header>
        {workerError && (
          <div className="alert alert-error" role="alert" data-testid="worker-error">
            <p className="alert-title">The background worker reported a problem</p>
            <p>{workerError}</p>
            <p className="alert-next">Reload the page to start a fresh worker.</p>
          </div>
        )}
        <main className="steps">
          <DataPanel onStateChange={setDataState} />
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
          />
          <SearchPanel {...analysisProps} onRunningChange={setSearchLive} />
          <RankPanel {...analysisProps} onRunningChange={setRankLive} />
        </main>
      </div>
    </ArchFocusContext.Provider>
  );
}
