// Entry point of the PyTorch export (issue #7): self-contained nasrec_model.py, train_nasrec.py and README.md for
// any architecture. Pure string building (no tfjs, no DOM, no Node modules).
import type { DataEncoding } from '../../data/encoding.ts';
import type { Arch, InputShape, SpaceConfig } from '../../space/types.ts';
import { modelFile } from './modelFile.ts';
import { netPlan } from './netPlan.ts';
import { readme } from './readme.ts';
import { trainScript } from './trainScript.ts';

/** The generated module's file name (the train script imports it by this name). */
export const MODEL_PY = 'nasrec_model.py';
/** The generated training script's file name. */
export const TRAIN_PY = 'train_nasrec.py';
/** The generated README's file name. */
export const README_MD = 'README.md';

/** What the code is generated for: the architecture in its space, the input shape and the data's encoding. */
export interface PytorchExportOptions {
  arch: Arch;
  space: SpaceConfig;
  input: InputShape;
  /** How the data was encoded (LoadResult.encoding): the generated encoder and the table rows come from it. */
  encoding: DataEncoding;
  /** Short architecture name and key, for comments and the README. */
  name: string;
  key: string;
}

/** One generated file: its name and its text. */
export interface GeneratedFile {
  name: string;
  text: string;
}

/**
 * nasrec_model.py, train_nasrec.py and README.md for `arch` (file names fixed: MODEL_PY, TRAIN_PY, README_MD).
 * @throws RangeError when the input shape does not match the encoding (dense fields, at least 1; categorical fields)
 *   or the architecture does not have the space's block count
 */
export function generatePytorch(options: PytorchExportOptions): GeneratedFile[] {
  const { arch, space, input, encoding, name, key } = options;
  if (arch.blocks.length !== space.blocks) throw new RangeError(`the architecture has ${arch.blocks.length} blocks, the space ${space.blocks}`);
  if (input.sparse !== encoding.categorical.length) {
    throw new RangeError(`the input has ${input.sparse} categorical fields, the encoding ${encoding.categorical.length}`);
  }
  if (input.dense !== Math.max(1, encoding.dense.length)) {
    throw new RangeError(`the input has ${input.dense} dense fields, the encoding ${encoding.dense.length} (one zero column when none)`);
  }
  const plan = netPlan(arch, input, space.embeddingDim);
  return [
    { name: MODEL_PY, text: modelFile({ arch, space, encoding, plan, name, key }) },
    { name: TRAIN_PY, text: trainScript({ space, name, key, modelModule: MODEL_PY.replace(/\.py$/, '') }) },
    { name: README_MD, text: readme({ name, key, space, encoding, plan, modelPy: MODEL_PY, trainPy: TRAIN_PY }) },
  ];
}
