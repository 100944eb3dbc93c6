// A trained standalone network and its embedding tables, to and from model files (modelFiles.ts).
import type { DataEncoding } from '../data/encoding.ts';
import { createStandalone } from '../model/standalone.ts';
import type { NasrecStandalone } from '../model/types.ts';
import { rngFromSeed, toSeed } from '../rng.ts';
import { archFromJson, archToJson } from '../space/archJson.ts';
import type { Arch, InputShape, SpaceConfig } from '../space/types.ts';
import { EmbeddingTables } from '../train/embeddings.ts';
import {
  EMBEDDING_PREFIX,
  MODEL_TOPOLOGY_VERSION,
  ModelFilesError,
  NET_PREFIX,
  packModelFiles,
  readModelFiles,
  type ModelFilesJson,
  type ModelMetadata,
  type ModelTopology,
  type NamedWeight,
} from './modelFiles.ts';
import * as tf from '@tensorflow/tfjs';

/** The numbers of a trained standalone model, off the device: network weights by relative name, and the tables. */
export interface TrainedWeights {
  params: NamedWeight[];
  /** [rows_f · E] per categorical field. */
  tables: Float32Array[];
}

/** A model to export: the architecture it was built from, its weights, and what it was trained on. */
export interface TrainedModel {
  arch: Arch;
  space: SpaceConfig;
  input: InputShape;
  layerNorm: boolean;
  weights: TrainedWeights;
  encoding?: DataEncoding;
  metadata: ModelMetadata;
}

/**
 * Reads a network's weights back (one read per variable; copied, as the cpu backend hands out its own buffer) and
 * takes the host tables as they are, not copied: take the snapshot when training is over (`trainFromScratch`'s
 * `atStop`), or copy the tables if it goes on.
 */
export async function snapshotWeights(net: NasrecStandalone, embeddings: EmbeddingTables): Promise<TrainedWeights> {
  const params: NamedWeight[] = [];
  for (const [name, v] of net.params) params.push({ name, shape: [...v.shape], values: ((await v.data()) as Float32Array).slice() });
  return { params, tables: [...embeddings.tables] };
}

/** model.json and its weights file for a trained model. */
export function trainedModelFiles(model: TrainedModel, generatedBy: string): { json: ModelFilesJson; weights: ArrayBuffer } {
  const { space, weights } = model;
  const tableRows = weights.tables.map((t) => t.length / space.embeddingDim);
  const topology: ModelTopology = {
    version: MODEL_TOPOLOGY_VERSION,
    arch: archToJson(model.arch, space),
    input: { ...model.input },
    layerNorm: model.layerNorm,
    embeddingDim: space.embeddingDim,
    tableRows,
    ...(model.encoding ? { encoding: model.encoding } : {}),
  };
  const named: NamedWeight[] = [
    ...weights.params.map((p) => ({ ...p, name: NET_PREFIX + p.name })),
    ...weights.tables.map((values, f) => ({ name: `${EMBEDDING_PREFIX}${f}`, shape: [tableRows[f]!, space.embeddingDim], values })),
  ];
  return packModelFiles({ topology, metadata: model.metadata, weights: named, generatedBy });
}

/** A model rebuilt from its files: the network with the stored weights, and its tables. The caller disposes `net`. */
export interface RestoredModel {
  arch: Arch;
  space: SpaceConfig;
  topology: ModelTopology;
  metadata: ModelMetadata;
  net: NasrecStandalone;
  embeddings: EmbeddingTables;
}

/**
 * Rebuilds a standalone network from model.json and its weights file, checking that every weight the architecture
 * needs is there with its shape and that nothing else is.
 * @param batchSize rows per evaluation batch (the tables' scratch space)
 * @throws ModelFilesError naming the missing, extra or misshapen weight; ArchError/SpaceError for a bad architecture
 */
export function restoreModel(json: unknown, weightsFile: ArrayBuffer, batchSize = 1024): RestoredModel {
  const files = readModelFiles(json, weightsFile);
  const { topology } = files;
  const { arch, space } = archFromJson(topology.arch);
  const rows = topology.tableRows;
  if (!Array.isArray(rows) || rows.length !== topology.input?.sparse) {
    throw new ModelFilesError('modelTopology', `tableRows must list one table per categorical field (${String(topology.input?.sparse)})`);
  }
  const tables = rows.map((n, f) => {
    const w = files.weights.get(`${EMBEDDING_PREFIX}${f}`);
    if (!w) throw new ModelFilesError(`${EMBEDDING_PREFIX}${f}`, 'is missing from the weights manifest');
    if (w.shape[0] !== n || w.shape[1] !== space.embeddingDim) throw new ModelFilesError(w.name, `has shape [${w.shape.join(', ')}], expected [${n}, ${space.embeddingDim}]`);
    return w.values;
  });
  // Initial values are overwritten; the seed only fills them meanwhile.
  const net = createStandalone(arch, space, topology.input, { rng: rngFromSeed(toSeed(1)).stream('init'), layerNorm: topology.layerNorm });
  try {
    const expected = new Set<string>();
    for (const [name, v] of net.params) {
      const w = files.weights.get(NET_PREFIX + name);
      expected.add(NET_PREFIX + name);
      if (!w) throw new ModelFilesError(NET_PREFIX + name, `is missing from the weights manifest (the architecture needs [${v.shape.join(', ')}])`);
      if (w.shape.join(',') !== v.shape.join(',')) throw new ModelFilesError(w.name, `has shape [${w.shape.join(', ')}], the architecture needs [${v.shape.join(', ')}]`);
      tf.tidy(() => v.assign(tf.tensor(w.values, v.shape)));
    }
    const extra = [...files.weights.keys()].filter((n) => n.startsWith(NET_PREFIX) && !expected.has(n));
    if (extra.length > 0) throw new ModelFilesError(extra[0]!, `is not a weight of this architecture (${extra.length} such)`);
  } catch (err) {
    net.dispose();
    throw err;
  }
  const embeddings = new EmbeddingTables(rows, space.embeddingDim, batchSize, { tables });
  return { arch, space, topology, metadata: files.metadata, net, embeddings };
}
