// The training settings form: raw text, defaults per preset, validation, and the protocol's TrainConfig.
import type { PresetName, SamplingStrategy } from '../../../core/space/types.ts';
import type { TrainConfig } from '../../../worker/protocol.ts';
import { parseIntIn } from '../data/options.ts';

export interface TrainForm {
  steps: string;
  batchSize: string;
  lr: string;
  fullPathWarmupSteps: string;
  evalEvery: string;
  /** Rows of the fixed validation subset (capped at the validation split's size). */
  evalRows: string;
  seed: string;
}

export type TrainFormErrors = Partial<Record<keyof TrainForm, string>>;

/**
 * Defaults per preset: core's DEFAULT_TRAIN_CONFIG (one epoch of the default sample: 1250 steps of 256, lr 0.12,
 * a full-path warm-up of 20 % of the steps, §8), the run README "Does the supernet learn?" measures.
 * A unit test keeps them equal (the UI may not import core's training layer).
 */
const ONE_EPOCH: TrainForm = { steps: '1250', batchSize: '256', lr: '0.12', fullPathWarmupSteps: '250', evalEvery: '125', evalRows: '4096', seed: '1' };
export const TRAIN_DEFAULTS: Record<PresetName, TrainForm> = { tiny: ONE_EPOCH, small: ONE_EPOCH, full: ONE_EPOCH };

/** NASRec's fixed parts of the recipe (§8.2), not offered as inputs; losses are read back every 10 steps. */
const FIXED = { warmupFraction: 0.1, clipNorm: 5, readbackEvery: 10 } as const;
export const MAX_SEED = 0xffffffff;

function parseRate(text: string): number | string {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return 'The learning rate must be a number, e.g. 0.12.';
  if (n <= 0 || n > 10) return 'The learning rate must be above 0 and at most 10.';
  return n;
}

/** Checks each input; cross-checks warm-up and eval interval against the step count. */
export function validateTrainForm(form: TrainForm): TrainFormErrors {
  const errors: TrainFormErrors = {};
  const steps = parseIntIn(form.steps, 1, 1_000_000, 'Steps');
  const checks: [keyof TrainForm, number | string][] = [
    ['steps', steps],
    ['batchSize', parseIntIn(form.batchSize, 1, 65_536, 'Batch size')],
    ['lr', parseRate(form.lr)],
    ['fullPathWarmupSteps', parseIntIn(form.fullPathWarmupSteps, 0, typeof steps === 'number' ? steps : 1_000_000, 'Full-path warm-up')],
    ['evalEvery', parseIntIn(form.evalEvery, 1, typeof steps === 'number' ? steps : 1_000_000, 'Evaluate every')],
    ['evalRows', parseIntIn(form.evalRows, 1, 1_000_000, 'Validation rows')],
    ['seed', parseIntIn(form.seed, 0, MAX_SEED, 'Seed')],
  ];
  for (const [key, value] of checks) if (typeof value === 'string') errors[key] = value;
  return errors;
}

/** The protocol's settings for a valid form; `valRows` (the validation split's size) caps the evaluation subset. */
export function toTrainConfig(form: TrainForm, strategy: SamplingStrategy, valRows: number | undefined): TrainConfig {
  return {
    steps: Number(form.steps),
    batchSize: Number(form.batchSize),
    lr: Number(form.lr),
    ...FIXED,
    strategy,
    fullPathWarmupSteps: Number(form.fullPathWarmupSteps),
    evalEvery: Number(form.evalEvery),
    evalRows: Math.max(1, Math.min(Number(form.evalRows), valRows ?? Infinity)),
  };
}

/** A fresh seed for the "new seed" button (the UI may use Math.random: core code never does). */
export function newSeed(): number {
  return 1 + Math.floor(Math.random() * 999_999);
}
