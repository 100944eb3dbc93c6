// The live numbers of the space: how many architectures it holds, and the supernet's parameter count.
import type { SpaceInfoState } from '../../hooks/useSpaceInfo.ts';
import { formatCount } from '../../format.ts';

/** "8.1 × 10^43" with the exponent set as a superscript. */
function SizeText({ text }: { text: string }) {
  const m = /^(.*)10\^(-?\d+)(.*)$/.exec(text);
  if (!m) return <>{text}</>;
  return (
    <>
      {m[1]}10<sup>{m[2]}</sup>
      {m[3]}
    </>
  );
}

export interface SpaceSummaryProps {
  info: SpaceInfoState;
  /** False until data is loaded: the embedding tables' size is not known yet. */
  dataLoaded: boolean;
  /** Set when the form has a problem (then nothing is counted). */
  invalid: boolean;
}

/** Two big numbers (`space-size`, `supernet-params`), updated a moment after each edit. */
export function SpaceSummary({ info, dataLoaded, invalid }: SpaceSummaryProps) {
  const shown = info.status === 'ready' ? info.info : info.status === 'pending' ? info.last : undefined;
  const stale = info.status === 'pending';
  const placeholder = invalid ? 'fix the space first' : info.status === 'error' ? 'not available' : 'counting…';
  return (
    <div className={`space-summary${stale ? ' stale' : ''}`} aria-live="polite" data-status={info.status}>
      <div className="big-number">
        <span className="big-number-label">Architectures in this space</span>
        <span className={`big-number-value${shown && !invalid ? '' : ' placeholder'}`} data-testid="space-size" data-size-text={shown && !invalid ? shown.sizeText : ''}>
          {shown && !invalid ? <SizeText text={shown.sizeText} /> : placeholder}
        </span>
      </div>
      <div className="big-number">
        <span className="big-number-label">Supernet parameters</span>
        <span className={`big-number-value${shown && !invalid ? '' : ' placeholder'}`} data-testid="supernet-params">
          {shown && !invalid ? formatCount(shown.supernetParams) : placeholder}
        </span>
        <span className="hint">
          {shown && !invalid && dataLoaded && shown.embeddingParams > 0
            ? `plus ${formatCount(shown.embeddingParams)} in the embedding tables of the loaded data`
            : 'not counting the embedding tables (they depend on the data)'}
        </span>
      </div>
      {info.status === 'error' && !invalid && (
        <p className="field-error" data-testid="space-info-error">
          The size could not be computed: {info.message}
        </p>
      )}
    </div>
  );
}
