// The Data panel's defaults: the built-in sample the page opens with is core's DEFAULT_SAMPLE_ROWS.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLE_ROWS } from '../../../src/core/data/synthetic/index.ts';
import { DEFAULT_FORM, MAX_SAMPLE_ROWS } from '../../../src/ui/panels/data/options.ts';

describe('DEFAULT_FORM', () => {
  it('loads the default sample size, the one the documented learning run uses', () => {
    expect(Number(DEFAULT_FORM.sampleRows)).toBe(DEFAULT_SAMPLE_ROWS);
    expect(DEFAULT_SAMPLE_ROWS).toBeLessThanOrEqual(MAX_SAMPLE_ROWS);
  });
});
