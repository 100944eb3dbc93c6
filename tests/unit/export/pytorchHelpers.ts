// Test helpers of the PyTorch export: the Python with torch, raw rows from ../shared/data (crafted edge rows added),
// and one exported case: a seeded, perturbed standalone net in model files, the generated code and our logits.
import * as tf from '@tensorflow/tfjs';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTorchPython } from '../../torchPython.ts';
import { bytesSource } from '../../../src/core/data/byteSource.ts';
import { loadDataset } from '../../../src/core/data/loader.ts';
import type { Dataset, LoadResult } from '../../../src/core/data/types.ts';
import { MODEL_JSON_FILE, MODEL_WEIGHTS_FILE } from '../../../src/core/export/modelFiles.ts';
import { generatePytorch } from '../../../src/core/export/pytorch/index.ts';
import { snapshotWeights, trainedModelFiles } from '../../../src/core/export/trainedModel.ts';
import { createStandalone } from '../../../src/core/model/standalone.ts';
import type { NasrecStandalone } from '../../../src/core/model/types.ts';
import { rngFromSeed, toSeed, type Rng } from '../../../src/core/rng.ts';
import { archKey, makeArch } from '../../../src/core/space/arch.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import type { Arch, ArchBlock, SpaceConfig } from '../../../src/core/space/types.ts';
import { emptyBatch, fillBatch, inputShapeOf, tableRowsOf } from '../../../src/core/train/batches.ts';
import { EmbeddingTables } from '../../../src/core/train/embeddings.ts';
import { archBlock } from '../archBlock.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';

/** The driver that imports generated code (beside this file). */
export const DRIVER = fileURLToPath(new URL('./run_generated.py', import.meta.url));
/** The real samples beside the checkout (`NASREC_SHARED_DATA` points elsewhere, e.g. to try the stand-ins). */
const SHARED_DATA = process.env.NASREC_SHARED_DATA ?? fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export { findTorchPython };

type SharedFile = 'criteo/train_examples.txt' | 'avazu/avazu_sample.txt' | 'criteo/criteo_sample.txt';

/**
 * The first `lines` lines of a real sample under ../shared/data (all when `lines` is absent). Where that folder is
 * not beside the checkout, rows of the same format are generated instead (`generatedLines`), so the test still runs.
 */
export function sharedLines(rel: SharedFile, lines?: number): string[] {
  const path = join(SHARED_DATA, rel);
  const all = existsSync(path) ? readFileSync(path, 'utf8').replace(/\n$/, '').split('\n') : generatedLines(rel);
  return lines === undefined ? all : all.slice(0, lines);
}

/** Whether the real samples are there (the test says which rows it used). */
export const HAVE_SHARED_DATA = existsSync(SHARED_DATA);

/**
 * Stand-ins for the real samples: the built-in generator's Criteo TSV (hex ids, missing cells), its first rows
 * rewritten as a header CSV with float-written counts, and seeded Avazu rows with their `hour` column.
 */
function generatedLines(rel: SharedFile): string[] {
  const text = new TextDecoder().decode(Uint8Array.from([...createCriteoSample({ rows: 300, seed: toSeed(5) }).chunks()].flatMap((c) => [...c])));
  const tsv = text.replace(/\n$/, '').split('\n');
  if (rel === 'criteo/train_examples.txt') return tsv;
  if (rel === 'criteo/criteo_sample.txt') {
    const header = ['label', ...Array.from({ length: 13 }, (_, i) => `I${i + 1}`), ...Array.from({ length: 26 }, (_, i) => `C${i + 1}`)].join(',');
    return [header, ...tsv.slice(0, 200).map((l) => l.split('\t').map((c, i) => (i >= 1 && i <= 13 && c !== '' ? `${c}.0` : c)).join(','))];
  }
  const r = rng(6);
  const pick = (n: number) => Math.floor(r.next() * n);
  const hex = () => (pick(2 ** 31) >>> 0).toString(16).padStart(8, '0');
  const header = 'id,click,hour,C1,banner_pos,site_id,site_domain,site_category,app_id,app_domain,app_category,device_id,device_ip,device_model,device_type,device_conn_type,C14,C15,C16,C17,C18,C19,C20,C21';
  const row = (k: number) =>
    [String(1e18 + k * 7919), String(pick(5) === 0 ? 1 : 0), `141021${String(pick(24)).padStart(2, '0')}`, String(1005 + pick(3)), String(pick(2))]
      .concat(Array.from({ length: 6 }, () => (pick(4) === 0 ? 'ecad2386' : hex())), [hex(), hex(), hex()], [String(1 + pick(4)), String(pick(3))], Array.from({ length: 8 }, () => String(pick(2000))))
      .join(',');
  return [header, ...Array.from({ length: 100 }, (_, k) => row(k))];
}

