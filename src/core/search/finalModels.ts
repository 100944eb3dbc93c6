// Final models (NASREC.md §10.1 post-search, §11): finalists and baselines trained from scratch and measured on test.
import type { CancelSignal } from '../cancel.ts';
import type { Dataset } from '../data/types.ts';
import { createDcn, createLogisticRegression } from '../model/baselines.ts';
import { createStandalone } from '../model/standalone.ts';
import type { Rng } from '../rng.ts';
import { archKey } from '../space/arch.ts';
import { namedBaselines } from '../space/baselines.ts';
import { archCost } from '../space/cost.ts';
import type { Arch, ArchKey, SpaceConfig } from '../space/types.ts';
import { inputShapeOf } from '../train/batches.ts';
import { trainFromScratch, type ScratchConfig, type ScratchNet } from '../train/fromScratch.ts';
import type { Metrics } from '../train/metrics.ts';
import type { EmbeddingTables } from '../train/embeddings.ts';
import { snapshotWeights, type TrainedWeights } from '../export/trainedModel.ts';

/** A model trained from scratch: its validation score, test metrics at the stopping point, and cost. */
export interface FinalModel {
  name: string;
  /** Architectures of the space only (finalists, DLRM-like, DeepFM-like). */
  key?: ArchKey;
  arch?: Arch;
  /** Best validation log loss seen while training (what picks the winner). */
  valLoss: number;
  test: Metrics;
  /** Non-embedding parameters and per-example FLOPs (official convention, §12.2). */
  params: number;
  flops: number;
  steps: number;
  /** The trained weights and tables at the stopping point, when asked for (`keepWeights`). */
  weights?: TrainedWeights;
}

export interface FinalTrainingOptions {
  data: Dataset;
  space: SpaceConfig;
  scratch: ScratchConfig;
  rng: Rng;
  signal?: CancelSignal;
  /** Progress inside one model's training. */
  onEval?: (point: { step: number; loss: number; steps: number }) => void;
  /**
   * Keep the trained weights (architectures of the space only): they can then be exported. A function decides from
   * the best validation loss, so weights nobody will keep are never read back.
   */
  keepWeights?: boolean | ((valLoss: number) => boolean);
}

/**
 * Trains `arch` as a final model: a standalone network with fresh weights and LayerNorm off, as NASRec's final
 * training hard-codes (§11), with early stopping on validation; test metrics on the whole test split.
 */
export async function trainArch(name: string, arch: Arch, options: FinalTrainingOptions): Promise<FinalModel> {
  const { data, space } = options;
  const input = inputShapeOf(data);
  const net = createStandalone(arch, space, input, { rng: options.rng.stream('init'), layerNorm: false });
  let weights: TrainedWeights | undefined;
  const keep = options.keepWeights;
  const atStop = keep
    ? async (tables: EmbeddingTables, valLoss: number) => {
        if (keep === true || keep(valLoss)) weights = await snapshotWeights(net, tables);
      }
    : undefined;
  const result = await train(net, space.embeddingDim, options, atStop);
  const cost = archCost(arch, space, input, { layerNorm: false });
  const model: FinalModel = { name, key: archKey(arch), arch, valLoss: result.bestValLoss, test: result.test!, params: cost.params, flops: cost.flops, steps: result.steps };
  if (weights) model.weights = weights;
  return model;
}

/** A baseline to train: its name, and either an architecture of the space or the reason it cannot be one. */
export type BaselineSpec = { name: string; arch: Arch } | { name: string; kind: 'lr' | 'dcn' } | { name: string; reason: string };

/** The baselines of the issue, in table order: hashed LR, DLRM-like, DeepFM-like, DCN-like. */
export function baselineSpecs(space: SpaceConfig): BaselineSpec[] {
  const [dlrm, deepFm] = namedBaselines(space);
  return [{ name: 'Logistic regression', kind: 'lr' }, dlrm!, deepFm!, { name: 'DCN-like', kind: 'dcn' }];
}

/** Trains one baseline under the final-model recipe; a baseline the space cannot express is returned as is. */
export async function trainBaseline(spec: BaselineSpec, options: FinalTrainingOptions): Promise<FinalModel | { name: string; reason: string }> {
  if ('reason' in spec) return spec;
  if ('arch' in spec) return trainArch(spec.name, spec.arch, options);
  const input = inputShapeOf(options.data);
  const rng = options.rng.stream('init');
  const net = spec.kind === 'lr' ? createLogisticRegression(input, { rng }) : createDcn(input, options.space.embeddingDim, { rng });
  const result = await train(net, net.embeddingDim, options);
  return { name: spec.name, valLoss: result.bestValLoss, test: result.test!, params: net.cost.params, flops: net.cost.flops, steps: result.steps };
}

async function train(net: ScratchNet, embeddingDim: number, options: FinalTrainingOptions, atStop?: (tables: EmbeddingTables, valLoss: number) => Promise<void>) {
  return trainFromScratch({
    ...(atStop ? { atStop } : {}),
    data: options.data,
    net,
    embeddingDim,
    config: options.scratch,
    embeddingRng: options.rng.stream('embeddings'),
    testRows: options.data.splits.test,
    signal: options.signal,
    onEval: options.onEval,
  });
}
