// The generated PyTorch code (issue #7) run by python3-torch: its forward pass and row encoder agree with ours on raw
// rows for architectures covering every op and projection skip, its loader rejects bad model files, and its
// training script runs (one process and two), reproducing our test log loss from the playground's weights.
import * as tf from '@tensorflow/tfjs';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadResult } from '../../../src/core/data/types.ts';
import { MODEL_JSON_FILE, MODEL_WEIGHTS_FILE } from '../../../src/core/export/modelFiles.ts';
import { generatePytorch, MODEL_PY, README_MD, TRAIN_PY } from '../../../src/core/export/pytorch/index.ts';
import { netPlan } from '../../../src/core/export/pytorch/netPlan.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { inputShapeOf } from '../../../src/core/train/batches.ts';
import { predictMetrics, TrainLoop } from '../../../src/core/train/loop.ts';
import {
  DRIVER,
  exportCase,
  findTorchPython,
  HAND_BUILT_SPACE,
  handBuiltArch,
  loadText,
  ourLogits,
  rawTexts,
  relDiff,
  rng,
  sharedLines,
  HAVE_SHARED_DATA,
  type CaseSpec,
  type ExportedCase,
} from './pytorchHelpers.ts';

const run = promisify(execFile);
const TOLERANCE = 1e-4;
type DataName = 'criteo' | 'avazu' | 'csv';

function sampled(preset: 'tiny' | 'small' | 'full', seed: number, layerNorm: boolean): CaseSpec {
  const space = presetSpace(preset);
  return { id: `${preset}-${seed}${layerNorm ? '-ln' : ''}`, space, arch: sampleArch(space, rng(100 + seed)), layerNorm, seed };
}

const CASES: (CaseSpec & { data: DataName })[] = [
  { id: 'hand', space: HAND_BUILT_SPACE, arch: handBuiltArch(), layerNorm: false, seed: 1, data: 'criteo' },
  { id: 'hand-ln', space: HAND_BUILT_SPACE, arch: handBuiltArch(), layerNorm: true, seed: 2, data: 'csv' },
  { ...sampled('tiny', 1, false), data: 'criteo' },
  { ...sampled('tiny', 2, false), data: 'avazu' },
  { ...sampled('tiny', 3, true), data: 'csv' },
  { ...sampled('small', 4, false), data: 'criteo' },
  { ...sampled('small', 5, true), data: 'avazu' },
  { ...sampled('full', 6, false), data: 'criteo' },
  { ...sampled('full', 7, true), data: 'avazu' },
  { ...sampled('full', 8, false), data: 'csv' },
];

interface TorchCase {
  logits: number[];
  dense: number[][];
  cat: number[][];
  labels: number[];
  bad: number;
  unusedOps: string[];
  /** Ops (`b2/fc`) with weights, and those whose weights autograd gives no gradient. */
  opsWithWeights: string[];
  noGradOps: string[];
  initProblems: string[];
}
interface DriverOutput {
  torch: string;
  cases: Record<string, TorchCase>;
  errors: Record<string, { type: string | null; message: string }>;
}

let python = '';
let work = '';
const dataFile = (name: DataName) => join(work, name === 'avazu' ? 'avazu.txt.gz' : `${name}.txt`);
const loaded = {} as Record<DataName, LoadResult>;
const exported = new Map<string, ExportedCase>();
let driver: DriverOutput;

/** Why the shared setup failed (no torch, no data): every test then fails with it, rather than being skipped. */
let setupError: unknown;
const setupDone = () => {
  if (setupError !== undefined) throw setupError;
};

beforeAll(async () => {
  try {
    await setup();
  } catch (err) {
    setupError = err;
  }
}, 60_000);

