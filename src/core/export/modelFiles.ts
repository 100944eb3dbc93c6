// A trained standalone model as tfjs model files: `model.json` (topology + weights manifest) and one binary of
// little-endian float32 weights in manifest order. Pure data: packing, and strict reading with errors that name the part.
import type { DataEncoding } from '../data/encoding.ts';
import type { ArchJson } from '../space/archJson.ts';
import type { InputShape } from '../space/types.ts';
import type { Metrics } from '../train/metrics.ts';

/** `format` of the playground's model.json (tfjs's own loaders build only Layers and Graph models: this is neither). */
export const MODEL_FORMAT = 'nasrec-playground/standalone';
/** Version of `modelTopology` (readers refuse others). */
export const MODEL_TOPOLOGY_VERSION = 1;
/** Default file names: tfjs's `model.json` and the weights file its manifest points at. */
export const MODEL_JSON_FILE = 'model.json';
export const MODEL_WEIGHTS_FILE = 'model.weights.bin';
/** Weight-name prefixes: network parameters by relative name (`net/b0/fc/w`), embedding tables by field index. */
export const NET_PREFIX = 'net/';
export const EMBEDDING_PREFIX = 'embedding/';

/**
 * What the weights belong to. Layout of the weights (ours, kept as trained): every Linear weight is [in, out] and
 * applied as x·W; the final layer reads the last block's dense output, then its sparse output [rows, E] flattened
 * channel-major (feature e·rows + n holds row n, channel e). Embedding table f is [rows_f, E], row 0 = missing.
 */
export interface ModelTopology {
  version: typeof MODEL_TOPOLOGY_VERSION;
  /** The architecture with its space embedded (the playground's architecture file). */
  arch: ArchJson;
  input: InputShape;
  /** LayerNorm after projections (off in NASRec's final training, NASREC.md §11). */
  layerNorm: boolean;
  embeddingDim: number;
  /** Rows of each categorical field's table, in field order. */
  tableRows: number[];
  /** How raw rows are encoded into inputs, when the model was trained on loaded data. */
  encoding?: DataEncoding;
}

/** Facts about the training, for people and tools; never needed to rebuild the model. */
export interface ModelMetadata {
  name: string;
  key?: string;
  /** Metrics on the test split of the data it was trained on. */
  test?: Metrics;
  valLoss?: number;
  steps?: number;
  params?: number;
  flops?: number;
  trainedOn?: string;
  createdAt?: string;
}

/** One weight in the manifest, as tfjs writes it. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** The model.json file (tfjs's ModelJSON fields; `modelTopology` is ours). */
export interface ModelFilesJson {
  format: typeof MODEL_FORMAT;
  generatedBy: string;
  convertedBy: null;
  modelTopology: ModelTopology;
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  userDefinedMetadata: ModelMetadata;
}

/** One named float32 array with its shape (the product of `shape` is `values.length`). */
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** A problem with model files; `part` names where (`model.json`, a weight name, the weights file). */
export class ModelFilesError extends Error {
  constructor(
    readonly part: string,
    message: string,
  ) {
    super(`${part}: ${message}`);
    this.name = 'ModelFilesError';
  }
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Packs weights into model.json + one weights file (named `weightsFile` in the manifest). */
export function packModelFiles(options: {
  topology: ModelTopology;
  metadata: ModelMetadata;
  weights: readonly NamedWeight[];
  generatedBy: string;
  weightsFile?: string;
}): { json: ModelFilesJson; weights: ArrayBuffer } {
  const total = options.weights.reduce((n, w) => n + w.values.length, 0);
  const data = new Float32Array(total);
  const specs: WeightSpec[] = [];
  let at = 0;
  for (const w of options.weights) {
    if (size(w.shape) !== w.values.length) throw new ModelFilesError(w.name, `shape [${w.shape.join(', ')}] does not hold ${w.values.length} values`);
    data.set(w.values, at);
    at += w.values.length;
    specs.push({ name: w.name, shape: [...w.shape], dtype: 'float32' });
  }
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) throw new Error('model files are little-endian; this machine is not');
  const json: ModelFilesJson = {
    format: MODEL_FORMAT,
    generatedBy: options.generatedBy,
    convertedBy: null,
    modelTopology: options.topology,
    weightsManifest: [{ paths: [options.weightsFile ?? MODEL_WEIGHTS_FILE], weights: specs }],
    userDefinedMetadata: options.metadata,
  };
  return { json, weights: data.buffer };
}

/**
 * Reads model.json (text or parsed) and its weights file (the manifest's single path).
 * @returns the topology, metadata and every weight by name (views into a copy of `weights`)
 * @throws ModelFilesError on another format, a missing field, an unsupported dtype or a weights file of the wrong size
 */
export function readModelFiles(json: unknown, weights: ArrayBuffer): { topology: ModelTopology; metadata: ModelMetadata; weights: Map<string, NamedWeight> } {
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json) as unknown;
    } catch (err) {
      throw new ModelFilesError(MODEL_JSON_FILE, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  const o = value as Partial<ModelFilesJson> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new ModelFilesError(MODEL_JSON_FILE, 'must be a JSON object');
  if (o.format !== MODEL_FORMAT) {
    throw new ModelFilesError(MODEL_JSON_FILE, `format is ${JSON.stringify(o.format)}, not "${MODEL_FORMAT}": this is not a model the playground exported`);
  }
  const topology = o.modelTopology;
  if (typeof topology !== 'object' || topology === null) throw new ModelFilesError(MODEL_JSON_FILE, 'has no modelTopology');
  if (topology.version !== MODEL_TOPOLOGY_VERSION) throw new ModelFilesError('modelTopology', `unsupported version ${JSON.stringify(topology.version)}`);
  const groups = o.weightsManifest;
  if (!Array.isArray(groups) || groups.length !== 1 || !Array.isArray(groups[0]?.weights)) {
    throw new ModelFilesError(MODEL_JSON_FILE, 'weightsManifest must hold one group of weights');
  }
  const specs = groups[0].weights;
  for (const s of specs) {
    if (typeof s !== 'object' || s === null || typeof s.name !== 'string') throw new ModelFilesError(MODEL_JSON_FILE, 'a weights manifest entry has no name');
    if (!Array.isArray(s.shape) || !s.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new ModelFilesError(s.name, 'has no valid shape');
    if (s.dtype !== 'float32') throw new ModelFilesError(s.name, `dtype ${JSON.stringify(s.dtype)} is not supported (float32 only)`);
  }
  const expected = specs.reduce((n, s) => n + 4 * size(s.shape), 0);
  if (weights.byteLength !== expected) {
    throw new ModelFilesError('weights file', `has ${weights.byteLength} bytes; model.json describes ${expected} (${specs.length} float32 weights). Choose the weights file exported with this model.json.`);
  }
  const floats = new Float32Array(weights.slice(0));
  const out = new Map<string, NamedWeight>();
  let at = 0;
  for (const s of specs) {
    if (out.has(s.name)) throw new ModelFilesError(s.name, 'appears twice in the manifest');
    const n = size(s.shape);
    out.set(s.name, { name: s.name, shape: [...s.shape], values: floats.subarray(at, at + n) });
    at += n;
  }
  return { topology, metadata: o.userDefinedMetadata ?? { name: 'model' }, weights: out };
}
