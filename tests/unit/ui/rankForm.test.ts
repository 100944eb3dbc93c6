// The rank-check settings form: defaults equal to core's, checks in words, and the request.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RANK_K, DEFAULT_RANK_SCRATCH_STEPS } from '../../../src/core/search/rankJob.ts';
import { RANK_DEFAULTS, RANK_K_DEFAULT, RANK_SCRATCH_CAP_DEFAULT, toRankRequest, validateRankForm } from '../../../src/ui/panels/rank/rankForm.ts';
import type { RankForm } from '../../../src/ui/panels/rank/rankForm.ts';

const form = (over: Partial<RankForm> = {}): RankForm => ({ ...RANK_DEFAULTS, ...over });

describe('rank defaults', () => {
  it('check core’s DEFAULT_RANK_K architectures, cap from-scratch runs at DEFAULT_RANK_SCRATCH_STEPS, and pass validation', () => {
    expect(RANK_K_DEFAULT).toBe(DEFAULT_RANK_K);
    expect(Number(RANK_DEFAULTS.k)).toBe(DEFAULT_RANK_K);
    expect(RANK_SCRATCH_CAP_DEFAULT).toBe(DEFAULT_RANK_SCRATCH_STEPS);
    expect(toRankRequest(RANK_DEFAULTS).scratchMaxSteps).toBe(DEFAULT_RANK_SCRATCH_STEPS);
    expect(validateRankForm(RANK_DEFAULTS)).toEqual({});
  });
});

describe('validateRankForm', () => {
  it('needs at least 3 architectures for a correlation', () => {
    expect(validateRankForm(form({ k: '2' })).k).toBe('Architectures (K) must be between 3 and 1,000.');
    expect(validateRankForm(form({ k: '3' }))).toEqual({});
  });

  it('reports the proxy, cap and seed fields under their own keys', () => {
    expect(Object.keys(validateRankForm(form({ proxy: { mode: 'last', steps: 'a', valRows: 'b', lr: '0.04' }, scratchCap: '-2', seed: '' }))).sort()).toEqual([
      'proxySteps',
      'proxyValRows',
      'scratchCap',
      'seed',
    ]);
  });
});

describe('toRankRequest', () => {
  it('converts the form, with the cap and ablation as typed', () => {
    expect(toRankRequest(form({ k: '4', scratchCap: '10', ablation: true, seed: '3', proxy: { mode: 'last', steps: '5', valRows: '256', lr: '0.04' } }))).toEqual({
      k: 4,
      proxy: { mode: 'last', steps: 5, valRows: 256, lr: 0.04 },
      scratchMaxSteps: 10,
      ablation: true,
      seed: 3,
    });
  });

  it('leaves the cap out when blank (one epoch)', () => {
    expect(toRankRequest({ ...RANK_DEFAULTS, scratchCap: '' })).not.toHaveProperty('scratchMaxSteps');
  });
});