async function setup(): Promise<void> {
  await tf.setBackend('cpu');
  const found = findTorchPython();
  if ('missing' in found) throw new Error(`The PyTorch export test needs torch: ${found.missing}`);
  python = found.python;
  work = mkdtempSync(join(tmpdir(), 'nasrec-pytorch-'));
  if (!HAVE_SHARED_DATA) console.warn('../shared/data is not beside the checkout: generated Criteo, CSV and Avazu rows stand in for the real samples');
  const texts = rawTexts();
  for (const name of ['criteo', 'avazu', 'csv'] as const) {
    loaded[name] = await loadText(texts[name]);
    writeFileSync(dataFile(name), name === 'avazu' ? gzipSync(texts[name]) : texts[name]); // the generated reader opens gzip too
  }
  for (const c of CASES) exported.set(c.id, await exportCase(c, loaded[c.data], join(work, c.id)));
  // Bad model files: another architecture's model.json, a truncated weights file, a layerNorm mismatch.
  const hand = join(work, 'hand');
  const truncated = join(work, 'truncated');
  mkdirSync(truncated);
  copyFileSync(join(hand, MODEL_JSON_FILE), join(truncated, MODEL_JSON_FILE));
  const weights = readFileSync(join(hand, MODEL_WEIGHTS_FILE));
  writeFileSync(join(truncated, MODEL_WEIGHTS_FILE), weights.subarray(0, weights.length - 12));
  const manifest = {
    cases: CASES.map((c) => ({ id: c.id, dir: join(work, c.id), data: dataFile(c.data) })),
    errors: [
      { id: 'otherArch', dir: hand, modelJson: join(work, 'full-6', MODEL_JSON_FILE), layerNorm: false },
      { id: 'truncated', dir: hand, modelJson: join(truncated, MODEL_JSON_FILE), layerNorm: false },
      { id: 'layerNorm', dir: hand, modelJson: join(hand, MODEL_JSON_FILE), layerNorm: true },
    ],
  };
  writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));
  const { stdout } = await run(python, [DRIVER, join(work, 'manifest.json')], { maxBuffer: 1 << 28 });
  driver = JSON.parse(stdout) as DriverOutput;
}

