import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auc, calibration, logLoss, normalizedEntropy } from '../../../src/core/train/metrics.ts';

interface Case { name: string; p: number[]; y: number[]; auc: number; logLoss: number }
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/reference/metrics.json', import.meta.url), 'utf8')) as { cases: Case[] };

describe('metrics against scikit-learn', () => {
  for (const c of fixture.cases) {
    it(`AUC and log loss match roc_auc_score and log_loss on ${c.name}`, () => {
      expect(auc(c.p, c.y)).toBeCloseTo(c.auc, 12);
      expect(logLoss(c.p, c.y)).toBeCloseTo(c.logLoss, 12);
    });
  }
});

describe('normalizedEntropy and calibration', () => {
  it('NE is 1 for the base-rate predictor and below 1 for a better one', () => {
    const y = [1, 0, 0, 0];
    expect(normalizedEntropy([0.25, 0.25, 0.25, 0.25], y)).toBeCloseTo(1, 12);
    expect(normalizedEntropy([0.9, 0.1, 0.1, 0.1], y)).toBeLessThan(1);
  });
  it('calibration is Σp / Σy', () => {
    expect(calibration([0.5, 0.5, 0.2, 0.3], [1, 0, 0, 0])).toBeCloseTo(1.5, 12);
  });
  it('AUC is NaN with one class, and mismatched or empty inputs throw', () => {
    expect(auc([0.1, 0.2], [0, 0])).toBeNaN();
    expect(() => logLoss([0.1], [0, 1])).toThrow(/differ in length/);
    expect(() => logLoss([], [])).toThrow(/no examples/);
  });
});
