// Importing an exported architecture: both export formats read back to the same architecture; bad files give a reason.
import { describe, expect, it } from 'vitest';
import { archKey } from '../../../src/core/space/arch.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { importArchText } from '../../../src/ui/inspector/importArch.ts';
import { archJsonText, nasrecJsonText } from '../../../src/ui/inspector/inspectItem.ts';

const input = { dense: 13, sparse: 26 };

describe('importArchText', () => {
  it('reads a playground JSON export back to the same architecture and space, with its cost', () => {
    for (const preset of ['tiny', 'small', 'full'] as const) {
      const space = SPACE_PRESETS[preset];
      const arch = sampleArch(space, rngFromSeed(toSeed(7)));
      const result = importArchText(archJsonText(arch, space), 'a.json', undefined, input);
      if (!result.ok) throw new Error(result.message);
      expect(result.item.key).toBe(archKey(arch));
      expect(result.item.arch).toEqual(arch);
      expect(result.space).toEqual(space);
      expect(result.item.metrics.map((m) => m.label)).toEqual(['Format', 'FLOPs per example', 'Parameters (non-embedding)']);
    }
  });

  it('reads a NasRec config export back to the same blocks, with the stored test loss', () => {
    const space = SPACE_PRESETS.full;
    const arch = sampleArch(space, rngFromSeed(toSeed(8)));
    const result = importArchText(nasrecJsonText(arch, space, 0.4412), 'b-nasrec.json', space, undefined);
    if (!result.ok) throw new Error(result.message);
    expect(result.item.arch).toEqual(arch);
    expect(result.item.key).toBe(archKey(arch));
    expect(result.item.testLoss).toBe(0.4412);
    expect(result.item.metrics[0]).toEqual({ label: 'Format', value: 'NasRec config JSON' });
  });

  it('says why a file cannot be read, naming it, and never throws', () => {
    const notJson = importArchText('{oops', 'x.json', undefined, input);
    expect(notJson).toMatchObject({ ok: false, message: expect.stringMatching(/^x\.json is not JSON/) });
    const wrongVersion = importArchText('{"version": 99, "blocks": []}', 'y.json', SPACE_PRESETS.tiny, input);
    expect(wrongVersion).toMatchObject({ ok: false, message: expect.stringMatching(/y\.json .*version 99/) });
    const proto = importArchText('{"__proto__": {"polluted": 1}, "version": 1, "blocks": []}', 'z.json', SPACE_PRESETS.tiny, input);
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
