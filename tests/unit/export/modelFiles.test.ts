// Trained-model export (tfjs model files): a trained standalone net round-trips through model.json + weights with
// identical predictions, the files follow tfjs's layout, and broken files are refused with errors naming the part.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import type { DataEncoding } from '../../../src/core/data/encoding.ts';
import { MODEL_FORMAT, MODEL_WEIGHTS_FILE, ModelFilesError, readModelFiles } from '../../../src/core/export/modelFiles.ts';
import { restoreModel, snapshotWeights, trainedModelFiles, type TrainedModel } from '../../../src/core/export/trainedModel.ts';
import { createStandalone } from '../../../src/core/model/standalone.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { inputShapeOf, tableRowsOf } from '../../../src/core/train/batches.ts';
import { EmbeddingTables } from '../../../src/core/train/embeddings.ts';
import { predictMetrics } from '../../../src/core/train/loop.ts';
import { trainArch } from '../../../src/core/search/finalModels.ts';
import { scratchConfig } from '../../../src/core/train/fromScratch.ts';

const space = presetSpace('tiny');
let data: Dataset;
let encoding: DataEncoding;

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 600, seed: toSeed(9) });
  const loaded = await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 64, split: { mode: 'random', seed: toSeed(9) } });
  data = loaded.dataset;
  encoding = loaded.encoding;
});

/** A model with seeded (untrained) weights and tables, for format tests. */
async function seededModel(seed = 5): Promise<{ model: TrainedModel; probabilities: Float32Array }> {
  const r = rngFromSeed(toSeed(seed));
  const arch = sampleArch(space, r.stream('arch'));
  const input = inputShapeOf(data);
  const net = createStandalone(arch, space, input, { rng: r.stream('init'), layerNorm: false });
  const tables = new EmbeddingTables(tableRowsOf(data), space.embeddingDim, 64, r.stream('embeddings'));
  const weights = await snapshotWeights(net, tables);
  const probabilities = await predictions(net.forward, tables);
  net.dispose();
  return { model: { arch, space, input, layerNorm: false, weights, encoding, metadata: { name: 'seeded' } }, probabilities };
}

/** Probabilities of the test rows, one batch. */
async function predictions(forward: Parameters<typeof predictMetrics>[2], tables: EmbeddingTables): Promise<Float32Array> {
  const rows = data.splits.test;
  const probs: number[] = [];
  const spy = (d: tf.Tensor2D, s: tf.Tensor3D) => {
    const out = forward(d, s);
    probs.push(...(tf.sigmoid(out).dataSync() as Float32Array));
    return out;
  };
  await predictMetrics(data, tables, spy, rows, 64);
  return Float32Array.from(probs);
}

