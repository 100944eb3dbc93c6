import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { avazuHour } from '../../../src/core/data/encoder.ts';
import { bucketIndex, fnv1a32String } from '../../../src/core/data/hashing.ts';
import { criteoLine, load } from './load.ts';

describe('Criteo TSV', () => {
  const text = [
    criteoLine(1, [5, -3, '', 0], ['68fd1e64', '', 'zz']),
    criteoLine(0, [1], ['68fd1e64', '80e26c9b']),
    criteoLine(0, [], ['0']),
  ].join('\n');

  it('is detected from content: 40 tab-separated cells, no header', async () => {
    const { stats, dataset } = await load(text);
    expect(stats.format).toBe('criteo');
    expect(dataset.rows).toBe(3);
    expect(Array.from(dataset.labels)).toEqual([1, 0, 0]);
    expect(dataset.dense.map((c) => c.name)).toEqual(Array.from({ length: 13 }, (_, i) => `I${i + 1}`));
    expect(dataset.categorical).toHaveLength(26);
  });

  it('transforms dense cells by ln(max(x,0)+1) with missing → 0', async () => {
    const { dataset } = await load(text);
    const col = (i: number) => Array.from(dataset.dense[i]!.values);
    expect(col(0)[0]).toBeCloseTo(Math.log(6), 6);
    expect(col(1)[0]).toBe(0); // negative clips to 0
    expect(col(2)[0]).toBe(0); // missing
    expect(col(3)[0]).toBe(0);
    expect(col(0)[1]).toBeCloseTo(Math.log(2), 6);
  });

  it('buckets hex ids by value mod (n−1) + 1 and strings by a 32-bit hash; missing is 0', async () => {
    const { dataset, stats } = await load(text, { buckets: { C1: 1461, C3: 100 } });
    const c1 = dataset.categorical[0]!;
    expect(c1.buckets).toBe(1461);
    expect(c1.values[0]).toBe(bucketIndex(0x68fd1e64, 1461));
    expect(c1.values[2]).toBe(bucketIndex(0, 1461));
    expect(dataset.categorical[1]!.values[0]).toBe(0);
    expect(dataset.categorical[2]!.values[0]).toBe(bucketIndex(fnv1a32String('zz'), 100)); // not hex → string hash
    expect(stats.fields.find((f) => f.name === 'C2')!.missingRate).toBeCloseTo(2 / 3);
  });

  it('chooses buckets from the distinct count (+1 for missing), capped, in the smallest index type', async () => {
    const many = Array.from({ length: 300 }, (_, i) => criteoLine(i % 2, [], [i.toString(16), String(i % 3)])).join('\n');
    const { dataset, stats } = await load(many, {}, 4096);
    expect(stats.fields.find((f) => f.name === 'C1')).toMatchObject({ distinct: 300, buckets: 301 });
    expect(dataset.categorical[0]!.values).toBeInstanceOf(Uint16Array);
    expect(dataset.categorical[1]!.values).toBeInstanceOf(Uint8Array);
    expect(dataset.categorical[1]!.buckets).toBe(4);
    const capped = await load(many, { bucketCap: 64 }, 4096);
    expect(capped.dataset.categorical[0]!.buckets).toBe(64);
    expect(capped.dataset.categorical[0]!.values).toBeInstanceOf(Uint8Array);
  });

  it('decompresses gzip (by magic bytes) to the same dataset', async () => {
    const plain = await load(text);
    const zipped = await load(gzipSync(Buffer.from(text)), {}, 5);
    expect(zipped.stats.rows).toBe(3);
    expect(zipped.dataset.categorical[0]!.values).toEqual(plain.dataset.categorical[0]!.values);
    expect(zipped.stats.bytes).toBeLessThan(plain.stats.bytes + 40);
  });
});

