// Turns the planted spec and its calibration into the GroundTruth value the app shows as "the right answer".
import type { GroundTruth } from '../types.ts';
import type { CalibratedModel } from './calibrate.ts';
import { describeBump, describePlanted, TARGET_CTR } from './plantedSpec.ts';
import type { PlantedSpec } from './plantedSpec.ts';

/** GroundTruth of one sample. Strengths are the pilot's stds, in the order evaluateTerms writes them. */
export function groundTruth(spec: PlantedSpec, model: CalibratedModel, seed: number, rows: number): GroundTruth {
  let k = 0;
  const next = (): number => model.strengths[k++]!;
  const linear = [...spec.denseLinear, ...spec.categoricalLinear].map((l) => ({ field: l.field, strength: next() }));
  const interactions = spec.interactions.map((i) => ({ a: i.a, b: i.b, strength: next() }));
  const bump = spec.nonlinear;
  return {
    seed,
    rows,
    intercept: model.params.intercept,
    linear,
    interactions,
    nonlinear: { field: bump.field, description: describeBump(bump), strength: next() },
    description: describePlanted(spec, TARGET_CTR),
  };
}