describe('trainedModelFiles', () => {
  it('writes tfjs model files: format, topology with the space and encoding, one manifest group over one little-endian float32 file', async () => {
    const { model } = await seededModel();
    const { json, weights } = trainedModelFiles(model, 'test');
    expect(json.format).toBe(MODEL_FORMAT);
    expect(json.modelTopology.arch.space).toEqual(space);
    expect(json.modelTopology.encoding).toEqual(encoding);
    expect(json.modelTopology.tableRows).toEqual(tableRowsOf(data));
    expect(json.weightsManifest).toHaveLength(1);
    expect(json.weightsManifest[0]!.paths).toEqual([MODEL_WEIGHTS_FILE]);
    const specs = json.weightsManifest[0]!.weights;
    expect(specs.filter((s) => s.name.startsWith('embedding/'))).toHaveLength(data.categorical.length);
    expect(specs.every((s) => s.dtype === 'float32')).toBe(true);
    const floats = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
    expect(weights.byteLength).toBe(4 * floats);
    // The first weight's first value sits at byte 0, little-endian (what tf.io.decodeWeights reads).
    const first = model.weights.params[0]!;
    expect(new DataView(weights).getFloat32(0, true)).toBe(first.values[0]);
    // tfjs's own decoder reads the same numbers.
    const decoded = tf.io.decodeWeights(weights, specs);
    expect(Array.from(decoded[`net/${first.name}`]!.dataSync())).toEqual(Array.from(first.values));
    tf.dispose(Object.values(decoded));
  });

  it('survives JSON text and a copied buffer: the restored model predicts exactly what the original did', async () => {
    const { model, probabilities } = await seededModel(6);
    const { json, weights } = trainedModelFiles(model, 'test');
    const restored = restoreModel(JSON.stringify(json), weights.slice(0), 64);
    expect(restored.arch).toEqual(model.arch);
    expect(restored.metadata.name).toBe('seeded');
    const again = await predictions(restored.net.forward, restored.embeddings);
    expect(Array.from(again)).toEqual(Array.from(probabilities));
    restored.net.dispose();
  });

  it('exports a finalist trained from scratch with its test metrics, and the reopened model scores the same on test', async () => {
    const arch = sampleArch(space, rngFromSeed(toSeed(8)));
    const scratch = { ...scratchConfig(data.splits.train.length, { maxSteps: 12, batchSize: 32 }), evalRows: 64 };
    const model = await trainArch('finalist 1', arch, { data, space, scratch, rng: rngFromSeed(toSeed(8)), keepWeights: true });
    expect(model.weights).toBeDefined();
    const files = trainedModelFiles({ arch, space, input: inputShapeOf(data), layerNorm: false, weights: model.weights!, encoding, metadata: { name: model.name, test: model.test } }, 'test');
    const restored = restoreModel(files.json, files.weights, 32);
    const test = await predictMetrics(data, restored.embeddings, restored.net.forward, data.splits.test, 32);
    expect(test.logLoss).toBeCloseTo(model.test.logLoss, 6);
    expect(test.auc).toBeCloseTo(model.test.auc, 6);
    restored.net.dispose();
  });
});

describe('readModelFiles and restoreModel on bad files', () => {
  it('refuses another format, broken JSON and a weights file of the wrong size, naming the part', async () => {
    const { model } = await seededModel();
    const { json, weights } = trainedModelFiles(model, 'test');
    expect(() => readModelFiles({ ...json, format: 'layers-model' }, weights)).toThrow(/model\.json: format is "layers-model"/);
    expect(() => readModelFiles('{ not json', weights)).toThrow(ModelFilesError);
    expect(() => readModelFiles(json, weights.slice(0, weights.byteLength - 4))).toThrow(/weights file: has \d+ bytes; model\.json describes \d+/);
    expect(() => readModelFiles({ ...json, weightsManifest: [] }, weights)).toThrow(/one group of weights/);
  });

  it('names a missing, misshapen or foreign weight', async () => {
    const { model } = await seededModel();
    const { json, weights } = trainedModelFiles(model, 'test');
    const specs = json.weightsManifest[0]!.weights;
    const renamed = { ...json, weightsManifest: [{ ...json.weightsManifest[0]!, weights: specs.map((s, i) => (i === 0 ? { ...s, name: 'net/b9/fc/w' } : s)) }] };
    expect(() => restoreModel(renamed, weights)).toThrow(new RegExp(`${specs[0]!.name.replace(/[/]/g, '\\/')}: is missing from the weights manifest`));
    const first = specs[0]!;
    const flat = first.shape.reduce((a, b) => a * b, 1);
    const reshaped = { ...json, weightsManifest: [{ ...json.weightsManifest[0]!, weights: specs.map((s, i) => (i === 0 ? { ...s, shape: [flat] } : s)) }] };
    expect(() => restoreModel(reshaped, weights)).toThrow(/has shape \[\d+\], the architecture needs/);
  });

  it('refuses a model.json whose architecture does not fit its space', async () => {
    const { model } = await seededModel();
    const { json, weights } = trainedModelFiles(model, 'test');
    const blocks = json.modelTopology.arch.blocks.map((b, i) => (i === 0 ? { ...b, denseDim: 7 } : b));
    expect(() => restoreModel({ ...json, modelTopology: { ...json.modelTopology, arch: { ...json.modelTopology.arch, blocks } } }, weights)).toThrow(/7/);
  });
});
