// Rate-limits progress messages to a few per second; the last value is never lost (flush).

/** Calls `send` at most once per `intervalMs`; `flush()` sends the pending value, if any. */
export function throttle<T>(send: (value: T) => void, intervalMs: number, now: () => number = () => performance.now()) {
  let last = -Infinity;
  let pending: { value: T } | undefined;
  return {
    push(value: T): void {
      const t = now();
      if (t - last >= intervalMs) {
        last = t;
        pending = undefined;
        send(value);
      } else {
        pending = { value };
      }
    },
    flush(): void {
      if (pending) send(pending.value);
      pending = undefined;
    },
  };
}

/** Resolves on the next macrotask so queued messages (cancel, pause) are handled; cheap when called often. */
export function breather(everyMs = 30): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}
