// Shows which compute backend the worker ended up with: why when it fell back, or that the page address chose it.
import type { BackendView } from '../hooks/useBackend.ts';
import { backendText } from './backendText.ts';

export interface BackendBadgeProps {
  backend: BackendView | undefined;
  /** Test id (the header's badge is `backend-badge`; a second copy needs another). */
  testId?: string;
  /** Smaller, inline, and silent for screen readers (the header's badge already announces changes). */
  compact?: boolean;
}

/** A status badge; the icon differs per state so it does not rely on colour. */
export function BackendBadge({ backend, testId = 'backend-badge', compact = false }: BackendBadgeProps) {
  // A backend the page address asked for and got is not a fall-back.
  const kind = backend ? (backend.name === 'webgpu' || backend.name === backend.requested ? 'ok' : 'fallback') : 'pending';
  const icon = { ok: '✓', fallback: '!', pending: '…' }[kind];
  return (
    <p
      className={`backend-badge backend-${kind}${compact ? ' backend-compact' : ''}`}
      data-testid={testId}
      data-backend={backend?.name ?? 'pending'}
      data-requested={backend?.requested ?? ''}
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
