// Short architecture names: dense ops per block and a hash of the canonical key.
import { describe, expect, it } from 'vitest';
import { archKey } from '../../../src/core/space/index.ts';
import { archName } from '../../../src/ui/arch/archName.ts';
import { tinyArch } from './analysisFixtures.ts';

describe('archName', () => {
  it('lists each block’s dense operator and a 4-hex-digit hash', () => {
    const a = tinyArch(['fc', 'dp', 'sum']);
    expect(archName(a, archKey(a))).toMatch(/^FC·DP·Sum #[0-9a-f]{4}$/);
  });

  it('is stable: the same key gives the same name', () => {
    const a = tinyArch(['fc', 'fc', 'fc']);
    const b = tinyArch(['fc', 'fc', 'fc']);
    expect(archName(a, archKey(a))).toBe(archName(b, archKey(b)));
  });

  it('tells apart architectures with the same operators but other widths', () => {
    const a = tinyArch(['fc', 'fc', 'fc'], 16);
    const b = tinyArch(['fc', 'fc', 'fc'], 32);
    expect(archName(a, archKey(a))).not.toBe(archName(b, archKey(b)));
  });
});
