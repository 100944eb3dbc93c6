// The backend badge's sentence: what the worker uses, why it fell back, or that the page address chose it. Pure.
import type { BackendView } from '../hooks/useBackend.ts';

const LABEL = { webgpu: 'WebGPU', wasm: 'WASM', cpu: 'CPU' } as const;

/**
 * The badge's text for a backend report (`undefined` = not reported yet). When the page address asked for a
 * backend (`?backend=`), the worker's reason says whether it was used or why not.
 */
export function backendText(backend: BackendView | undefined): string {
  if (!backend) return 'Detecting backend…';
  const adapter = backend.name === 'webgpu' ? ` — ${backend.adapter ?? 'unknown adapter'}` : '';
  if (backend.requested) {
    const used = backend.name === backend.requested;
    return `${LABEL[backend.name]}${used ? '' : ' fallback'}${adapter} — ${backend.reason ?? `requested ${backend.requested}`}`;
  }
  switch (backend.name) {
    case 'webgpu':
      return `WebGPU${adapter}`;
    case 'wasm':
      return `WASM fallback — WebGPU unavailable: ${backend.reason ?? 'no reason given'}`;
    case 'cpu':
      return `CPU fallback — WebGPU unavailable: ${backend.reason ?? 'no reason given'}`;
  }
}
