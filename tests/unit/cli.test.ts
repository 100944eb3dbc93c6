// The headless CLI: `npm run cli -- data …` prints the same statistics the app shows.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from './data/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args: string[]) => spawnSync(`${root}node_modules/.bin/tsx`, ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
const criteo = fileURLToPath(new URL('criteo/train_examples.txt', SHARED_DATA));

describe('cli', () => {
  it('--help lists the commands', () => {
    const r = cli('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/data <file>/);
    expect(r.stdout).toMatch(/data --sample/);
  });
  it('data --sample --json prints the statistics as one JSON object', () => {
    const r = cli('data', '--sample', '--rows', '3000', '--seed', '4', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown> & { splits: Record<string, { rows: number; labelRate: number }>; fields: Record<string, unknown>[]; badRows: { count: number; examples: unknown[] } };
    expect(out.rows).toBe(3000);
    for (const key of ['labelRate', 'baseRateLogLoss', 'truth', 'outcome']) expect(out).toHaveProperty(key);
    expect(Object.keys(out.splits)).toEqual(['train', 'val', 'test']);
    expect(out.splits.train).toMatchObject({ rows: 2400 });
    expect(out.fields).toHaveLength(39);
    expect(Object.keys(out.fields[0]!)).toEqual(expect.arrayContaining(['name', 'kind', 'distinct', 'missingRate', 'buckets']));
    expect(out.badRows).toEqual({ count: 0, examples: [] });
  });
  it.skipIf(!existsSync(criteo))('data <criteo file> --json reads the real Criteo sample', () => {
    const r = cli('data', criteo, '--format', 'criteo', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; labelRate: number };
    expect(out.rows).toBe(10_000);
    expect(out.labelRate).toBeCloseTo(0.2182, 4);
  });
  it('exits non-zero with the error on stderr for a bad file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nasrec-cli-'));
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r = cli('data', empty, '--json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/empty/);
    const missing = cli('data', join(dir, 'nope.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read/);
  });
  it('exits 2 on a usage error, naming the option', () => {
    const r = cli('data', '--sample', '--rows', 'many');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--rows/);
  });
});

describe('cli train', () => {
  it('train --json trains the supernet headless and reports steps, backend, losses and throughput', () => {
    const r = cli('train', '--sample', '--rows', '3000', '--space', 'tiny', '--steps', '6', '--batch', '32', '--eval-rows', '64', '--seed', '3', '--json');
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ steps: 6, backend: 'wasm', space: 'tiny', seed: 3 });
    for (const key of ['trainLoss', 'valLoss', 'baseRateLogLoss', 'samplesPerSec']) expect(Number.isFinite(out[key])).toBe(true);
  });
  it('train refuses a run without data, naming the options', () => {
    const r = cli('train', '--space', 'tiny');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--data <file> or --sample/);
  });
});

describe('cli search and rank', () => {
  const small = ['--finetune-steps', '5', '--proxy-val-rows', '256', '--scratch-steps', '8'];
  const dir = mkdtempSync(join(tmpdir(), 'nasrec-supernet-'));

  it('train --save writes a supernet that search --supernet loads, and search --json names the winner and the baselines', () => {
    const t = cli('train', '--sample', '--rows', '3000', '--space', 'tiny', '--steps', '6', '--batch', '32', '--eval-rows', '64', '--seed', '3', '--save', dir, '--json');
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout)).toMatchObject({ saved: dir });
    for (const f of ['supernet.json', 'weights.bin', 'embeddings.bin']) expect(existsSync(join(dir, f))).toBe(true);

    const r = cli('search', '--supernet', dir, '--population', '4', '--sample-size', '2', '--children', '2', '--generations', '1', '--finalists', '1', '--batch', '32', ...small, '--json');
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      budget: number;
      winner: { key: string; arch: { blocks: unknown[] }; testLogLoss: number; auc: number; flops: number };
      baselines: { name: string; testLogLoss: number; auc: number; flops: number }[];
    };
    expect(out.budget).toBe(6);
    expect(out.winner.arch.blocks).toHaveLength(3);
    expect(typeof out.winner.key).toBe('string');
    for (const m of [out.winner, ...out.baselines]) {
      expect(m.testLogLoss).toBeGreaterThan(0);
      expect(m.auc).toBeGreaterThanOrEqual(0);
      expect(m.flops).toBeGreaterThan(0);
    }
    expect(out.baselines.map((b) => b.name)).toEqual(['Logistic regression', 'DLRM-like', 'DeepFM-like', 'DCN-like']);
  });

  it('rank --json reports k, tau and rho with intervals, the points, and with --ablation one entry per switched-off technique', () => {
    const r = cli('rank', '--supernet', dir, '--k', '4', '--resamples', '50', '--ablation', ...small, '--json');
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { k: number; kendallTau: number; kendallCI: number[]; spearmanRho: number; spearmanCI: number[]; points: { key: string; proxy: number; standalone: number }[] };
    expect(out.k).toBe(4);
    expect(out.points).toHaveLength(4);
    expect(Math.abs(out.kendallTau)).toBeLessThanOrEqual(1);
    expect(out.kendallCI).toHaveLength(2);
    expect(out.spearmanCI[0]).toBeLessThanOrEqual(out.spearmanCI[1]!);
    for (const p of out.points) expect(p.proxy > 0 && p.standalone > 0).toBe(true);
    const ablation = (out as unknown as { ablation: { name: string; kendallCI: number[]; proxy: number[] }[] }).ablation;
    expect(ablation.map((a) => a.name)).toEqual(['single-path sampling', 'any-path sampling', 'full-path sampling', 'no interaction modules', 'no fine-tuning']);
    for (const a of ablation) expect(a.proxy).toHaveLength(4);
  });

  it('search --supernet refuses a supernet directory that is not there', () => {
    const r = cli('search', '--supernet', join(dir, 'missing'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot read/);
  });
});
