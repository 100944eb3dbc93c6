// Progress of a running load: a bar, rows read, megabytes (and % when the size is known), speed, Cancel.
import type { LoadProgress } from '../../../worker/client.ts';
import type { DataSource } from '../../../worker/protocol.ts';
import { formatCount, formatMB, formatRate } from '../../format.ts';

export interface LoadProgressViewProps {
  source: DataSource;
  progress: LoadProgress | undefined;
  onCancel(): void;
}

/** Fraction done in [0, 1], or `undefined` when the total is unknown. */
export function progressFraction(source: DataSource, progress: LoadProgress | undefined): number | undefined {
  if (!progress) return undefined;
  if (progress.totalBytes) return Math.min(progress.bytes / progress.totalBytes, 1);
  if (source.kind === 'sample' && source.rows > 0) return Math.min(progress.rows / source.rows, 1);
  return undefined;
}

/** Names a data source in a sentence: "the built-in sample (20,000 rows, seed 1)". */
export function describeSource(source: DataSource): string {
  switch (source.kind) {
    case 'sample':
      return `the built-in sample (${formatCount(source.rows)} rows, seed ${source.seed})`;
    case 'file':
      return `${source.file.name} (${formatMB(source.file.size)})`;
    case 'url':
      return source.url;
  }
}

/** The progress region (`data-testid="progress"`), announced politely to screen readers. */
export function LoadProgressView({ source, progress, onCancel }: LoadProgressViewProps) {
  const fraction = progressFraction(source, progress);
  const parts: string[] = [];
  if (progress) {
    parts.push(`${formatCount(progress.rows)} rows`);
    if (progress.bytes > 0) {
      const total = progress.totalBytes ? ` of ${formatMB(progress.totalBytes)}` : '';
      parts.push(`${formatMB(progress.bytes)}${total} read`);
      parts.push(formatRate(progress.bytes, progress.elapsedMs));
    }
    if (fraction !== undefined) parts.push(`${Math.round(fraction * 100)} %`);
  }
  return (
    <div className="load-progress" data-testid="progress">
      <p className="load-progress-title">Loading {describeSource(source)}…</p>
      <div className="inline">
        <progress max={1} value={fraction} aria-label="Load progress" />
        <button type="button" onClick={onCancel} data-testid="cancel-load">
          Cancel
        </button>
      </div>
      <p className="load-progress-numbers" role="status" aria-live="polite" data-testid="progress-numbers">
        {parts.length > 0 ? parts.join(' · ') : 'Starting…'}
      </p>
    </div>
  );
}
