// The search and proxy settings forms: defaults equal to core's, per-field checks in words, and the request.
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVOLUTION, validateEvolutionConfig } from '../../../src/core/search/evolution.ts';
import { proxyConfig } from '../../../src/core/search/proxy.ts';
import { searchConfig } from '../../../src/core/search/searchJob.ts';
import { scratchConfig } from '../../../src/core/train/fromScratch.ts';
import { parseScratchCap, PROXY_DEFAULTS, toProxyRequest, validateProxyForm } from '../../../src/ui/panels/analysis/proxyForm.ts';
import { EVOLUTION_DEFAULTS, SEARCH_DEFAULTS, searchBudget, toSearchRequest, validateSearchForm, withMethod } from '../../../src/ui/panels/search/searchForm.ts';
import type { SearchForm } from '../../../src/ui/panels/search/searchForm.ts';

const form = (over: Partial<SearchForm> = {}): SearchForm => ({ ...SEARCH_DEFAULTS, ...over });

describe('search defaults', () => {
  it('are core’s DEFAULT_EVOLUTION', () => {
    expect(EVOLUTION_DEFAULTS).toEqual(DEFAULT_EVOLUTION);
    expect(toSearchRequest(SEARCH_DEFAULTS).evolution).toEqual(DEFAULT_EVOLUTION);
  });

  it('train as many finalists as core’s searchConfig', () => {
    const config = searchConfig(proxyConfig(100_000), scratchConfig(100_000));
    expect(Number(SEARCH_DEFAULTS.finalists)).toBe(config.finalists);
  });

  it('use core’s proxy defaults (last layer, 100 steps, 8,192 validation rows)', () => {
    const core = proxyConfig(1_000_000);
    expect(toProxyRequest(PROXY_DEFAULTS)).toEqual({ mode: core.mode, steps: core.steps, valRows: core.valRows, lr: core.lr });
  });

  it('pass validation and score 56 architectures', () => {
    expect(validateSearchForm(SEARCH_DEFAULTS)).toEqual({});
    expect(searchBudget(SEARCH_DEFAULTS)).toBe(56);
  });
});

describe('validateSearchForm', () => {
  it('applies core’s rules: tournament and children at most the population, kept at most the children', () => {
    const errors = validateSearchForm(form({ population: '4', sampleSize: '5', children: '5', topK: '3' }));
    expect(errors.sampleSize).toBe('Tournament size must be between 1 and 4.');
    expect(errors.children).toBe('Children per generation must be between 1 and 4.');
    expect(validateSearchForm(form({ children: '2', topK: '3' })).topK).toBe('Kept per generation must be between 0 and 2.');
  });

  it('accepts every setting core accepts for the smallest search', () => {
    const small = form({ population: '4', sampleSize: '2', children: '2', generations: '1', topK: '1', finalists: '1', scratchCap: '10' });
    expect(validateSearchForm(small)).toEqual({});
    expect(() => validateEvolutionConfig(toSearchRequest(small).evolution)).not.toThrow();
  });

  it('allows zero generations (the initial population only) and no kept children', () => {
    expect(validateSearchForm(form({ generations: '0', topK: '0' }))).toEqual({});
  });

  it('limits the finalists to the architectures scored', () => {
    expect(validateSearchForm(form({ population: '4', children: '2', sampleSize: '2', generations: '1', finalists: '7' })).finalists).toBe('Finalists must be between 1 and 6.');
  });

  it('reports bad proxy and cap fields under their own keys', () => {
    const errors = validateSearchForm(form({ proxy: { mode: 'last', steps: '-1', valRows: '0', lr: '0.04' }, scratchCap: '0', seed: 'x' }));
    expect(errors).toEqual({
      proxySteps: 'Fine-tune steps must be between 0 and 100,000.',
      proxyValRows: 'Validation rows must be between 1 and 10,000,000.',
      scratchCap: 'Step cap must be between 1 and 1,000,000.',
      seed: 'Seed must be a whole number.',
    });
  });

  it('ignores the evolution fields for random search and checks its budget instead', () => {
    const random = form({ method: 'random', population: 'x', randomBudget: '' });
    expect(Object.keys(validateSearchForm(random))).toEqual(['randomBudget']);
    expect(validateSearchForm({ ...random, randomBudget: '30' })).toEqual({});
    expect(searchBudget({ ...random, randomBudget: '30' })).toBe(30);
  });
});

describe('withMethod and toSearchRequest', () => {
  it('starts random search from the evolution’s budget', () => {
    const random = withMethod(form({ population: '4', sampleSize: '2', children: '2', generations: '1' }), 'random');
    expect(random.method).toBe('random');
    expect(random.randomBudget).toBe('6');
    expect(withMethod(random, 'random')).toBe(random);
  });

  it('sends the random budget only for random search, with valid evolution settings standing in', () => {
    const request = toSearchRequest(form({ method: 'random', randomBudget: '12', population: 'x' }));
    expect(request.randomBudget).toBe(12);
    expect(request.evolution).toEqual(DEFAULT_EVOLUTION);
    expect(toSearchRequest(SEARCH_DEFAULTS)).not.toHaveProperty('randomBudget');
  });

  it('sends the step cap only when one is typed', () => {
    expect(toSearchRequest(form({ scratchCap: ' 10 ' })).scratchMaxSteps).toBe(10);
    expect(toSearchRequest(form({ scratchCap: '' }))).not.toHaveProperty('scratchMaxSteps');
  });

  it('converts the whole form to numbers', () => {
    expect(toSearchRequest(form({ finalists: '2', seed: '9', proxy: { mode: 'whole', steps: '5', valRows: '256', lr: '0.04' } }))).toEqual({
      method: 'evolution',
      evolution: DEFAULT_EVOLUTION,
      proxy: { mode: 'whole', steps: 5, valRows: 256, lr: 0.04 },
      finalists: 2,
      seed: 9,
    });
  });
});

describe('proxy form', () => {
  it('allows zero fine-tune steps', () => {
    expect(validateProxyForm({ mode: 'none', steps: '0', valRows: '1', lr: '0.04' })).toEqual({});
    expect(validateProxyForm({ ...PROXY_DEFAULTS, lr: 'fast' }).lr).toBe('The learning rate must be a number, e.g. 0.04.');
    expect(validateProxyForm({ ...PROXY_DEFAULTS, lr: '0' }).lr).toBe('The learning rate must be above 0 and at most 10.');
  });

  it('reads a blank step cap as none and checks a typed one', () => {
    expect(parseScratchCap('  ')).toBeUndefined();
    expect(parseScratchCap('12')).toBe(12);
    expect(parseScratchCap('1.5')).toBe('Step cap must be a whole number.');
  });
});

describe('the proxy learning rate in the search and rank forms', () => {
  it('is reported under proxyLr, so a bad rate blocks the start', () => {
    expect(validateSearchForm(form({ proxy: { ...PROXY_DEFAULTS, lr: '0' } })).proxyLr).toBe('The learning rate must be above 0 and at most 10.');
    expect(validateSearchForm(form()).proxyLr).toBeUndefined();
  });
});
