// The training settings form: per-field validation with readable messages, and the TrainConfig it becomes.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/core/train/config.ts';
import { MAX_SEED, newSeed, toTrainConfig, TRAIN_DEFAULTS, validateTrainForm } from '../../../src/ui/panels/training/trainForm.ts';
import type { TrainForm } from '../../../src/ui/panels/training/trainForm.ts';

const form = (over: Partial<TrainForm> = {}): TrainForm => ({ ...TRAIN_DEFAULTS.tiny, ...over });

describe('TRAIN_DEFAULTS', () => {
  it('every preset’s defaults pass validation', () => {
    for (const name of ['tiny', 'small', 'full'] as const) expect(validateTrainForm(TRAIN_DEFAULTS[name])).toEqual({});
  });

  it('are core’s DEFAULT_TRAIN_CONFIG for every preset (the run the learning tests assert)', () => {
    for (const name of ['tiny', 'small', 'full'] as const) {
      expect(toTrainConfig(TRAIN_DEFAULTS[name], DEFAULT_TRAIN_CONFIG.strategy, undefined)).toEqual(DEFAULT_TRAIN_CONFIG);
    }
  });

  it('use a full-path warm-up of 20 % of the steps, as NASRec’s recipe', () => {
    for (const name of ['tiny', 'small', 'full'] as const) {
      const f = TRAIN_DEFAULTS[name];
      expect(Number(f.fullPathWarmupSteps)).toBe(0.2 * Number(f.steps));
    }
  });
});

describe('validateTrainForm', () => {
  it('reports a non-number step count in words', () => {
    expect(validateTrainForm(form({ steps: 'lots' })).steps).toBe('Steps must be a whole number.');
  });

  it('reports an empty or blank field as not a whole number', () => {
    expect(validateTrainForm(form({ batchSize: '   ' })).batchSize).toBe('Batch size must be a whole number.');
  });

  it('rejects a fractional batch size', () => {
    expect(validateTrainForm(form({ batchSize: '12.5' })).batchSize).toBe('Batch size must be a whole number.');
  });

  it('gives the allowed range, with thousands separators, for out-of-range numbers', () => {
    expect(validateTrainForm(form({ steps: '0' })).steps).toBe('Steps must be between 1 and 1,000,000.');
    expect(validateTrainForm(form({ batchSize: '70000' })).batchSize).toBe('Batch size must be between 1 and 65,536.');
    expect(validateTrainForm(form({ seed: '-1' })).seed).toBe('Seed must be between 0 and 4,294,967,295.');
  });

  it('accepts the extreme seeds 0 and 2^32 − 1 and rejects 2^32', () => {
    expect(validateTrainForm(form({ seed: '0' }))).toEqual({});
    expect(validateTrainForm(form({ seed: String(MAX_SEED) }))).toEqual({});
    expect(validateTrainForm(form({ seed: String(MAX_SEED + 1) })).seed).toMatch(/^Seed must be between/);
  });

  it('accepts surrounding spaces', () => {
    expect(validateTrainForm(form({ steps: ' 2000 ', lr: ' 0.05 ' }))).toEqual({});
  });

  it('checks the learning rate is a positive number of at most 10', () => {
    expect(validateTrainForm(form({ lr: 'fast' })).lr).toBe('The learning rate must be a number, e.g. 0.12.');
    expect(validateTrainForm(form({ lr: '' })).lr).toBe('The learning rate must be a number, e.g. 0.12.');
    expect(validateTrainForm(form({ lr: 'Infinity' })).lr).toBe('The learning rate must be a number, e.g. 0.12.');
    expect(validateTrainForm(form({ lr: '0' })).lr).toBe('The learning rate must be above 0 and at most 10.');
    expect(validateTrainForm(form({ lr: '-0.1' })).lr).toBe('The learning rate must be above 0 and at most 10.');
    expect(validateTrainForm(form({ lr: '10.5' })).lr).toBe('The learning rate must be above 0 and at most 10.');
    expect(validateTrainForm(form({ lr: '10' })).lr).toBeUndefined();
    expect(validateTrainForm(form({ lr: '1e-3' })).lr).toBeUndefined();
  });

  it('limits the warm-up and the evaluation interval to the step count', () => {
    const errors = validateTrainForm(form({ steps: '100', fullPathWarmupSteps: '101', evalEvery: '150' }));
    expect(errors.fullPathWarmupSteps).toBe('Full-path warm-up must be between 0 and 100.');
    expect(errors.evalEvery).toBe('Evaluate every must be between 1 and 100.');
    expect(validateTrainForm(form({ steps: '100', fullPathWarmupSteps: '100', evalEvery: '100' }))).toEqual({});
  });

  it('allows no warm-up but requires evaluating at least every step', () => {
    expect(validateTrainForm(form({ fullPathWarmupSteps: '0' }))).toEqual({});
    expect(validateTrainForm(form({ evalEvery: '0' })).evalEvery).toMatch(/^Evaluate every must be between 1 and/);
  });

  it('falls back to the widest bound for the cross-checks when the step count itself is bad', () => {
    const errors = validateTrainForm(form({ steps: 'x', fullPathWarmupSteps: '5000', evalEvery: '5000' }));
    expect(Object.keys(errors)).toEqual(['steps']);
  });

  it('reports every bad field at once, each under its own key', () => {
    const errors = validateTrainForm({ steps: 'a', batchSize: 'b', lr: 'c', fullPathWarmupSteps: 'd', evalEvery: 'e', evalRows: 'f', seed: 'g' });
    expect(Object.keys(errors).sort()).toEqual(['batchSize', 'evalEvery', 'evalRows', 'fullPathWarmupSteps', 'lr', 'seed', 'steps']);
    expect(errors.evalRows).toBe('Validation rows must be a whole number.');
  });
});

describe('toTrainConfig', () => {
  it('converts the text fields to numbers and adds NASRec’s fixed recipe parts', () => {
    expect(toTrainConfig(TRAIN_DEFAULTS.full, 'any-path', undefined)).toEqual({
      steps: 1250,
      batchSize: 256,
      lr: 0.12,
      warmupFraction: 0.1,
      clipNorm: 5,
      readbackEvery: 10,
      strategy: 'any-path',
      fullPathWarmupSteps: 250,
      evalEvery: 125,
      evalRows: 4096,
    });
  });

  it('caps the evaluation subset at the validation split’s size', () => {
    expect(toTrainConfig(form({ evalRows: '4096' }), 'single-path', 1000).evalRows).toBe(1000);
    expect(toTrainConfig(form({ evalRows: '500' }), 'single-path', 1000).evalRows).toBe(500);
  });

  it('never asks for fewer than one evaluation row, even with an empty validation split', () => {
    expect(toTrainConfig(form({ evalRows: '4096' }), 'single-path', 0).evalRows).toBe(1);
  });
});

describe('newSeed', () => {
  it('returns a whole number from 1 to 999,999 that passes seed validation', () => {
    for (let i = 0; i < 200; i++) {
      const seed = newSeed();
      expect(Number.isInteger(seed) && seed >= 1 && seed <= 999_999).toBe(true);
      expect(validateTrainForm(form({ seed: String(seed) })).seed).toBeUndefined();
    }
  });
});
