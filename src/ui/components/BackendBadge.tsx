// Shows which compute backend the worker ended up with, and why when it fell back.
import type { BackendInfo } from '../../worker/client.ts';

/** The badge's text for a backend report (`undefined` = not reported yet). */
export function backendText(backend: BackendInfo | undefined): string {
  if (!backend) return 'Detecting backend…';
  switch (backend.name) {
    case 'webgpu':
      return `WebGPU — ${backend.adapter ?? 'unknown adapter'}`;
    case 'wasm':
      return `WASM fallback — WebGPU unavailable: ${backend.reason ?? 'no reason given'}`;
    case 'cpu':
      return `CPU fallback — WebGPU unavailable: ${backend.reason ?? 'no reason given'}`;
  }
}

export interface BackendBadgeProps {
  backend: BackendInfo | undefined;
  /** Test id (the header's badge is `backend-badge`; a second copy needs another). */
  testId?: string;
  /** Smaller, inline, and silent for screen readers (the header's badge already announces changes). */
  compact?: boolean;
}

/** A status badge; the icon differs per state so it does not rely on colour. */
export function BackendBadge({ backend, testId = 'backend-badge', compact = false }: BackendBadgeProps) {
  const kind = backend ? (backend.name === 'webgpu' ? 'ok' : 'fallback') : 'pending';
  const icon = { ok: '✓', fallback: '!', pending: '…' }[kind];
  return (
    <p
      className={`backend-badge backend-${kind}${compact ? ' backend-compact' : ''}`}
      data-testid={testId}
      data-backend={backend?.name ?? 'pending'}
      title={compact ? backendText(backend) : undefined}
      {...(compact ? {} : { role: 'status', 'aria-live': 'polite' as const })}
    >
      <span className="backend-icon" aria-hidden="true">
        {icon}
      </span>
      <span className="backend-label">Backend:</span> {backendText(backend)}
    </p>
  );
}
