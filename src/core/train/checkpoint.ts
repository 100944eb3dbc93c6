// A trained supernet as plain data: its space, input, weights by name and embedding tables (save, load, verify).
import * as tf from '@tensorflow/tfjs';
import type { NasrecSupernet } from '../model/types.ts';
import type { InputShape, SpaceConfig } from '../space/types.ts';
import type { EmbeddingTables } from './embeddings.ts';

export const CHECKPOINT_VERSION = 1;

/** Everything but the numbers: what the weights belong to. `extra` carries the host's own notes (data source, config). */
export interface CheckpointMeta {
  version: typeof CHECKPOINT_VERSION;
  space: SpaceConfig;
  input: InputShape;
  /** Rows of each categorical field's table, in field order: the data the checkpoint can be used with. */
  tableRows: number[];
  steps: number;
  /** Each network weight: relative name, shape, offset into `weights` (in floats). */
  weights: { name: string; shape: number[]; offset: number }[];
  extra?: Record<string, unknown>;
}

export interface Checkpoint {
  meta: CheckpointMeta;
  /** Every network weight, concatenated in `meta.weights` order. */
  weights: Float32Array;
  /** Every embedding table, concatenated in field order ([rows_f, E] each). */
  embeddings: Float32Array;
}

/** Reads the supernet's weights and tables into a checkpoint (one read-back per weight). */
export async function saveCheckpoint(net: NasrecSupernet, embeddings: EmbeddingTables, steps: number, extra?: Record<string, unknown>): Promise<Checkpoint> {
  const entries = [...net.params.entries()];
  const total = entries.reduce((s, [, v]) => s + v.size, 0);
  const weights = new Float32Array(total);
  const manifest: CheckpointMeta['weights'] = [];
  let offset = 0;
  for (const [name, v] of entries) {
    weights.set((await v.data()) as Float32Array, offset);
    manifest.push({ name, shape: [...v.shape], offset });
    offset += v.size;
  }
  const embeddingTotal = embeddings.tables.reduce((s, t) => s + t.length, 0);
  const flat = new Float32Array(embeddingTotal);
  let at = 0;
  for (const t of embeddings.tables) {
    flat.set(t, at);
    at += t.length;
  }
  const meta: CheckpointMeta = { version: CHECKPOINT_VERSION, space: net.space, input: net.input, tableRows: [...embeddings.rows], steps, weights: manifest };
  if (extra) meta.extra = extra;
  return { meta, weights, embeddings: flat };
}

/** Why a checkpoint cannot be loaded into this supernet and these tables, or null when it can. */
export function checkpointMismatch(meta: CheckpointMeta, net: NasrecSupernet, embeddings: EmbeddingTables): string | null {
  if (meta.version !== CHECKPOINT_VERSION) return `checkpoint version ${String(meta.version)} is not ${CHECKPOINT_VERSION}`;
  if (JSON.stringify(meta.input) !== JSON.stringify(net.input))
    return `the checkpoint was trained on ${meta.input.dense} dense and ${meta.input.sparse} categorical fields; this data has ${net.input.dense} and ${net.input.sparse}`;
  if (meta.tableRows.length !== embeddings.rows.length || meta.tableRows.some((r, i) => r !== embeddings.rows[i]))
    return 'the checkpoint’s embedding tables do not match this data’s buckets (load the same data with the same bucket cap)';
  if (meta.space.embeddingDim !== embeddings.dim) return `embedding dimension ${meta.space.embeddingDim} ≠ ${embeddings.dim}`;
  for (const w of meta.weights) {
    const v = net.params.get(w.name);
    if (!v) return `the supernet has no weight named ${w.name} (different space?)`;
    if (v.shape.join('×') !== w.shape.join('×')) return `weight ${w.name} is ${w.shape.join('×')} in the checkpoint, ${v.shape.join('×')} here`;
  }
  if (meta.weights.length !== net.params.size) return `the checkpoint has ${meta.weights.length} weights, the supernet ${net.params.size}`;
  return null;
}

/** Writes a checkpoint's numbers into a supernet of the same space and tables of the same data; throws if they differ. */
export function loadCheckpoint(checkpoint: Checkpoint, net: NasrecSupernet, embeddings: EmbeddingTables): void {
  const why = checkpointMismatch(checkpoint.meta, net, embeddings);
  if (why) throw new RangeError(why);
  for (const w of checkpoint.meta.weights) {
    const v = net.params.get(w.name)!;
    const value = tf.tensor(checkpoint.weights.subarray(w.offset, w.offset + v.size), w.shape);
    v.assign(value);
    value.dispose();
  }
  let at = 0;
  embeddings.tables.forEach((t) => {
    t.set(checkpoint.embeddings.subarray(at, at + t.length));
    at += t.length;
  });
}