const cellsOf = (line: string, delim: string) => line.split(delim);
const withCells = (line: string, delim: string, set: Record<number, string>) =>
  cellsOf(line, delim)
    .map((c, i) => set[i] ?? c)
    .join(delim);

/**
 * Raw text of the three formats: Criteo TSV (train_examples.txt, hex ids, missing cells), Avazu (`hour`) and the
 * header-CSV form of Criteo; each with crafted rows appended: quoted cells, odd numbers, CRLF, blank and bad lines.
 */
export function rawTexts(): Record<'criteo' | 'avazu' | 'csv', string> {
  const criteo = sharedLines('criteo/train_examples.txt', 200);
  const c0 = criteo[0]!;
  const criteoExtra = [
    withCells(c0, '\t', { 0: '1', 1: '+7', 2: '1.5e2', 3: '-3', 4: ' 4 ', 14: 'ZZ12', 15: 'A1B2C3D4', 16: '123456789' }),
    withCells(c0, '\t', { 0: '1.0', 5: '"12"', 17: '"a\tb"', 18: '"x""y"', 19: '""' }) + '\r',
    '',
    cellsOf(c0, '\t').slice(0, 39).join('\t'), // bad: 39 columns
    withCells(c0, '\t', { 0: '2' }), // bad label
    withCells(c0, '\t', { 1: 'abc' }), // bad number
    withCells(c0, '\t', { 2: '1e400' }), // bad: not finite
    withCells(c0, '\t', { 20: '"abc' }), // bad: unclosed quote
  ];
  const avazu = sharedLines('avazu/avazu_sample.txt');
  const a1 = avazu[1]!;
  const avazuExtra = [
    withCells(a1, ',', { 2: ' 14102223' }),
    withCells(a1, ',', { 2: '14102605' }), // a Sunday: weekday 0
    withCells(a1, ',', { 2: '14103200' }), // bad: day 32
    withCells(a1, ',', { 2: '14022900' }), // bad: 29 Feb 2014
    withCells(a1, ',', { 5: '"x,y"', 6: 'café', 7: '' }),
  ];
  const csv = sharedLines('criteo/criteo_sample.txt');
  csv[0] = csv[0]!.replace(/,C26$/, ',"C26 ""é😀\\"'); // a column name with a quote, a backslash and non-ASCII
  const s1 = csv[1]!;
  const csvExtra = [
    withCells(s1, ',', { 0: '1', 1: '"5"', 14: '"x,y"', 15: '""', 16: 'naïve 😀' }) + '\r',
    cellsOf(s1, ',').slice(0, 30).join(','), // bad: 31 columns
    withCells(s1, ',', { 0: '2' }), // bad label
  ];
  const join = (lines: string[]) => `${lines.join('\n')}\n`;
  return { criteo: join([...criteo, ...criteoExtra]), avazu: join([...avazu, ...avazuExtra]), csv: join([...csv, ...csvExtra]) };
}

/** Loads text through the playground's streaming loader (file order; the split does not matter here). */
export function loadText(text: string): Promise<LoadResult> {
  return loadDataset(bytesSource('test rows', new TextEncoder().encode(text), 4096), { split: { mode: 'fileOrder', seed: toSeed(1) } });
}

export const rng = (seed: number): Rng => rngFromSeed(toSeed(seed));

/**
 * Makes every weight distinct, so a mix-up of two weights changes the logits: vectors (zero biases, unit gains) get
 * N(0, 0.1²) added, matrices are scaled entry-wise by 1 + N(0, 0.1²) (keeping Xavier's scale).
 */
function perturb(net: NasrecStandalone, r: Rng): void {
  for (const v of net.variables) {
    const noise = tf.tensor(Float32Array.from({ length: v.size }, () => 0.1 * r.normal()), v.shape);
    tf.tidy(() => v.assign(v.rank === 1 ? tf.add(v, noise) : tf.mul(v, tf.add(1, noise))));
    noise.dispose();
  }
}

/** Raw logits [rows] of every row of `data`, in row order. */
export function ourLogits(net: NasrecStandalone, data: Dataset, tables: EmbeddingTables): Float32Array {
  const rows = Uint32Array.from({ length: data.rows }, (_, i) => i);
  const batch = fillBatch(data, rows, emptyBatch(data, rows.length));
  const input = inputShapeOf(data);
  const gathered = new Float32Array(rows.length * input.sparse * tables.dim);
  tables.gather(batch.indices, rows.length, gathered);
  return tf.tidy(() => {
    const logits = net.forward(tf.tensor2d(batch.dense, [rows.length, input.dense]), tf.tensor3d(gathered, [rows.length, input.sparse, tables.dim]));
    return logits.dataSync() as Float32Array;
  });
}

