// Tests of the built-in sample generator: determinism, TSV shape, Criteo-like marginals, and the planted model's signal.
import { describe, it, expect } from 'vitest';
import {
  CATEGORICAL_FIELDS,
  categoryHex,
  createCriteoSample,
  DENSE_FIELDS,
  PLANTED,
  SAMPLE_FIELD_NAMES,
} from '../../../src/core/data/synthetic/index.ts';
import type { SampleOptions, SampleRow, SyntheticSample } from '../../../src/core/data/synthetic/index.ts';
import { ZipfTable } from '../../../src/core/data/synthetic/zipf.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';

const ROWS = 20_000;

function sample(rows: number, seed: number, chunkBytes?: number): SyntheticSample {
  return createCriteoSample({ rows, seed: toSeed(seed), ...(chunkBytes === undefined ? {} : { chunkBytes }) });
}

function concat(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const out = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  let pos = 0;
  for (const c of parts) {
    out.set(c, pos);
    pos += c.length;
  }
  return out;
}

/** FNV-1a over bytes: a cheap fingerprint for comparing outputs. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return h >>> 0;
}

function splitLines(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** ln(1 + e^z), the log loss of logit z on a non-click. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Mean log loss of logits `z + shift` on labels `y`. */
function logLoss(z: Float64Array, y: Uint8Array, shift = 0): number {
  let s = 0;
  for (let i = 0; i < z.length; i++) s += softplus(y[i] === 1 ? -(z[i]! + shift) : z[i]! + shift);
  return s / z.length;
}

