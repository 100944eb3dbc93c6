import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import { toSeed } from '../../../src/core/rng.ts';

describe('public/sample-criteo-2k.tsv', () => {
  it('is exactly what `npm run sample:public` generates (2,000 rows, seed 7)', () => {
    const file = readFileSync(new URL('../../../public/sample-criteo-2k.tsv', import.meta.url));
    const hash = createHash('sha256');
    for (const chunk of createCriteoSample({ rows: 2000, seed: toSeed(7) }).chunks()) hash.update(chunk);
    expect(createHash('sha256').update(file).digest('hex')).toBe(hash.digest('hex'));
  });
});