/** A space with d = 36 (P = 8, 36 pairs: DP without w3) beside NASRec-Full's ops. */
export const HAND_BUILT_SPACE: SpaceConfig = { ...presetSpace('full'), preset: 'custom', denseDims: [16, 32, 36, 64, 128] };

/**
 * A hand-built architecture (for 13 dense and 26 categorical fields) in which every projection skip of §13.5 occurs,
 * with a dead block (b4) and both kinds of dense→sparse module.
 */
export function handBuiltArch(): Arch {
  const b = archBlock;
  const blocks: ArchBlock[] = [
    b({ denseDim: 16, sparseDim: 8, deepFm: true }), // FC; FM without projection (d = E)
    b({ denseOp: 'dp', denseIdx: [1], sparseIdx: [1], denseDim: 32, sparseOp: 'attn', sparseDim: 16, interact: true, deepFm: true }), // DP: no w1 (16 = E), no w2 (8 rows = P), w3
    b({ denseOp: 'sum', left: 2, right: 1, denseDim: 32, sparseIdx: [0, 2], sparseDim: 24 }), // Sum: m = d, no projection
    b({ denseOp: 'sg', left: 1, right: 3, denseDim: 32, sparseOp: 'attn', sparseIdx: [1, 3], interact: true }), // SG: m = d
    b({ denseDim: 64, interact: true, deepFm: true }), // dead: nothing reads stream 5 through a used input
    b({ denseOp: 'dp', denseIdx: [0], sparseIdx: [2, 4], left: 5, right: 5, denseDim: 36, sparseDim: 16 }), // DP: w1, w2, no w3 (36 pairs)
    b({ denseIdx: [3, 4, 6], sparseIdx: [3, 6], left: 5, right: 5, denseDim: 128, sparseDim: 16, interact: true, deepFm: true }), // d2s identity (128 = 8E), post-FM
  ];
  return makeArch(blocks, HAND_BUILT_SPACE);
}

export interface CaseSpec {
  id: string;
  space: SpaceConfig;
  arch: Arch;
  layerNorm: boolean;
  seed: number;
}

export interface ExportedCase {
  dir: string;
  net: NasrecStandalone;
  tables: EmbeddingTables;
  files: string[];
}

/** Writes model.json + weights of a seeded, perturbed net for `loaded`, and the generated code, into `dir`. */
export async function exportCase(spec: CaseSpec, loaded: LoadResult, dir: string): Promise<ExportedCase> {
  const { dataset: data, encoding } = loaded;
  const input = inputShapeOf(data);
  const net = createStandalone(spec.arch, spec.space, input, { rng: rng(spec.seed).stream('init'), layerNorm: spec.layerNorm });
  perturb(net, rng(spec.seed).stream('perturb'));
  const tables = new EmbeddingTables(tableRowsOf(data), spec.space.embeddingDim, 256, rng(spec.seed).stream('embeddings'));
  const weights = await snapshotWeights(net, tables);
  const { json, weights: bin } = trainedModelFiles(
    { arch: spec.arch, space: spec.space, input, layerNorm: spec.layerNorm, weights, encoding, metadata: { name: spec.id } },
    'pytorch export test',
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MODEL_JSON_FILE), JSON.stringify(json));
  writeFileSync(join(dir, MODEL_WEIGHTS_FILE), new Uint8Array(bin));
  const generated = generatePytorch({ arch: spec.arch, space: spec.space, input, encoding, name: spec.id, key: archKey(spec.arch) });
  for (const f of generated) writeFileSync(join(dir, f.name), f.text);
  return { dir, net, tables, files: generated.map((f) => f.name) };
}

/** max |ours − torch| / max(max |torch|, 1e-6) (bench/reference/nasrec_ref.py's relative difference). */
export function relDiff(ours: ArrayLike<number>, torch: ArrayLike<number>): number {
  if (ours.length !== torch.length) throw new Error(`lengths differ: ours ${ours.length}, torch ${torch.length}`);
  let diff = 0;
  let scale = 1e-6;
  for (let i = 0; i < torch.length; i++) {
    diff = Math.max(diff, Math.abs(ours[i]! - torch[i]!));
    scale = Math.max(scale, Math.abs(torch[i]!));
  }
  return diff / scale;
}