/** The maximum-likelihood intercept shift: mean σ(z + shift) equals the label rate (bisection). */
function refitShift(z: Float64Array, y: Uint8Array): number {
  const rate = y.reduce((a, b) => a + b, 0) / y.length;
  let lo = -10;
  let hi = 10;
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    let p = 0;
    for (const v of z) p += 1 / (1 + Math.exp(-(v + mid)));
    if (p / z.length < rate) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function entropy(p: number): number {
  return -(p * Math.log(p) + (1 - p) * Math.log(1 - p));
}

// One shared sample of seed 1: its bytes, its lines and its decoded rows, built once.
const shared = sample(ROWS, 1);
const sharedBytes = concat(shared.chunks());
const sharedLines = splitLines(sharedBytes);
const sharedRows: SampleRow[] = [...shared.rows()];

function column(name: string): string[] {
  const dense = SAMPLE_FIELD_NAMES.dense.indexOf(name);
  const index = dense >= 0 ? 1 + dense : 14 + SAMPLE_FIELD_NAMES.categorical.indexOf(name);
  return sharedLines.map((line) => line.split('\t')[index]!);
}

describe('createCriteoSample determinism', () => {
  it('gives identical bytes for the same seed and rows, and on every chunks() pass', () => {
    const again = sample(ROWS, 1);
    const bytes = concat(again.chunks());
    expect(bytes.length).toBe(sharedBytes.length);
    expect(fnv1a(bytes)).toBe(fnv1a(sharedBytes));
    expect(fnv1a(concat(again.chunks()))).toBe(fnv1a(sharedBytes));
  });

  it('gives different bytes for a different seed', () => {
    const other = concat(sample(2000, 2).chunks());
    const mine = concat(sample(2000, 1).chunks());
    expect(fnv1a(other)).not.toBe(fnv1a(mine));
    expect(splitLines(other)[0]).not.toBe(splitLines(mine)[0]);
  });

  it('yields the same concatenated bytes whatever the chunk size, each chunk full but the last', () => {
    const reference = concat(sample(2000, 3, 65_536).chunks());
    for (const chunkBytes of [1000, 7, 1 << 20]) {
      const chunks = [...sample(2000, 3, chunkBytes).chunks()];
      expect(chunks.slice(0, -1).every((c) => c.length === chunkBytes)).toBe(true);
      const bytes = concat(chunks);
      expect(bytes.length).toBe(reference.length);
      expect(fnv1a(bytes)).toBe(fnv1a(reference));
    }
  });

  it('writes the same first rows whatever the number of rows', () => {
    const short = concat(sample(500, 1).chunks());
    expect(fnv1a(sharedBytes.subarray(0, short.length))).toBe(fnv1a(short));
  });

  it('decodes in rows() exactly the rows that chunks() writes', () => {
    expect(sharedRows.length).toBe(ROWS);
    expect(sharedRows.every((r, i) => String(r.label) === sharedLines[i]![0])).toBe(true);
    const first = sharedLines[0]!.split('\t');
    const row = sharedRows[0]!;
    expect(first.slice(1, 14)).toEqual(row.dense.map((x) => (Number.isNaN(x) ? '' : String(x))));
    expect(first.slice(14)).toEqual(row.categorical.map((k, j) => (k < 0 ? '' : categoryHex(toSeed(1), j, k))));
  });
});

describe('createCriteoSample format', () => {
  it('writes ASCII lines of 40 tab-separated fields: a 0/1 label, integer or empty counts, 8-hex or empty ids', () => {
    expect(sharedBytes.every((b) => b < 128 && b !== 13)).toBe(true);
    expect(sharedLines.length).toBe(ROWS);
    const line = /^[01](\t(-?[0-9]+)?){13}(\t([0-9a-f]{8})?){26}$/;
    expect(sharedLines.filter((l) => !line.test(l))).toEqual([]);
    expect(sharedLines.every((l) => l.split('\t').length === 40)).toBe(true);
  });

  it('names the fields I1..I13 and C1..C26', () => {
    expect(SAMPLE_FIELD_NAMES.dense).toEqual(Array.from({ length: 13 }, (_, i) => `I${i + 1}`));
    expect(SAMPLE_FIELD_NAMES.categorical).toEqual(Array.from({ length: 26 }, (_, i) => `C${i + 1}`));
  });

  it('prints a distinct 8-hex id for every value of every field', () => {
    const seen = new Set<string>();
    CATEGORICAL_FIELDS.forEach((f, j) => {
      for (let k = 0; k < f.cardinality; k++) seen.add(categoryHex(toSeed(1), j, k));
    });
    const total = CATEGORICAL_FIELDS.reduce((n, f) => n + f.cardinality, 0);
    expect(seen.size).toBe(total);
    expect([...seen].every((h) => /^[0-9a-f]{8}$/.test(h))).toBe(true);
  });
});

describe('createCriteoSample marginals', () => {
  it('lands the base CTR in 20–25 % for several seeds', () => {
    for (const seed of [1, 2, 3, 77, 4_000_000_000]) {
      const s = seed === 1 ? shared : sample(ROWS, seed);
      if (s !== shared) for (const _ of s.chunks());
      expect(s.outcome()!.labelRate).toBeGreaterThanOrEqual(0.2);
      expect(s.outcome()!.labelRate).toBeLessThanOrEqual(0.25);
    }
    const clicks = sharedLines.filter((l) => l[0] === '1').length;
    expect(shared.outcome()!.labelRate).toBeCloseTo(clicks / ROWS, 12);
  });

  it('leaves cells empty at close to the configured missing rates', () => {
    const configured = new Map([...DENSE_FIELDS, ...CATEGORICAL_FIELDS].map((f) => [f.name, f.missing]));
    for (const name of ['I1', 'I2', 'I12', 'C3', 'C19', 'C22']) {
      const empty = column(name).filter((v) => v === '').length / ROWS;
      // Binomial sd at 20k rows is at most 0.0035; 0.015 is over 4 sd.
      expect(Math.abs(empty - configured.get(name)!)).toBeLessThan(0.015);
    }
    expect(configured.get('I1')).toBeCloseTo(0.448, 3);
    expect(configured.get('I12')).toBeGreaterThan(0.75);
    expect(configured.get('C22')).toBeCloseTo(0.8, 2);
  });

  it('makes about 10 % of I2 counts -1 and keeps counts without a -1 rate non-negative and heavy-tailed', () => {
    const i2 = column('I2');
    expect(i2.filter((v) => v === '-1').length / ROWS).toBeGreaterThan(0.08);
    expect(i2.filter((v) => v === '-1').length / ROWS).toBeLessThan(0.12);
    const i5 = column('I5').filter((v) => v !== '').map(Number);
    expect(i5.every((x) => x >= 0)).toBe(true);
    const sorted = i5.sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const p99 = sorted[Math.floor(sorted.length * 0.99)]!;
    expect(p99 / median).toBeGreaterThan(30); // lognormal σ = 2: the 99th percentile is ~100× the median
  });

  it('ZipfTable.sample(u) returns the first rank whose cumulative probability exceeds u, also at bucket edges', () => {
    const table = new ZipfTable(3000, 1.05);
    const cdf: number[] = [];
    table.pmf.reduce((acc, p, r) => (cdf[r] = acc + p), 0);
    const plain = (u: number): number => {
      const r = cdf.findIndex((c) => c > u);
      return r < 0 ? cdf.length - 1 : r;
    };
    const rng = rngFromSeed(toSeed(5));
    const us = [0, 1 - 2 ** -32, ...Array.from({ length: 2000 }, () => rng.next())];
    for (let j = 1; j < 3000; j += 7) us.push(j / 3000, j / 3000 - 2 ** -52, ...cdf.slice(j, j + 1));
    for (const u of us) expect(table.sample(u)).toBe(plain(u));
    expect(table.pmf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('draws categories with a Zipf shape: frequency of rank r falls like r^-s', () => {
    const field = CATEGORICAL_FIELDS.find((f) => f.name === 'C3')!;
    const counts = new Map<string, number>();
    for (const v of column('C3')) if (v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    expect(field.cardinality).toBeGreaterThan(10_000);
    expect(sorted[0]! / sorted[Math.floor(sorted.length / 2)]!).toBeGreaterThan(100);
    // Least-squares slope of ln(count) on ln(rank) over ranks 1..30 estimates -s.
    const xs = sorted.slice(0, 30).map((_, r) => Math.log(r + 1));
    const ys = sorted.slice(0, 30).map((c) => Math.log(c));
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = ys.reduce((a, b) => a + b) / ys.length;
    const slope = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0) / xs.reduce((s, x) => s + (x - mx) ** 2, 0);
    expect(Math.abs(-slope - field.zipf)).toBeLessThan(0.15);
  });
});

describe('createCriteoSample planted model', () => {
  it('reports the planted model before any row is generated', () => {
    const s = sample(100, 9);
    expect(s.outcome()).toBeUndefined();
    const t = s.truth;
    expect(t.seed).toBe(9);
    expect(t.rows).toBe(100);
    expect(Number.isFinite(t.intercept)).toBe(true);
    expect(t.interactions.length).toBeGreaterThanOrEqual(3);
    expect(t.interactions.length).toBeLessThanOrEqual(4);
    expect(t.interactions.some((i) => i.a.startsWith('C') && i.b.startsWith('C'))).toBe(true);
    const targets = [...PLANTED.denseLinear, ...PLANTED.categoricalLinear, ...PLANTED.interactions, PLANTED.nonlinear];
    const reported = [...t.linear, ...t.interactions, t.nonlinear];
    reported.forEach((r, i) => expect(Math.abs(r.strength / targets[i]!.strength - 1)).toBeLessThan(0.1));
    for (const i of t.interactions) expect(t.description).toContain(`${i.a} × ${i.b}`);
    expect(t.description).toContain(t.nonlinear.field);
  });

  it('gives each row a total logit equal to the sum of its components and p = σ(total)', () => {
    for (const r of sharedRows.slice(0, 200)) {
      const l = r.logits;
      const sum = l.intercept + l.linear + l.interactions.reduce((a, b) => a + b, 0) + l.nonlinear;
      expect(l.total).toBeCloseTo(sum, 10);
      expect(r.probability).toBeCloseTo(1 / (1 + Math.exp(-l.total)), 12);
    }
  });

  it('keeps the oracle log loss well below the base-rate entropy', () => {
    const { labelRate, oracleLogLoss } = shared.outcome()!;
    const y = Uint8Array.from(sharedRows, (r) => r.label);
    const z = Float64Array.from(sharedRows, (r) => r.logits.total);
    expect(oracleLogLoss).toBeCloseTo(logLoss(z, y), 10);
    expect(oracleLogLoss).toBeLessThan(entropy(labelRate) - 0.05);
  });

  it('plants interactions that a model without them cannot match', () => {
    // The rival keeps every other term and gets its best intercept (refitted by maximum likelihood),
    // so the gap is not inflated by miscalibration; the next test shows no main effect hides in an
    // interaction, so refitting the linear weights could not close the gap either.
    const y = Uint8Array.from(sharedRows, (r) => r.label);
    const z = Float64Array.from(sharedRows, (r) => r.logits.total);
    const oracle = logLoss(z, y);
    const withoutAll = Float64Array.from(sharedRows, (r) => r.logits.total - r.logits.interactions.reduce((a, b) => a + b, 0));
    expect(logLoss(withoutAll, y, refitShift(withoutAll, y)) - oracle).toBeGreaterThan(0.04);
    PLANTED.interactions.forEach((_, k) => {
      const without = Float64Array.from(sharedRows, (r) => r.logits.total - r.logits.interactions[k]!);
      expect(logLoss(without, y, refitShift(without, y)) - oracle).toBeGreaterThan(0.008);
    });
  });

  it('hides no main effect inside an interaction: its mean is near zero for each frequent value of either field', () => {
    PLANTED.interactions.forEach((spec, k) => {
      for (const name of [spec.a, spec.b]) {
        const field = SAMPLE_FIELD_NAMES.categorical.indexOf(name);
        if (field < 0) continue; // the dense side of I8 × C1
        for (let rank = 0; rank < 3; rank++) {
          const terms = sharedRows.filter((r) => r.categorical[field] === rank).map((r) => r.logits.interactions[k]!);
          const mean = terms.reduce((a, b) => a + b, 0) / terms.length;
          const sd = Math.sqrt(terms.reduce((a, t) => a + (t - mean) ** 2, 0) / terms.length);
          expect(terms.length).toBeGreaterThan(100);
          expect(Math.abs(mean)).toBeLessThan(4 * (sd / Math.sqrt(terms.length))); // 0 up to sampling error
        }
      }
    });
  });
});

describe('createCriteoSample options', () => {
  const bad: [string, Partial<SampleOptions>, RegExp][] = [
    ['rows = 0', { rows: 0 }, /rows/],
    ['rows = -5', { rows: -5 }, /rows/],
    ['rows = 1.5', { rows: 1.5 }, /rows/],
    ['rows = NaN', { rows: Number.NaN }, /rows/],
    ['rows > 10^8', { rows: 100_000_001 }, /rows/],
    ['seed = -1', { seed: -1 as SampleOptions['seed'] }, /seed/],
    ['seed = 2^32', { seed: 2 ** 32 as SampleOptions['seed'] }, /seed/],
    ['chunkBytes = 0', { chunkBytes: 0 }, /chunkBytes/],
    ['chunkBytes = 2.5', { chunkBytes: 2.5 }, /chunkBytes/],
  ];
  for (const [what, patch, message] of bad) {
    it(`rejects ${what} with a RangeError naming the option`, () => {
      const options = { rows: 10, seed: toSeed(1), ...patch } as SampleOptions;
      expect(() => createCriteoSample(options)).toThrow(RangeError);
      expect(() => createCriteoSample(options)).toThrow(message);
    });
  }

  it('accepts the largest allowed row count without generating anything up front', () => {
    expect(createCriteoSample({ rows: 100_000_000, seed: toSeed(1) }).truth.rows).toBe(100_000_000);
  });
});
