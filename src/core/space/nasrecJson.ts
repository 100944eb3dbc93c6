// Import/export of the official NasRec config JSON (`nasrec/configs/<ds>/*_best_1shot.json`, NASREC.md §4).
import { makeArch } from './arch.ts';
import { parseJsonText } from './archJson.ts';
import { ArchError } from './errors.ts';
import { paperScale } from './presets.ts';
import type { Arch, ArchBlock, DenseOp, SpaceConfig, SparseOp } from './types.ts';

/** The official search-space names (`--config`): xlarge = NASRec-Full, autoctr = NASRec-Small. */
export type NasrecConfigName = 'xlarge' | 'autoctr';

/**
 * Node indices of `active_nodes` per config (`ops_config_lib` in nasrec/supernet/supernet.py):
 * xlarge 0 linear-2d, 1 dot-product, 2 sigmoid-gating, 3 sum, 4 transformer, 5 linear-3d; autoctr 0 linear-2d,
 * 1 dot-product, 2 linear-3d.
 */
export const NASREC_NODES: Readonly<Record<NasrecConfigName, readonly (DenseOp | SparseOp)[]>> = {
  xlarge: ['fc', 'dp', 'sg', 'sum', 'attn', 'efc'],
  autoctr: ['fc', 'dp', 'efc'],
};
const DENSE: readonly string[] = ['fc', 'sg', 'sum', 'dp'];

/** Connections of one block: input indices (0 = raw input, j = block j−1); left/right hold exactly one each. */
export interface NasrecMacro {
  dense_idx: number[];
  sparse_idx: number[];
  dense_left_idx: number[];
  dense_right_idx: number[];
}
/** Operators of one block: `active_nodes` = [dense node, sparse node] (NASREC_NODES); dims are output widths. */
export interface NasrecMicro {
  active_nodes: number[];
  dense_in_dims: number;
  sparse_in_dims: number;
  dense_sparse_interact: 0 | 1;
  deep_fm: 0 | 1;
}
/** The official config file. `use_layernorm` is ignored by the final training (§11); `test_loss` is the proxy loss. */
export interface NasrecConfigJson {
  num_blocks: number;
  config: NasrecConfigName;
  use_layernorm: 0 | 1;
  test_loss?: number;
  macro: NasrecMacro[];
  micro: NasrecMicro[];
}

/** An imported official config: the architecture, the space it was validated against, and the file's metadata. */
export interface NasrecImport {
  arch: Arch;
  space: SpaceConfig;
  config: NasrecConfigName;
  layerNorm: boolean;
  testLoss?: number;
}

const TOP = ['num_blocks', 'config', 'use_layernorm', 'test_loss', 'macro', 'micro'];
const MACRO = ['dense_idx', 'sparse_idx', 'dense_left_idx', 'dense_right_idx'];
const MICRO = ['active_nodes', 'dense_in_dims', 'sparse_in_dims', 'dense_sparse_interact', 'deep_fm'];

/** True when a parsed JSON value looks like an official NasRec config (has `num_blocks`, `macro` or `micro`). */
export function isNasrecJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && ('num_blocks' in value || 'macro' in value || 'micro' in value);
}

function record(value: unknown, field: string, allowed: readonly string[], block: number | null): Record<string, unknown> {
  const named = (key: string) => (block === null ? `"${key}" ` : ''); // whole-file errors carry no "block i, field:" prefix
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArchError(field, `${named(field)}must be an object`, block);
  for (const key of Object.keys(value)) if (!allowed.includes(key)) throw new ArchError(key, `unknown field "${key}"`, block);
  for (const key of allowed) if (key !== 'test_loss' && !(key in value)) throw new ArchError(key, `${named(key)}is missing`, block);
  return value as Record<string, unknown>;
}

function bit(value: unknown, field: string, block: number): boolean {
  if (value === 0 || value === 1 || typeof value === 'boolean') return value === 1 || value === true;
  throw new ArchError(field, `must be 0 or 1, got ${JSON.stringify(value)}`, block);
}

function one(value: unknown, field: string, block: number): unknown {
  if (!Array.isArray(value) || value.length !== 1) throw new ArchError(field, 'must list exactly one input', block);
  return value[0];
}

