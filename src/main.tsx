// Page entry: creates the page's one PlaygroundClient (and so its worker) and renders the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PlaygroundClient } from './worker/client.ts';
import { App } from './ui/App.tsx';
import { backendFromSearch } from './ui/backendPreference.ts';
import { ClientContext } from './ui/hooks/useClient.ts';
import { decodeShareState } from './ui/share/urlState.ts';
import './ui/styles/index.css';

// `?backend=wasm|cpu|webgpu` in the address asks the worker to try that backend first.
const client = new PlaygroundClient(undefined, { backend: backendFromSearch(window.location.search) });
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ClientContext.Provider value={client}>
      <App initial={decodeShareState(window.location.search)} />
    </ClientContext.Provider>
  </StrictMode>,
);
