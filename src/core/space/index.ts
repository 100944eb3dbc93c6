// The search-space layer's public surface (pure data and arithmetic; no tfjs, safe for the UI to run).
export * from './types.ts';
export { SpaceError, ArchError } from './errors.ts';
export { SPACE_PRESETS, PAPER_DENSE_DIMS, PAPER_SPARSE_DIMS, PAPER_EMBEDDING_DIM, copySpace, presetSpace, paperScale } from './presets.ts';
export { validateSpace, MAX_BLOCKS } from './validateSpace.ts';
export { makeArch, archKey, ARCH_BLOCK_FIELDS } from './arch.ts';
export { archToJson, archFromJson, parseJsonText, ARCH_JSON_VERSION, type ArchJson } from './archJson.ts';
export {
  archFromNasrecJson,
  archToNasrecJson,
  isNasrecJson,
  nasrecConfigFor,
  NASREC_NODES,
  type NasrecConfigJson,
  type NasrecConfigName,
  type NasrecImport,
  type NasrecMacro,
  type NasrecMicro,
} from './nasrecJson.ts';
export { deadBlocks, leftRightInputs, pathLiveness, readsDenseIdx, readsLeftRight, type BlockLiveness } from './liveness.ts';
export { archCost, streamWidths, type ArchCost } from './cost.ts';
export type { Cost } from './opCost.ts';
export { supernetParams, pathOpParams, supernetWidths, type BlockParams, type SupernetParamCount } from './supernetCost.ts';
export { spaceSize, blockChoices } from './spaceSize.ts';
export { archToPath, fullPath } from './path.ts';
export { samplePath, sampleArch, warmupProbability } from './sampler.ts';
export { dlrmLike, deepFmLike, namedBaselines, type NamedArch } from './baselines.ts';
export { mutateArch, MACRO_FIELDS, MICRO_FIELDS, type MacroField, type MicroField, type MutableField } from './mutate.ts';
