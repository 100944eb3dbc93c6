// Page entry: creates the page's one PlaygroundClient (and so its worker) and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundClient } from './worker/client.ts';
import type { FaultKind } from './worker/protocol.ts';
import { App } from './ui/App.tsx';
import { backendFromSearch } from './ui/backendPreference.ts';
import { ClientContext } from './ui/hooks/useClient.ts';
import { decodeShareState } from './ui/share/urlState.ts';
import './ui/styles/index.css';

// `?backend=wasm|cpu|webgpu` in the address asks the worker to try that backend first.
// `?faults=1` lets browser tests inject faults (a lost GPU device, a failing backend, a crashing worker) through
// `window.nasrecInjectFault(kind)`; without it the worker ignores them.
const faults = new URLSearchParams(window.location.search).get('faults') === '1';
const client = new PlaygroundClient(undefined, { backend: backendFromSearch(window.location.search), faults });
if (faults) (window as unknown as { nasrecInjectFault: (kind: FaultKind) => void }).nasrecInjectFault = (kind) => client.injectFault(kind);
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <App initial={decodeShareState(window.location.search)} />
    </ClientContext.Provider>
  </StrictMode>,
);
