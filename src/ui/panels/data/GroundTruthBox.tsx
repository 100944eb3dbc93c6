// The built-in sample's planted model (its "right answer") and what generating it measured.
import type { GroundTruth, SampleOutcome } from '../../../core/data/types.ts';
import { formatLogLoss, formatPercent } from '../../format.ts';

export interface GroundTruthBoxProps {
  truth: GroundTruth;
  outcome: SampleOutcome | undefined;
  /** Base-rate log loss of the loaded data, to set the oracle's against. */
  baseRateLogLoss: number;
}

function strength(s: number): string {
  return s.toFixed(2);
}

/** Linear fields, interactions `a × b`, the non-linear effect, and the oracle vs base-rate log loss. */
export function GroundTruthBox({ truth, outcome, baseRateLogLoss }: GroundTruthBoxProps) {
  return (
    <section className="ground-truth" data-testid="ground-truth" aria-labelledby="ground-truth-title">
      <h3 id="ground-truth-title">Ground truth of the built-in sample</h3>
      <p>{truth.description}</p>
      <dl className="facts">
        <dt>Linear effects</dt>
        <dd>
          {truth.linear.length === 0
            ? 'none'
            : truth.linear.map((l) => `${l.field} (${strength(l.strength)})`).join(', ')}
        </dd>
        <dt>Interactions</dt>
        <dd>
          <ul className="plain-list" data-testid="ground-truth-interactions">
            {truth.interactions.map((i) => (
              <li key={`${i.a}×${i.b}`}>
                {i.a} × {i.b} <span className="hint">strength {strength(i.strength)}</span>
              </li>
            ))}
          </ul>
        </dd>
        <dt>Non-linear effect</dt>
        <dd>
          {truth.nonlinear.field}: {truth.nonlinear.description} <span className="hint">strength {strength(truth.nonlinear.strength)}</span>
        </dd>
        {outcome && (
          <>
            <dt>Realised click rate</dt>
            <dd>{formatPercent(outcome.labelRate)}</dd>
            <dt>Best possible log loss</dt>
            <dd>
              {formatLogLoss(outcome.oracleLogLoss)} with the true click probabilities, against {formatLogLoss(baseRateLogLoss)} for always predicting the
              base rate: a trained model should land between the two.
            </dd>
          </>
        )}
      </dl>
      <p className="hint">Strengths are the standard deviation of each term's contribution to the logit; seed {truth.seed}.</p>
    </section>
  );
}
