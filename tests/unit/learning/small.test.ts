// The Small supernet learns on the built-in sample: validation log loss below the base rate within one epoch.
import { describe, expect, it } from 'vitest';
import { LEARNING_RUN, learningRun } from './learningRun.ts';

/** How far below the base-rate log loss the last point must be (measured: see README "Does the supernet learn?"). */
const MARGIN = 0.005;

describe('Small supernet on the built-in sample', () => {
  it(`ends ${LEARNING_RUN.steps} steps with validation log loss below the base rate by at least ${MARGIN}`, async () => {
    const { baseRateLogLoss, curve, trainer } = await learningRun('small', LEARNING_RUN.steps / 5);
    trainer.dispose();
    console.log(`small: base ${baseRateLogLoss.toFixed(4)}, val ${curve.map((c) => `${c.step}:${c.valLoss.toFixed(4)}`).join(' ')}`);
    expect(curve).toHaveLength(5);
    expect(curve.at(-1)!.valLoss).toBeLessThan(baseRateLogLoss - MARGIN);
  }, 1_200_000);
});
