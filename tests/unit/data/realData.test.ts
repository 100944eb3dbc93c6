// Real CTR samples from ../shared/data (SOURCES.md). Skipped, with the reason printed, where absent.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load, SHARED_DATA } from './load.ts';

const file = (rel: string) => fileURLToPath(new URL(rel, SHARED_DATA));
const present = existsSync(file('criteo/train_examples.txt'));
if (!present) console.warn(`[realData] skipped: ${fileURLToPath(SHARED_DATA)} is absent (the shared data folder sits beside the checkout).`);

describe.skipIf(!present)('real CTR samples', () => {
  it('loads Criteo train_examples.txt as 10,000 rows, label rate 0.2182, I1 missing 0.448', async () => {
    const { stats, dataset } = await load(readFileSync(file('criteo/train_examples.txt')), {}, 1 << 16);
    expect(stats.format).toBe('criteo');
    expect(stats.rows).toBe(10_000);
    expect(stats.labelRate).toBeCloseTo(0.2182, 4);
    expect(stats.fields.find((f) => f.name === 'I1')!.missingRate).toBeCloseTo(0.448, 3);
    expect(stats.fields.find((f) => f.name === 'I12')!.missingRate).toBeCloseTo(0.7735, 4);
    expect(stats.fields.find((f) => f.name === 'C22')!.missingRate).toBeCloseTo(0.8182, 4);
    expect(stats.fields.find((f) => f.name === 'C9')!.distinct).toBe(3);
    expect(stats.fields.find((f) => f.name === 'C3')!.distinct).toBe(5520); // `cut -f17 | sort -u` gives 5521 with the empty cell
    expect(stats.badRows.count).toBe(0);
    expect(stats.encodedBytesPerRow).toBeLessThanOrEqual(110);
    expect(dataset.categorical).toHaveLength(26);
  });
  it('loads Avazu avazu_sample.txt as 100 rows, label rate 0.20', async () => {
    const { stats } = await load(readFileSync(file('avazu/avazu_sample.txt')), {}, 1 << 12);
    expect(stats.format).toBe('avazu');
    expect(stats.rows).toBe(100);
    expect(stats.labelRate).toBeCloseTo(0.2, 10);
    expect(stats.fields.map((f) => f.name)).not.toContain('id');
    expect(stats.fields.map((f) => f.name)).toContain('weekday');
  });
  it('loads Taobao train_sample.csv as generic CSV with clk as the label', async () => {
    const { stats } = await load(readFileSync(file('taobaoad/train_sample.csv')), {}, 1 << 12);
    expect(stats.format).toBe('csv');
    expect(stats.rows).toBe(100);
    expect(stats.labelRate).toBeCloseTo(0.04, 10);
    expect(stats.fields.map((f) => f.name)).not.toContain('clk');
    expect(stats.fields.find((f) => f.name === 'price')!.kind).toBe('dense');
    expect(stats.fields.find((f) => f.name === 'click_sequence')!.kind).toBe('categorical');
  });
  it('loads the header-CSV form of Criteo (criteo_sample.txt) with pandas floats like 260.0', async () => {
    const { stats } = await load(readFileSync(file('criteo/criteo_sample.txt')), {}, 1 << 12);
    expect(stats.format).toBe('csv');
    expect(stats.rows).toBe(200);
    expect(stats.labelRate).toBeCloseTo(0.245, 10);
    expect(stats.badRows.count).toBe(0);
  });
});
