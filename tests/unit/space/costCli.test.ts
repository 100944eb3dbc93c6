// `npm run cli -- cost <arch.json>`: FLOPs and params of a playground or official NasRec architecture file.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../../src/cli/args.ts';
import { costCommand } from '../../../src/cli/commands/cost.ts';
import { archToJson } from '../../../src/core/space/archJson.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/nasrec/${name}.json`, import.meta.url));

/** The real CLI in a child process (non-blocking, so the spawned cases run side by side). */
function spawnCli(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(`${root}node_modules/.bin/tsx`, ['src/cli/main.ts', 'cost', ...args], { cwd: root, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ status: err ? Number(err.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** The command in this process, with its output captured (the spawned cases check the wiring). */
async function runCost(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { status: await costCommand(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'nasrec-cost-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('cli cost (spawned)', () => {
  it('counts the released Criteo NASRec-Full model, and exits 1 on a bad file', async () => {
    const [ok, bad] = await Promise.all([
      spawnCli(fixture('criteo_xlarge'), '--json'),
      spawnCli(write('syntax.json', '{"version": 1, "blocks": [')),
    ]);
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { format: string; config: string; flops: number; params: number; deadBlocks: number[]; perBlock: unknown[]; input: object };
    expect(out).toMatchObject({ format: 'nasrec', config: 'xlarge', deadBlocks: [3, 4, 5], input: { dense: 13, sparse: 26 } });
    expect(Math.abs(out.flops / 1.466e6 - 1)).toBeLessThan(0.01);
    expect(Math.abs(out.params / 0.75e6 - 1)).toBeLessThan(0.01);
    expect(out.perBlock).toHaveLength(7);
    expect(bad).toMatchObject({ status: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^error: syntax\.json: not valid JSON/);
  });
});

describe('costCommand', () => {
  afterEach(() => vi.restoreAllMocks());
  it('prints a plain report and takes the input shape from --dense/--sparse (KDD Small: 3.48M)', async () => {
    const r = await runCost(fixture('kdd_autoctr'), '--dense', '3', '--sparse', '10');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/NasRec config "autoctr", paper scale/);
    expect(r.stdout).toMatch(/^flops +3,48\d,\d{3} \(3\.48\dM per example\)$/m);
    expect(r.stdout).toMatch(/^dead blocks none$/m);
  });
  it('reads a self-contained playground file, and one without a space given --space', async () => {
    const space = SPACE_PRESETS.tiny;
    const arch = sampleArch(space, rngFromSeed(toSeed(3)));
    const withSpace = await runCost(write('tiny.json', JSON.stringify(archToJson(arch, space))), '--json', '--layernorm');
    expect(withSpace.status).toBe(0);
    const a = JSON.parse(withSpace.stdout) as { format: string; layerNorm: boolean; flops: number; space: { preset: string } };
    expect(a).toMatchObject({ format: 'playground', layerNorm: true, space: { preset: 'tiny' } });
    const bare = await runCost(write('bare.json', JSON.stringify(archToJson(arch))), '--space', 'tiny', '--json', '--layernorm');
    expect((JSON.parse(bare.stdout) as { flops: number }).flops).toBe(a.flops);
  });
  it('exits 1 with the reason on stderr for an unknown version or a block that does not fit', async () => {
    const version = await runCost(write('v2.json', '{"version": 2, "blocks": []}'));
    expect(version).toMatchObject({ status: 1, stdout: '' });
    expect(version.stderr).toMatch(/^error: v2\.json: unsupported architecture file version 2/);
    const tinyArch = archToJson(sampleArch(SPACE_PRESETS.tiny, rngFromSeed(toSeed(4))), SPACE_PRESETS.tiny);
    const misfit = await runCost(write('misfit.json', JSON.stringify({ ...tinyArch, space: SPACE_PRESETS.full })));
    expect(misfit.status).toBe(1);
    expect(misfit.stderr).toMatch(/^error: misfit\.json: the space has 7 blocks but the architecture has 3/);
    const nasrec = await runCost(write('bad-nasrec.json', JSON.stringify({ num_blocks: 1, config: 'xlarge', use_layernorm: 0, macro: [], micro: [] })));
    expect(nasrec.stderr).toMatch(/"macro" must list 1 blocks/);
  });
  it('rejects usage errors, naming the option', async () => {
    await expect(runCost(fixture('criteo_xlarge'), '--space', 'tiny')).rejects.toThrow(/--space applies to playground files/);
    await expect(runCost(fixture('criteo_xlarge'), '--space', 'huge')).rejects.toThrow(UsageError);
    await expect(runCost(fixture('criteo_xlarge'), '--dense', '0')).rejects.toThrow(/--dense must be a whole number ≥ 1/);
    await expect(runCost()).rejects.toThrow(/exactly one architecture file/);
    await expect(runCost(join(dir, 'nope.json'))).rejects.toThrow(/ENOENT/);
  });
});
