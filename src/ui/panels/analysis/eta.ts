// Words for a long job's progress: time left and "12 of 56". Pure.

/** "about 40 s left", "about 3 min left", "about 1.2 h left"; "estimating time left…" before there is a pace. */
export function etaText(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return 'estimating time left…';
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  if (seconds < 3600) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}

/** "3 of 12" with thousands separators. */
export function countText(done: number, total: number): string {
  return `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`;
}

/** The fraction done in [0, 1] (0 for an empty stage). */
export function fractionDone(done: number, total: number): number {
  return total > 0 ? Math.min(Math.max(done / total, 0), 1) : 0;
}
