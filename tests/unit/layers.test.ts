// The layer boundary is enforced by tools that `npm test` runs: a deliberate violation must fail them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = 'tests/fixtures/layers';
const bin = (name: string) => `${root}node_modules/.bin/${name}`;
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });

describe('layer boundaries', () => {
  it('dependency-cruiser fails when src/core imports the UI or a Node built-in', () => {
    const result = run(bin('depcruise'), [`${fixture}/src`, '--config', '.dependency-cruiser.cjs']);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/core-is-pure/);
    expect(result.stdout).toMatch(/core-no-node-builtins/);
  });
  it('the core realm type check fails when src/core touches the DOM', () => {
    const result = run(bin('tsc'), ['-p', `${fixture}/tsconfig.core.json`]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/Cannot find name 'document'/);
  });
  it('the real source tree passes the same rules', () => {
    const result = run(bin('depcruise'), ['src', '--config', '.dependency-cruiser.cjs']);
    expect(result.stdout + result.stderr).toMatch(/no dependency violations found/);
    expect(result.status).toBe(0);
  });
});
