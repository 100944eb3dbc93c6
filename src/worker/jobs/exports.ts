// Exports of trained models: the search winner as tfjs model files, PyTorch code (zipped, with the winner's weights
// when asked for it), and model files read back and measured on the loaded data.
import { zipSync, strToU8 } from 'fflate';
import type { DataEncoding } from '../../core/data/encoding.ts';
import type { Dataset, LoadResult } from '../../core/data/types.ts';
import type { FinalModel } from '../../core/search/finalModels.ts';
import type { TrainedSupernet } from './trained.ts';
import { MODEL_JSON_FILE, MODEL_WEIGHTS_FILE } from '../../core/export/modelFiles.ts';
import { generatePytorch } from '../../core/export/pytorch/index.ts';
import { restoreModel, trainedModelFiles, type TrainedModel } from '../../core/export/trainedModel.ts';
import { archKey } from '../../core/space/arch.ts';
import type { Arch, InputShape, SpaceConfig } from '../../core/space/types.ts';
import { inputShapeOf, tableRowsOf } from '../../core/train/batches.ts';
import { predictMetrics } from '../../core/train/loop.ts';
import type { ModelFilesMessage, ModelOpenedMessage } from '../protocol.ts';

/** Written into every model.json. */
export const GENERATED_BY = 'NASRec Playground 0.1.0 (TensorFlow.js 4.22)';

/** The search winner's model files. */
export function modelFilesMessage(id: number, model: TrainedModel): ModelFilesMessage {
  const { json, weights } = trainedModelFiles(model, GENERATED_BY);
  return { type: 'modelFiles', id, jsonName: MODEL_JSON_FILE, weightsName: MODEL_WEIGHTS_FILE, json: JSON.stringify(json), weights };
}

/** A file-system-safe form of an architecture's short name. */
function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'arch';
}

/**
 * The PyTorch module, training script and README for `arch` on data encoded as `encoding`, zipped; the trained
 * model's files go in too when `withWeights` is given (the winner of the last search).
 */
export function pytorchZip(options: { arch: Arch; space: SpaceConfig; name: string; encoding: DataEncoding; input: InputShape; withWeights?: TrainedModel }): {
  fileName: string;
  zip: ArrayBuffer;
  files: string[];
} {
  const { arch, space, name, encoding, input } = options;
  const generated = generatePytorch({ arch, space, input, encoding, name, key: archKey(arch) });
  const entries: Record<string, Uint8Array> = {};
  for (const f of generated) entries[f.name] = strToU8(f.text);
  if (options.withWeights) {
    const { json, weights } = trainedModelFiles(options.withWeights, GENERATED_BY);
    entries[MODEL_JSON_FILE] = strToU8(JSON.stringify(json));
    entries[MODEL_WEIGHTS_FILE] = new Uint8Array(weights);
  }
  const folder = `nasrec-${slug(name)}-pytorch`;
  const zipped = zipSync(Object.fromEntries(Object.entries(entries).map(([file, bytes]) => [`${folder}/${file}`, bytes])), { level: 6 });
  return { fileName: `${folder}.zip`, zip: zipped.buffer.slice(zipped.byteOffset, zipped.byteOffset + zipped.byteLength) as ArrayBuffer, files: Object.keys(entries) };
}

/**
 * Rebuilds the model of `json` + `weights` and measures it on the loaded test split, when its input shape and table
 * rows are the data's. @throws ModelFilesError / ArchError naming what does not fit
 */
export async function openModelFiles(id: number, json: string, weights: ArrayBuffer, dataset: Dataset | undefined): Promise<ModelOpenedMessage> {
  const model = restoreModel(json, weights);
  try {
    const params = model.net.variables.reduce((n, v) => n + v.size, 0);
    const base = { type: 'modelOpened' as const, id, arch: model.arch, space: model.space, key: archKey(model.arch), metadata: model.metadata, params };
    const fit = dataset ? misfit(model.topology.input, model.topology.tableRows, dataset) : 'no data is loaded';
    if (fit || !dataset) return { ...base, evaluation: { skipped: fit ?? 'no data is loaded' } };
    const test = await predictMetrics(dataset, model.embeddings, model.net.forward, dataset.splits.test, 1024);
    return { ...base, evaluation: { rows: dataset.splits.test.length, test } };
  } finally {
    model.net.dispose();
  }
}

/** Why a model cannot be measured on `dataset` (another input shape or other table sizes), or undefined. */
function misfit(input: { dense: number; sparse: number }, tableRows: readonly number[], dataset: Dataset): string | undefined {
  const have = inputShapeOf(dataset);
  if (have.dense !== input.dense || have.sparse !== input.sparse) {
    return `it was trained on ${input.dense} dense and ${input.sparse} categorical fields; the loaded data has ${have.dense} and ${have.sparse}`;
  }
  const rows = tableRowsOf(dataset);
  const f = rows.findIndex((n, i) => n !== tableRows[i]);
  if (f >= 0) return `its table for ${dataset.categorical[f]!.name} has ${tableRows[f]} rows; the loaded data hashes that field into ${rows[f]}`;
  return undefined;
}

/** The search winner as an exportable model (the search kept its weights), with the encoding of the data it was trained on. */
export function winnerModel(model: FinalModel, supernet: TrainedSupernet, loaded: LoadResult | undefined): TrainedModel | undefined {
  if (!model.weights || !model.arch) return undefined;
  return {
    arch: model.arch,
    space: supernet.space,
    input: inputShapeOf(supernet.dataset),
    layerNorm: false,
    weights: model.weights,
    ...(loaded ? { encoding: loaded.encoding } : {}),
    metadata: {
      name: model.name,
      ...(model.key ? { key: model.key } : {}),
      test: model.test,
      valLoss: model.valLoss,
      steps: model.steps,
      params: model.params,
      flops: model.flops,
      ...(loaded ? { trainedOn: loaded.stats.source } : {}),
      createdAt: new Date().toISOString(),
    },
  };
}
