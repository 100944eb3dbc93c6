// Browser tests of the Data panel: the built-in sample, a real Criteo file, and recovery from a bad file.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { test } from './fixture.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const criteoFile = path.resolve(repoRoot, '../shared/data/criteo/train_examples.txt');

/** A few valid Criteo TSV lines: label, 13 integers, 26 hex categories (some cells empty). */
function smallCriteoTsv(rows: number): string {
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    const dense = Array.from({ length: 13 }, (_, i) => ((r + i) % 7 === 0 ? '' : String((r * 3 + i) % 50)));
    const cats = Array.from({ length: 26 }, (_, i) => ((r + i) % 11 === 0 ? '' : ((r * 2654435761 + i * 40503) >>> 0).toString(16).padStart(8, '0')));
    lines.push([r % 4 === 0 ? '1' : '0', ...dense, ...cats].join('\t'));
  }
  return `${lines.join('\n')}\n`;
}

describe('Data panel', () => {
  let tmp: string;

  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'nasrec-e2e-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test('loads the built-in sample with its statistics, ground truth and distinct-count chart, then a real Criteo file', async ({ app }) => {
    await app.open();
    expect(await app.backendBadge()).not.toContain('Detecting');

    await app.loadSample({ rows: 20_000, seed: 1 });
    expect(await app.errorText()).toBeNull();
    expect(await app.rowCount()).toBe(20_000);
    expect(await app.labelRateText()).toMatch(/^\d+(\.\d)? %$/);
    await expect(app.page.getByTestId('ground-truth').innerText()).resolves.toContain('×');
    expect(await app.distinctBarCount()).toBe(39);
    expect(await app.page.getByTestId('bad-rows').innerText()).toContain('None');
    expect(await app.page.getByTestId('preview').locator('tr.preview-encoded').count()).toBeGreaterThan(0);

    if (!existsSync(criteoFile)) {
      console.warn(`Skipping the real-Criteo part: ${criteoFile} is absent (shared data not mounted).`);
    } else {
      await app.loadFile(criteoFile);
      expect(await app.errorText()).toBeNull();
      expect(await app.rowCount()).toBe(10_000);
      expect(await app.labelRateText()).toBe('21.8 %');
      expect(await app.distinctBarCount()).toBe(39);
      expect(await app.page.getByTestId('ground-truth').count()).toBe(0);
    }
    expect(app.errors).toEqual([]);
  });

  test('shows an error for a bad file and recovers when a good file is chosen next', async ({ app }) => {
    const bad = path.join(tmp, 'not-data.bin');
    writeFileSync(bad, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
    const good = path.join(tmp, 'small-criteo.tsv');
    writeFileSync(good, smallCriteoTsv(200));

    const empty = path.join(tmp, 'empty.tsv');
    writeFileSync(empty, '');

    await app.open();
    for (const file of [bad, empty]) {
      await app.loadFile(file);
      const error = await app.errorText();
      expect(error, file).toContain('The data could not be loaded');
      expect(await app.page.getByRole('alert').count()).toBe(1);
      expect(await app.page.getByTestId('stats-rows').count()).toBe(0);
    }

    await app.loadFile(good);
    expect(await app.errorText()).toBeNull();
    expect(await app.rowCount()).toBe(200);
    expect(await app.distinctBarCount()).toBe(39);
    expect(app.errors).toEqual([]);
  });

  test('reports rejected rows with their line numbers and reasons', async ({ app }) => {
    const lines = smallCriteoTsv(100).split('\n');
    lines[4] = '1\t2\t3'; // line 5: too few columns
    lines[9] = `x${lines[9] ?? ''}`; // line 10: label is not 0 or 1
    const file = path.join(tmp, 'some-bad-lines.tsv');
    writeFileSync(file, lines.join('\n'));

    await app.open();
    await app.loadFile(file);
    expect(await app.errorText()).toBeNull();
    expect(await app.rowCount()).toBe(98);
    const report = await app.badRowsText();
    expect(report).toContain('2 rows were skipped');
    expect(report).toContain('Line 5:');
    expect(report).toContain('Line 10:');
    expect(app.errors).toEqual([]);
  });

  test('cancels a long load, says so, and loads again afterwards', async ({ app }) => {
    await app.open();
    await app.startSample({ rows: 2_000_000, seed: 3 });
    expect(await app.cancelLoad()).toContain('Load cancelled');
    expect(await app.page.getByTestId('progress').count()).toBe(0);

    await app.loadSample({ rows: 1_000, seed: 3 });
    expect(await app.rowCount()).toBe(1_000);
    expect(app.errors).toEqual([]);
  });
});
