// Evaluation metrics on probabilities and labels: log loss, AUC (ties by average rank), normalized entropy, calibration.

const EPS = 1e-12;

/** Mean binary cross-entropy in nats. @param p [n] probabilities @param y [n] labels 0/1 */
export function logLoss(p: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLengths(p, y);
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const q = Math.min(Math.max(p[i]!, EPS), 1 - EPS);
    s -= y[i]! ? Math.log(q) : Math.log(1 - q);
  }
  return s / p.length;
}

/**
 * ROC AUC as scikit-learn's roc_auc_score: the Mann–Whitney statistic with tied scores given their
 * average rank. NaN when only one class is present.
 */
export function auc(p: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLengths(p, y);
  const n = p.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => p[a]! - p[b]!);
  let rankSumPos = 0;
  let positives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && p[order[j + 1]!] === p[order[i]!]) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) {
      if (y[order[k]!]) {
        rankSumPos += avgRank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSumPos - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Normalized entropy: log loss divided by the entropy of the labels' own base rate (< 1 beats the base rate). */
export function normalizedEntropy(p: ArrayLike<number>, y: ArrayLike<number>): number {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i]!;
  const rate = pos / y.length;
  const h = -(rate * Math.log(Math.max(rate, EPS)) + (1 - rate) * Math.log(Math.max(1 - rate, EPS)));
  return logLoss(p, y) / h;
}

/** Calibration Σp / Σy: 1 when predicted clicks match observed clicks. */
export function calibration(p: ArrayLike<number>, y: ArrayLike<number>): number {
  checkLengths(p, y);
  let sp = 0;
  let sy = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i]!;
    sy += y[i]!;
  }
  return sp / sy;
}

export interface Metrics {
  logLoss: number;
  auc: number;
  normalizedEntropy: number;
  calibration: number;
}

/** All four metrics at once. */
export function evaluateMetrics(p: ArrayLike<number>, y: ArrayLike<number>): Metrics {
  return { logLoss: logLoss(p, y), auc: auc(p, y), normalizedEntropy: normalizedEntropy(p, y), calibration: calibration(p, y) };
}

function checkLengths(p: ArrayLike<number>, y: ArrayLike<number>): void {
  if (p.length !== y.length) throw new RangeError(`predictions (${p.length}) and labels (${y.length}) differ in length`);
  if (p.length === 0) throw new RangeError('no examples to evaluate');
}