function blockOf(macroRaw: unknown, microRaw: unknown, i: number, nodes: readonly (DenseOp | SparseOp)[]): ArchBlock {
  const macro = record(macroRaw, 'macro', MACRO, i);
  const micro = record(microRaw, 'micro', MICRO, i);
  const active = micro.active_nodes;
  if (!Array.isArray(active) || active.length !== 2) throw new ArchError('active_nodes', 'must name exactly one dense and one sparse node', i);
  const ops = active.map((n) => {
    const op = typeof n === 'number' ? nodes[n] : undefined;
    if (op === undefined) throw new ArchError('active_nodes', `node ${JSON.stringify(n)} does not exist (0..${nodes.length - 1})`, i);
    return op;
  });
  const denseOp = ops.find((op) => DENSE.includes(op));
  const sparseOp = ops.find((op) => !DENSE.includes(op));
  if (!denseOp || !sparseOp) throw new ArchError('active_nodes', 'must name exactly one dense and one sparse node', i);
  return {
    denseIdx: macro.dense_idx as number[],
    sparseIdx: macro.sparse_idx as number[],
    left: one(macro.dense_left_idx, 'dense_left_idx', i) as number,
    right: one(macro.dense_right_idx, 'dense_right_idx', i) as number,
    denseOp: denseOp as DenseOp,
    sparseOp: sparseOp as SparseOp,
    denseDim: micro.dense_in_dims as number,
    sparseDim: micro.sparse_in_dims as number,
    interact: bit(micro.dense_sparse_interact, 'dense_sparse_interact', i),
    deepFm: bit(micro.deep_fm, 'deep_fm', i),
  };
}

/**
 * Reads an official NasRec config (object or JSON text). Without `space`, the paper-scale preset of its
 * `config` is used (xlarge → NASRec-Full, autoctr → NASRec-Small) with `num_blocks` blocks.
 * @throws ArchError naming the block and the official field
 */
export function archFromNasrecJson(json: unknown, space?: SpaceConfig): NasrecImport {
  const value = typeof json === 'string' ? parseJsonText(json) : json;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArchError('json', 'a NasRec config must be a JSON object');
  const o = record(value, 'json', TOP, null);
  if (o.config !== 'xlarge' && o.config !== 'autoctr') {
    throw new ArchError('config', `config must be "xlarge" or "autoctr", got ${JSON.stringify(o.config)}`);
  }
  const config = o.config;
  const n = o.num_blocks;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new ArchError('num_blocks', `num_blocks must be a whole number ≥ 1, got ${JSON.stringify(n)}`);
  if (!Array.isArray(o.macro) || o.macro.length !== n) throw new ArchError('macro', `"macro" must list ${n} blocks (num_blocks is ${n})`);
  if (!Array.isArray(o.micro) || o.micro.length !== n) throw new ArchError('micro', `"micro" must list ${n} blocks (num_blocks is ${n})`);
  const resolved = space ?? { ...paperScale(config === 'xlarge' ? 'full' : 'small'), blocks: n };
  const macros = o.macro as unknown[];
  const micros = o.micro as unknown[];
  const blocks = macros.map((m, i) => blockOf(m, micros[i], i, NASREC_NODES[config]));
  const testLoss = typeof o.test_loss === 'number' ? o.test_loss : undefined;
  return {
    arch: makeArch(blocks, resolved),
    space: resolved,
    config,
    layerNorm: o.use_layernorm === undefined ? true : bit(o.use_layernorm, 'use_layernorm', 0),
    ...(testLoss !== undefined ? { testLoss } : {}),
  };
}

/** The official config whose node table covers a space: autoctr when it has only FC, DP and EFC, else xlarge. */
export function nasrecConfigFor(space: SpaceConfig): NasrecConfigName {
  const ops: readonly string[] = [...space.denseOps, ...space.sparseOps];
  return ops.every((op) => (NASREC_NODES.autoctr as readonly string[]).includes(op)) ? 'autoctr' : 'xlarge';
}

/** Writes an architecture as an official NasRec config (index lists ascending, `active_nodes` sorted as the code does). */
export function archToNasrecJson(arch: Arch, space: SpaceConfig, options: { layerNorm?: boolean; testLoss?: number } = {}): NasrecConfigJson {
  const config = nasrecConfigFor(space);
  const node = (op: DenseOp | SparseOp) => NASREC_NODES[config].indexOf(op);
  return {
    num_blocks: arch.blocks.length,
    config,
    use_layernorm: options.layerNorm === false ? 0 : 1,
    ...(options.testLoss !== undefined ? { test_loss: options.testLoss } : {}),
    macro: arch.blocks.map((b) => ({
      dense_idx: [...b.denseIdx],
      sparse_idx: [...b.sparseIdx],
      dense_left_idx: [b.left],
      dense_right_idx: [b.right],
    })),
    micro: arch.blocks.map((b) => ({
      active_nodes: [node(b.denseOp), node(b.sparseOp)].sort((a, c) => a - c),
      dense_in_dims: b.denseDim,
      sparse_in_dims: b.sparseDim,
      dense_sparse_interact: b.interact ? 1 : 0,
      deep_fm: b.deepFm ? 1 : 0,
    })),
  };
}
