// Everything shown after a successful load: statistics, distinct-count chart, fields, bad rows, preview, ground truth.
import type { FieldKind } from '../../../core/data/types.ts';
import type { DataReadyMessage } from '../../../worker/protocol.ts';
import { BadRowsReport } from './BadRowsReport.tsx';
import { DistinctChart } from './DistinctChart.tsx';
import { FieldsTable } from './FieldsTable.tsx';
import { GroundTruthBox } from './GroundTruthBox.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { StatsTable } from './StatsTable.tsx';

export interface DataResultsProps {
  result: DataReadyMessage;
  /** Kind edits for CSV loads (absent for other formats: their kinds are fixed). */
  kindEdits?: { kinds: Record<string, FieldKind>; onKind(field: string, kind: FieldKind): void; onReload(): void; changed: boolean } | undefined;
}

/** The results area of the Data panel (`data-testid="data-results"`). */
export function DataResults({ result, kindEdits }: DataResultsProps) {
  const { stats, preview, truth, outcome } = result;
  return (
    <div className="data-results" data-testid="data-results">
      <div className="results-row">
        <div>
          <h3>Statistics</h3>
          <StatsTable stats={stats} />
        </div>
        {truth && <GroundTruthBox truth={truth} outcome={outcome} baseRateLogLoss={stats.baseRateLogLoss} />}
      </div>
      <DistinctChart fields={stats.fields} />
      <div className="results-row">
        <div>
          <h3>Fields</h3>
          <FieldsTable fields={stats.fields} editable={kindEdits} />
        </div>
        <BadRowsReport badRows={stats.badRows} goodRows={stats.rows} />
      </div>
      <div>
        <h3>First rows, as read and as encoded</h3>
        <p className="hint">Dense values become ln(x + 1); categories become bucket numbers (0 = missing); ∅ marks an empty cell.</p>
        <PreviewTable fields={stats.fields} rows={preview} />
      </div>
    </div>
  );
}
