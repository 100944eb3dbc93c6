// The supernet search and rank work on: whether a job can start (if not, why), and what its results belong to. Pure.
import type { SplitStats } from '../../../core/data/types.ts';
import type { InputShape, SpaceConfig } from '../../../core/space/types.ts';
import type { DataReadyMessage } from '../../../worker/protocol.ts';
import { inputShape } from '../inputShape.ts';

/** The supernet the worker keeps: the last training run that finished or was stopped. */
export interface SupernetInfo {
  /** The space it was trained on (search and rank draw from it). */
  space: SpaceConfig;
  /** The data it was trained on (a new load drops it in the worker). */
  data: DataReadyMessage;
  steps: number;
  reason: 'finished' | 'stopped';
  valLoss: number;
}

export type AnalysisKind = 'search' | 'rank';

/** What a finished job's results belong to: the supernet's space, input shape and data splits when it started. */
export interface RunContext {
  space: SpaceConfig;
  input: InputShape | undefined;
  splits: { train: SplitStats; val: SplitStats; test: SplitStats };
}

export function runContext(supernet: SupernetInfo): RunContext {
  return { space: supernet.space, input: inputShape(supernet.data), splits: supernet.data.stats.splits };
}

export interface GateInput {
  supernet: SupernetInfo | undefined;
  /** The data loaded now (`undefined` while none is ready). */
  data: DataReadyMessage | undefined;
  trainingLive: boolean;
  /** The search or rank job running now, if any (the worker runs one at a time). */
  running: AnalysisKind | undefined;
  /** Which panel asks. */
  self: AnalysisKind;
}

const OTHER_NAME: Record<AnalysisKind, string> = { search: 'A search', rank: 'A rank check' };

/** `undefined` when the job can start, else one sentence on what to do first. */
export function analysisBlocker({ supernet, data, trainingLive, running, self }: GateInput): string | undefined {
  if (trainingLive) return 'The supernet is still training. Let the run finish or stop it in step 3: this step uses its weights.';
  if (!supernet) return 'Train a supernet in step 3 first (let it finish or stop it): this step uses its weights.';
  if (supernet.data !== data) return 'The data changed since the supernet was trained. Train it again in step 3 first.';
  if (running && running !== self) return `${OTHER_NAME[running]} is running (one job at a time). Wait for it to finish or stop it first.`;
  return undefined;
}

/** What to do next after a search or rank check failed with the worker's error `code`. */
export function analysisNextStep(code: string | undefined): string {
  switch (code) {
    case 'noSupernet':
      return 'Train a supernet in step 3 (let it finish or stop it), then start again.';
    case 'busy':
      return 'Wait for the running job to finish, or stop it, then start again.';
    case 'badOption':
      return 'Correct the setting named above, then start again.';
    case 'crash':
      return 'Reload the page to start a fresh worker.';
    default:
      return 'Start again; if it fails again, try fewer architectures, fewer validation rows or the Tiny preset.';
  }
}
