// Public face of the built-in sample generator: Criteo-shaped rows whose labels follow a documented planted model.
export { createCriteoSample, DEFAULT_SAMPLE_ROWS, MAX_SAMPLE_ROWS } from './sample.ts';
export type { SampleOptions, SyntheticSample } from './sample.ts';
export type { RowLogits, SampleRow } from './rowGenerator.ts';
export { CATEGORICAL_FIELDS, DENSE_FIELDS, SAMPLE_FIELD_NAMES } from './schema.ts';
export type { CategoricalFieldSpec, DenseFieldSpec } from './schema.ts';
export { describePlanted, LATENT_DIM, PILOT_ROWS, PLANTED, TARGET_CTR } from './plantedSpec.ts';
export type { BumpSpec, CategoricalLinearSpec, DenseLinearSpec, InteractionSpec, PlantedSpec } from './plantedSpec.ts';
export { categoryHex } from './hexIds.ts';
