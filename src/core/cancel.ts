// Cancellation of long core work: the part of AbortSignal that core reads (core has no DOM types).

/** Structurally an AbortSignal: pass `controller.signal` from the worker or the CLI. */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
}

/** Thrown when no reason was given to the abort. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** Throws the signal's reason (or a Cancelled error) once it is aborted. */
export function throwIfCancelled(signal: CancelSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new Cancelled();
}
