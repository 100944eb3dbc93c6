// Number formatting shared by panels and charts (fixed en-US locale so tests and screenshots agree).

const countFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A count with thousands separators: 20000 → "20,000". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** A fraction in [0, 1] as a percentage: 0.2182 → "21.8 %". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Bytes as megabytes (10^6): 2422799 → "2.42 MB". */
export function formatMB(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb < 10 ? mb.toFixed(2) : mb < 100 ? mb.toFixed(1) : mb.toFixed(0)} MB`;
}

/** Throughput from bytes and elapsed milliseconds: "5.4 MB/s" ("—" before any time has passed). */
export function formatRate(bytes: number, elapsedMs: number): string {
  if (elapsedMs <= 0) return '—';
  return `${(bytes / 1e3 / elapsedMs).toFixed(1)} MB/s`;
}

/** A log loss in nats with four decimals: 0.52131 → "0.5213". */
export function formatLogLoss(nats: number): string {
  return nats.toFixed(4);
}

/** Milliseconds as seconds or milliseconds: 1234 → "1.23 s", 87 → "87 ms". */
export function formatDuration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/** A count and a noun, plural when the count is not 1: (1, "finalist") → "1 finalist", (56, "architecture") → "56 architectures". */
export function plural(n: number, noun: string): string {
  return `${formatCount(n)} ${noun}${n === 1 ? '' : 's'}`;
}
