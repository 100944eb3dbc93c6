// Rows the loader rejected: how many, and the first few with their line numbers and reasons.
import type { DatasetStats } from '../../../core/data/types.ts';
import { formatCount, formatPercent } from '../../format.ts';

/** The bad-row report (`data-testid="bad-rows"`); says so plainly when nothing was rejected. */
export function BadRowsReport({ badRows, goodRows }: { badRows: DatasetStats['badRows']; goodRows: number }) {
  const total = badRows.count + goodRows;
  return (
    <section className="bad-rows" data-testid="bad-rows" aria-label="Rejected rows">
      <h3>Rejected rows</h3>
      {badRows.count === 0 ? (
        <p data-testid="bad-rows-count">None — every row was read.</p>
      ) : (
        <>
          <p data-testid="bad-rows-count">
            {formatCount(badRows.count)} {badRows.count === 1 ? 'row was' : 'rows were'} skipped ({formatPercent(total > 0 ? badRows.count / total : 0)} of the
            file). {badRows.examples.length < badRows.count ? `The first ${badRows.examples.length}:` : ''}
          </p>
          <ul className="bad-rows-list">
            {badRows.examples.map((b) => (
              <li key={b.line}>
                <span className="bad-rows-line">Line {formatCount(b.line)}:</span> {b.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