describe('Avazu CSV', () => {
  const header = 'id,click,hour,C1,banner_pos,site_id,app_id,device_type';
  const text = `${header}\n1000009418151094273,0,14102100,1005,0,1fbe01fe,ecad2386,1\n10000169349117863715,1,14102315,1005,1,fe8cc448,ecad2386,1\n`;
  it('is detected by its header; click is the label and id is dropped', async () => {
    const { stats, dataset } = await load(text);
    expect(stats.format).toBe('avazu');
    expect(Array.from(dataset.labels)).toEqual([0, 1]);
    expect(dataset.dense).toHaveLength(0);
    expect(dataset.categorical.map((c) => c.name)).toEqual(['hour_of_day', 'weekday', 'C1', 'banner_pos', 'site_id', 'app_id', 'device_type']);
  });
  it('expands hour YYMMDDHH into hour of day and weekday', async () => {
    expect(avazuHour(14102100)).toEqual({ hourOfDay: 0, weekday: 2 }); // 2014-10-21 was a Tuesday
    expect(avazuHour(14102315)).toEqual({ hourOfDay: 15, weekday: 4 });
    expect(avazuHour(14023100)).toBeNull(); // 31 February
    expect(avazuHour(14102125)).toBeNull();
  });
});

describe('generic CSV/TSV with a header', () => {
  it('finds the label by name and infers dense for numeric columns, categorical otherwise', async () => {
    const text = 'clk,price,brand,userid,city\n0,3.9,12,874257,paris\n1,189,,227368,"new, york"\n';
    const { stats, dataset } = await load(text);
    expect(stats.format).toBe('csv');
    expect(Array.from(dataset.labels)).toEqual([0, 1]);
    expect(dataset.dense.map((c) => c.name)).toEqual(['price', 'brand']);
    expect(dataset.categorical.map((c) => c.name)).toEqual(['userid', 'city']); // integer *id columns are ids
    expect(dataset.dense[1]!.values[1]).toBe(0);
  });
  it('prefers label, then click, clk, y; and takes a user-chosen label column', async () => {
    const text = 'y,click,f\n0,1,a\n1,0,b\n';
    expect(Array.from((await load(text)).dataset.labels)).toEqual([1, 0]);
    expect(Array.from((await load(text, { label: 'y' })).dataset.labels)).toEqual([0, 1]);
  });
  it('lets the user change a column kind', async () => {
    const text = 'label,zip,score\n0,75001,1\n1,10001,2\n';
    const { dataset } = await load(text, { kinds: { zip: 'categorical' } });
    expect(dataset.categorical.map((c) => c.name)).toEqual(['zip']);
    expect(dataset.dense.map((c) => c.name)).toEqual(['score']);
  });
  it('reads tab-separated files with a header', async () => {
    const { stats, dataset } = await load('label\ta\tb\n1\t2\tx\n0\t3\ty\n');
    expect(stats.format).toBe('csv');
    expect(dataset.dense.map((c) => c.name)).toEqual(['a']);
  });
  it('can force a format instead of detecting it', async () => {
    const text = `${criteoLine(1)}\n${criteoLine(0)}\n`;
    const forced = await load(text, { format: 'criteo' });
    expect(forced.stats.rows).toBe(2);
  });
});

describe('statistics', () => {
  it('reports label rates, base-rate log loss, per-split numbers and a preview', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => criteoLine(i % 4 === 0 ? 1 : 0, [i], [(i % 50).toString(16)]));
    const { stats, preview } = await load(rows.join('\n'), {}, 65536);
    expect(stats.rows).toBe(1000);
    expect(stats.labelRate).toBe(0.25);
    expect(stats.baseRateLogLoss).toBeCloseTo(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), 12);
    expect(stats.splits.train.rows + stats.splits.val.rows + stats.splits.test.rows).toBe(1000);
    expect(stats.splits.train.rows).toBe(800);
    expect(stats.fields.find((f) => f.name === 'C1')).toMatchObject({ kind: 'categorical', distinct: 50, missingRate: 0 });
    expect(stats.fields.find((f) => f.name === 'I2')).toMatchObject({ kind: 'dense', missingRate: 1 });
    expect(preview).toHaveLength(10);
    expect(preview[0]).toMatchObject({ line: 1, label: 1 });
    expect(preview[0]!.raw).toHaveLength(40);
    expect(stats.encodedBytesPerRow).toBeLessThanOrEqual(110);
  });
});
