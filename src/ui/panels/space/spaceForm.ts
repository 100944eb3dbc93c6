// The Search space panel's form: raw text as typed, the SpaceConfig it becomes, and problems per field.
import { SpaceError } from '../../../core/space/errors.ts';
import { validateSpace } from '../../../core/space/validateSpace.ts';
import type { DenseOp, PresetName, SamplingStrategy, SpaceConfig, SparseOp } from '../../../core/space/types.ts';

/** Text inputs stay strings so a half-typed value is not lost; lists are typed as "16, 32, 64". */
export interface SpaceForm {
  preset: PresetName | 'custom';
  blocks: string;
  denseOps: DenseOp[];
  sparseOps: SparseOp[];
  denseDims: string;
  sparseDims: string;
  interactionModules: boolean;
  maxInputs: string;
  embeddingDim: string;
}

/** Problems keyed by the SpaceConfig field they belong to (`space` for the whole). */
export type SpaceErrors = Partial<Record<keyof SpaceConfig | 'space', string>>;

/** The NASRec techniques that are not part of the space itself (interaction modules are: `interactionModules`). */
export interface Techniques {
  strategy: SamplingStrategy;
  /** Post-training fine-tuning of each candidate's last layer before scoring it (§9); read by the search step. */
  fineTune: boolean;
}

export const DEFAULT_TECHNIQUES: Techniques = { strategy: 'single-op-any-connection', fineTune: true };

export function formFromSpace(space: SpaceConfig): SpaceForm {
  return {
    preset: space.preset,
    blocks: String(space.blocks),
    denseOps: [...space.denseOps],
    sparseOps: [...space.sparseOps],
    denseDims: space.denseDims.join(', '),
    sparseDims: space.sparseDims.join(', '),
    interactionModules: space.interactionModules,
    maxInputs: String(space.maxInputs),
    embeddingDim: String(space.embeddingDim),
  };
}

function parseWhole(text: string, what: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) ? n : `${what} must be a whole number.`;
}

/** "16, 64 32" → [16, 32, 64] (sorted, duplicates dropped), or a message for people. */
export function parseList(text: string, what: string): number[] | string {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (parts.length === 0) return `Give at least one ${what}.`;
  const nums = parts.map(Number);
  const bad = parts.find((_, i) => !Number.isInteger(nums[i]) || (nums[i] as number) < 1);
  if (bad !== undefined) return `"${bad}" is not a whole number of at least 1; separate ${what}s with commas.`;
  return [...new Set(nums)].sort((a, b) => a - b);
}

function sentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

/** The space a form describes, or the problems that stop it (each under its field). */
export function spaceFromForm(form: SpaceForm): { space: SpaceConfig | undefined; errors: SpaceErrors } {
  const errors: SpaceErrors = {};
  const blocks = parseWhole(form.blocks, 'The number of blocks');
  const maxInputs = parseWhole(form.maxInputs, 'The most inputs per stream');
  const embeddingDim = parseWhole(form.embeddingDim, 'The embedding dimension');
  const denseDims = parseList(form.denseDims, 'dense width');
  const sparseDims = parseList(form.sparseDims, 'sparse row count');
  const parsed = { blocks, maxInputs, embeddingDim, denseDims, sparseDims };
  for (const [key, value] of Object.entries(parsed)) if (typeof value === 'string') errors[key as keyof SpaceErrors] = value;
  if (form.denseOps.length === 0) errors.denseOps = 'Enable at least one dense operator.';
  if (form.sparseOps.length === 0) errors.sparseOps = 'Enable at least one sparse operator.';
  if (Object.keys(errors).length > 0) return { space: undefined, errors };
  const space: SpaceConfig = {
    preset: form.preset,
    blocks: blocks as number,
    denseOps: form.denseOps,
    sparseOps: form.sparseOps,
    denseDims: denseDims as number[],
    sparseDims: sparseDims as number[],
    interactionModules: form.interactionModules,
    maxInputs: maxInputs as number,
    embeddingDim: embeddingDim as number,
  };
  try {
    validateSpace(space);
  } catch (err) {
    if (!(err instanceof SpaceError)) throw err;
    const field = (err.field in space ? err.field : 'space') as keyof SpaceErrors;
    return { space: undefined, errors: { [field]: sentence(err.message) } };
  }
  return { space, errors };
}
