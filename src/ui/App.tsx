// The app shell: title, backend badge, worker-level errors, then the steps top to bottom.
import { BackendBadge } from './components/BackendBadge.tsx';
import { useBackend, useWorkerError } from './hooks/useBackend.ts';
import { DataPanel } from './panels/DataPanel.tsx';
import { PlaceholderPanels } from './panels/placeholders.tsx';

/** The whole page. Expects a `ClientContext.Provider` above it. */
export function App() {
  const backend = useBackend();
  const workerError = useWorkerError();
  return (
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
        <DataPanel />
        <PlaceholderPanels />
      </main>
    </div>
  );
}