afterAll(() => {
  for (const e of exported.values()) e.net.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('generatePytorch', () => {
  it('writes nasrec_model.py, train_nasrec.py and README.md naming the architecture and citing NASREC.md', () => {
    setupDone();
    const c = CASES[0]!;
    const files = generatePytorch({ arch: c.arch, space: c.space, input: inputShapeOf(loaded.criteo.dataset), encoding: loaded.criteo.encoding, name: 'hand', key: 'K1' });
    expect(files.map((f) => f.name)).toEqual([MODEL_PY, TRAIN_PY, README_MD]);
    const [model, train, readme] = files.map((f) => f.text);
    expect(model).toContain('class NASRecNet(nn.Module)');
    expect(model).toContain('# Block 4: dead.');
    expect(model).not.toMatch(/self\.b4_/);
    expect(model).toMatch(/NASREC\.md §3/);
    expect(train).toContain('DEFAULT_LR = 0.12');
    expect(readme).toContain('Architecture key: `K1`');
  });

  it('refuses an input shape that does not match the encoding', () => {
    setupDone();
    const c = CASES[0]!;
    expect(() => generatePytorch({ arch: c.arch, space: c.space, input: { dense: 13, sparse: 25 }, encoding: loaded.criteo.encoding, name: 'x', key: 'k' })).toThrow(
      /25 categorical fields, the encoding 26/,
    );
  });

  it('covers every dense and sparse op, FM, both dense→sparse kinds, every projection skip, a dead block and unused ops', () => {
    setupDone();
    const seen = new Set<string>();
    for (const c of CASES) {
      const plan = netPlan(c.arch, inputShapeOf(loaded[c.data].dataset), c.space.embeddingDim);
      for (const p of plan.blocks) {
        if (!p.live) {
          seen.add('dead');
          continue;
        }
        const k = p.block;
        seen.add(k.denseOp).add(k.sparseOp);
        if (p.unusedOps.length > 0) seen.add('unused-op');
        if (p.unusedOps.includes('fm') && p.d2sProjects) seen.add('fm-unused-behind-d2s');
        if (k.deepFm) seen.add(k.denseDim === c.space.embeddingDim ? 'fm-identity' : 'fm');
        if (k.interact) seen.add(p.d2sProjects ? 'd2s' : 'd2s-identity');
        if ((k.denseOp === 'sum' || k.denseOp === 'sg') && Math.max(p.leftDim, p.rightDim) === k.denseDim) seen.add(`${k.denseOp}-identity`);
        if (k.denseOp === 'dp') {
          if (p.denseIn === c.space.embeddingDim) seen.add('dp-no-w1');
          if (p.rowsIn === p.dpRows) seen.add('dp-no-w2');
          if (p.dpPairs === k.denseDim) seen.add('dp-no-w3');
        }
      }
    }
    const wanted = ['fc', 'sg', 'sum', 'dp', 'efc', 'attn', 'fm', 'fm-identity', 'd2s', 'd2s-identity', 'sum-identity', 'sg-identity', 'dp-no-w1', 'dp-no-w2', 'dp-no-w3', 'dead', 'unused-op', 'fm-unused-behind-d2s'];
    expect(wanted.filter((w) => !seen.has(w))).toEqual([]);
  });
});

describe('the generated PyTorch code on raw rows', () => {
  it('encodes raw Criteo, Avazu (gzip) and CSV rows to our categorical indices exactly, skipping the same bad rows', () => {
    setupDone();
    expect(loaded.csv.encoding.columns.at(-1)!.name).toBe('C26 ""é😀\\'); // the header check reads this name back
    for (const c of CASES) {
      const data = loaded[c.data].dataset;
      const got = driver.cases[c.id]!;
      expect(got.cat.length, `${c.id}: rows`).toBe(data.rows);
      const badLines = loaded[c.data].stats.badRows.count;
      expect(got.bad, `${c.id}: bad rows`).toBe(badLines);
      expect(badLines).toBeGreaterThan(0);
      for (let r = 0; r < data.rows; r++) {
        const cats = data.categorical.map((col) => col.values[r]!);
        if (got.cat[r]!.join(',') !== cats.join(',')) throw new Error(`${c.id}, row ${r}: torch indices ${got.cat[r]!.join(',')}, ours ${cats.join(',')}`);
        expect(got.labels[r]).toBe(data.labels[r]);
        data.dense.forEach((col, f) => expect(Math.abs(got.dense[r]![f]! - col.values[r]!)).toBeLessThanOrEqual(1e-6));
      }
      if (data.dense.length === 0) expect(got.dense.every((row) => row.length === 1 && row[0] === 0)).toBe(true);
    }
  });

  it.each(CASES.map((c) => [c.id, c] as const))('gives our logits for %s from the playground weights (relative difference ≤ 1e-4)', (id, c) => {
    setupDone();
    const e = exported.get(id)!;
    const ours = ourLogits(e.net, loaded[c.data].dataset, e.tables);
    const got = driver.cases[id]!;
    const diff = relDiff(ours, got.logits);
    console.info(`[pytorch export] ${id}: max relative logit difference ${diff.toExponential(2)} over ${got.logits.length} rows, max |logit| ${Math.max(...got.logits.map(Math.abs)).toPrecision(3)} (torch ${driver.torch})`);
    expect(diff).toBeLessThanOrEqual(TOLERANCE);
    // The ops the generator calls unused (DDP's find_unused_parameters) are exactly those autograd leaves without a gradient.
    const unused = netPlan(c.arch, inputShapeOf(loaded[c.data].dataset), c.space.embeddingDim).blocks.flatMap((p) => p.unusedOps.map((op) => `b${p.index}/${op}`));
    expect(got.unusedOps).toEqual(unused);
    expect(got.noGradOps).toEqual(unused.filter((op) => got.opsWithWeights.includes(op)).sort());
  });

  it('initialises a fresh NASRecNet as NASRec does: Xavier-uniform Linear, zero biases, attention LN gains 0.17, Xavier-normal tables', () => {
    setupDone();
    for (const c of CASES) expect(driver.cases[c.id]!.initProblems, c.id).toEqual([]);
  });

  it('rejects a model.json of another architecture, a truncated weights file and a LayerNorm mismatch, naming the problem', () => {
    setupDone();
    const { otherArch, truncated, layerNorm } = driver.errors;
    expect(otherArch!.type).toBe('PlaygroundWeightsError');
    expect(otherArch!.message).toMatch(/holds a different architecture: block 0 has/);
    expect(truncated!.type).toBe('PlaygroundWeightsError');
    expect(truncated!.message).toMatch(/model\.weights\.bin: the weights file has \d+ bytes, model\.json describes \d+ .*truncated/);
    expect(layerNorm!.type).toBe('PlaygroundWeightsError');
    expect(layerNorm!.message).toMatch(/layerNorm is False there; build NASRecNet\(layer_norm=False\)/);
  });
});

describe('train_nasrec.py', () => {
  interface Event {
    event: string;
    step?: number;
    loss?: number;
    lr?: number;
    logLoss?: number | null;
    rows?: number;
  }
  const events = (stdout: string): Event[] => stdout.trim().split('\n').map((l) => JSON.parse(l) as Event);
  const progress = (stdout: string) => events(stdout).filter((x) => x.event === 'progress');
  const freePort = () =>
    new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const port = (server.address() as { port: number }).port;
        server.close(() => resolve(port));
      });
    });

  it('trains on raw Criteo rows fresh, and from the playground weights as our loop does, in one process or two; scores them as predictMetrics', async () => {
    setupDone();
    const lines = sharedLines('criteo/train_examples.txt', 300);
    const text = `${lines.join('\n')}\n`;
    const data = await loadText(text);
    const spec: CaseSpec = { id: 'train', space: presetSpace('full'), arch: sampleArch(presetSpace('full'), rng(302)), layerNorm: false, seed: 9 };
    const e = await exportCase(spec, data, join(work, 'train'));
    const file = (name: string, rows: string[]) => (writeFileSync(join(e.dir, name), `${rows.join('\n')}\n`), join(e.dir, name));
    const [all, train, test] = [file('all.txt', lines), file('train.txt', lines.slice(0, 240)), file('test.txt', lines.slice(240))];
    const script = join(e.dir, TRAIN_PY);
    const init = ['--init', join(e.dir, MODEL_JSON_FILE)];
    const common = ['--device', 'cpu', '--workers', '0', '--batch', '32', '--log-interval', '1', '--train', train, '--test', test];
    const steps = 5;
    const recipe = [...common, '--steps', String(steps), '--lr', '0.01'];
    const port = await freePort();
    // One thread per process: five of them run at once beside the other test files (the learning tests need the cores).
    const oneThread = { ...process.env, OMP_NUM_THREADS: '1' };
    const ddpEnv = (rank: number) => ({ ...oneThread, MASTER_ADDR: '127.0.0.1', MASTER_PORT: String(port), WORLD_SIZE: '2', RANK: String(rank), LOCAL_RANK: String(rank) });
    const py = (args: string[], env: NodeJS.ProcessEnv = oneThread) => run(python, [script, ...args], { timeout: 40_000, env });
    const [fresh, fromInit, rank0, rank1, evalOnly] = await Promise.all([
      py(['--device', 'cpu', '--workers', '2', '--batch', '32', '--log-interval', '1', '--train', all, '--test-fraction', '0.2', '--table-rows', '1000', '--steps', '3', '--save', join(e.dir, 'fresh.pt')]),
      py([...recipe, ...init]),
      py([...recipe, ...init], ddpEnv(0)),
      py([...recipe, ...init], ddpEnv(1)),
      py(['--device', 'cpu', '--workers', '0', ...init, '--eval-only', '--test', all]),
    ]);
    for (const out of [fresh, fromInit]) {
      const ev = events(out.stdout);
      expect(ev.filter((x) => x.event === 'progress').every((x) => Number.isFinite(x.loss))).toBe(true);
      const scored = ev.find((x) => x.event === 'test')!;
      expect([scored.rows, Number.isFinite(scored.logLoss), ev.at(-1)!.event]).toEqual([60, true, 'done']);
    }
    expect(progress(fresh.stdout).map((x) => x.step)).toEqual([1, 2, 3]);
    const started = events(fresh.stdout)[0] as Event & { tableRows: number[]; trainLines: number };
    expect([started.trainLines, new Set(started.tableRows)]).toEqual([240, new Set([1000])]);
    expect(existsSync(join(e.dir, 'fresh.pt'))).toBe(true);
    expect(progress(fresh.stdout)[0]!.lr).toBe(0.16); // NASRec-Full's final-training lr (§11)
    // The playground's loop from the same weights and tables on the same rows: same losses (Adagrad, clipping, schedule).
    const all300 = Uint32Array.from({ length: data.dataset.rows }, (_, i) => i);
    const scoredByUs = await predictMetrics(data.dataset, e.tables, (d, s) => e.net.forward(d, s), all300, 256);
    const loop = new TrainLoop({
      data: data.dataset,
      embeddingDim: spec.space.embeddingDim,
      config: { steps, batchSize: 32, lr: 0.01, warmupFraction: 0.1, clipNorm: 5, evalRows: 32 },
      embeddingRng: rng(spec.seed).stream('embeddings'),
      trainRows: all300.subarray(0, 240),
    });
    const lrs: number[] = [];
    for (let k = 0; k < steps; k++) lrs.push(await loop.trainStep((d, s) => e.net.forward(d, s), e.net.variables));
    const ours = (await loop.readLosses()).map((x) => x.value);
    loop.dispose();
    const torchLosses = progress(fromInit.stdout).map((x) => x.loss!);
    console.info(`[pytorch export] train losses: torch ${torchLosses.map((x) => x.toFixed(6)).join(' ')}; ours ${ours.map((x) => x.toFixed(6)).join(' ')}`);
    expect(relDiff(ours, torchLosses)).toBeLessThanOrEqual(1e-4);
    expect(relDiff(lrs, progress(fromInit.stdout).map((x) => x.lr!))).toBeLessThanOrEqual(1e-12);
    // Two processes (Gloo): each takes half of every batch, DDP averages the gradients, so the losses are the same.
    expect(rank1.stdout.trim()).toBe(''); // only rank 0 prints
    expect(relDiff(progress(rank0.stdout).map((x) => x.loss!), torchLosses)).toBeLessThanOrEqual(1e-5);
    const scoredByTorch = events(evalOnly.stdout).find((x) => x.event === 'test')!;
    console.info(`[pytorch export] eval-only log loss: torch ${scoredByTorch.logLoss}, ours ${scoredByUs.logLoss}`);
    expect(scoredByTorch.rows).toBe(300);
    expect(scoredByUs.logLoss).toBeLessThan(5); // logits not saturated: more than a comparison of the 1e-12 clamp
    expect(Math.abs(scoredByTorch.logLoss! - scoredByUs.logLoss)).toBeLessThanOrEqual(1e-5);
    e.net.dispose();
  }, 60_000);
});
