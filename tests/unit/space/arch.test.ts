// Architectures as values: validation errors that name block and field, the canonical key, the versioned JSON file.
import { describe, expect, it } from 'vitest';
import { archKey, makeArch } from '../../../src/core/space/arch.ts';
import { archFromJson, archToJson } from '../../../src/core/space/archJson.ts';
import { ArchError, SpaceError } from '../../../src/core/space/errors.ts';
import { presetSpace, SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import type { ArchBlock } from '../../../src/core/space/types.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { archBlock } from '../archBlock.ts';

const tiny = SPACE_PRESETS.tiny;
const block = archBlock;
const blocks3 = (i: number, over: Partial<ArchBlock>): ArchBlock[] => [0, 1, 2].map((j) => (j === i ? block(over) : block()));

function archError(fn: () => unknown): ArchError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ArchError) return err;
    throw err;
  }
  throw new Error('expected an ArchError');
}

describe('makeArch(blocks, space)', () => {
  it('returns a frozen canonical arch with sorted index lists', () => {
    const arch = makeArch(blocks3(2, { denseIdx: [2, 0], sparseIdx: [1, 2, 0] }), tiny);
    expect(arch.blocks[2]!.denseIdx).toEqual([0, 2]);
    expect(arch.blocks[2]!.sparseIdx).toEqual([0, 1, 2]);
    expect(Object.isFrozen(arch)).toBe(true);
    expect(Object.isFrozen(arch.blocks[2])).toBe(true);
    expect(Object.isFrozen(arch.blocks[2]!.denseIdx)).toBe(true);
  });
  const cases: [string, number, Partial<ArchBlock>, string, RegExp][] = [
    ['an input that does not exist yet', 2, { denseIdx: [3] }, 'denseIdx', /^block 2, denseIdx: input 3 does not exist \(block 2 reads 0\.\.2\)$/],
    ['a negative input', 1, { sparseIdx: [-1] }, 'sparseIdx', /input -1 does not exist/],
    ['an empty input list', 1, { sparseIdx: [] }, 'sparseIdx', /non-empty list/],
    ['a repeated input', 2, { denseIdx: [1, 1] }, 'denseIdx', /input 1 is listed twice/],
    ['a left input out of range', 1, { left: 2 }, 'left', /input 2 does not exist \(block 1 reads 0\.\.1\)/],
    ['a fractional right input', 1, { right: 0.5 }, 'right', /whole number/],
    ['a dense op the space lacks', 0, { denseOp: 'mlp' as never }, 'denseOp', /"mlp" is not a dense operator enabled in the space/],
    ['a width that is not a choice', 0, { denseDim: 24 }, 'denseDim', /24 is not a dense width of the space \(choose from 16, 32, 64\)/],
    ['a row count that is not a choice', 0, { sparseDim: 32 }, 'sparseDim', /not a sparse row choice/],
    ['a non-boolean flag', 0, { deepFm: 1 as never }, 'deepFm', /true or false/],
  ];
  for (const [name, i, over, field, message] of cases) {
    it(`rejects ${name}, naming block ${i} and ${field}`, () => {
      const err = archError(() => makeArch(blocks3(i, over), tiny));
      expect(err.block).toBe(i);
      expect(err.field).toBe(field);
      expect(err.message).toMatch(message);
    });
  }
  it('rejects an op that is valid in general but not enabled in the space', () => {
    const small = presetSpace('small');
    const err = archError(() => makeArch([0, 1, 2, 3, 4, 5, 6].map(() => block({ sparseOp: 'attn' })), small));
    expect(err.message).toMatch(/^block 0, sparseOp: "attn" is not a sparse operator enabled in the space \(choose from efc\)$/);
  });
  it('rejects interaction flags while the space has the modules off', () => {
    const off = { ...presetSpace('tiny'), interactionModules: false };
    expect(archError(() => makeArch(blocks3(1, { interact: true }), off)).message).toMatch(/block 1, interact: is on but the space has the interaction modules off/);
    expect(() => makeArch(blocks3(1, {}), off)).not.toThrow();
  });
  it('rejects more inputs than maxInputs', () => {
    const two = { ...presetSpace('tiny'), maxInputs: 2 };
    expect(archError(() => makeArch(blocks3(2, { denseIdx: [0, 1, 2] }), two)).message).toMatch(/3 inputs is more than the space allows \(maxInputs 2\)/);
  });
  it('rejects the wrong number of blocks and a missing field', () => {
    expect(archError(() => makeArch([block(), block()], tiny)).message).toMatch(/the space has 3 blocks but the architecture has 2/);
    const { deepFm: _, ...partial } = block();
    expect(archError(() => makeArch([block(), partial as ArchBlock, block()], tiny)).message).toBe('block 1, deepFm: is missing');
  });
  it('rejects a bad space with a SpaceError', () => {
    expect(() => makeArch(blocks3(0, {}), { ...tiny, denseOps: [] })).toThrow(SpaceError);
  });
});

describe('archKey(arch)', () => {
  const base = makeArch(blocks3(2, { denseIdx: [0, 2], sparseIdx: [1], left: 1, right: 2 }), tiny);
  it('is equal for equal architectures, whatever order the index lists came in', () => {
    const same = makeArch(blocks3(2, { denseIdx: [2, 0], sparseIdx: [1], left: 1, right: 2 }), tiny);
    expect(archKey(same)).toBe(archKey(base));
    expect(archKey(base)).toMatch(/^[\w.|,/]+$/);
  });
  it('changes when any single field of any block changes', () => {
    const edits: Partial<ArchBlock>[] = [
      { denseIdx: [0, 1] },
      { sparseIdx: [0, 1] },
      { left: 0 },
      { right: 1 },
      { denseOp: 'dp' },
      { sparseOp: 'attn' },
      { denseDim: 32 },
      { sparseDim: 16 },
      { interact: true },
      { deepFm: true },
    ];
    const keys = new Set([archKey(base)]);
    for (const edit of edits) keys.add(archKey(makeArch(base.blocks.map((b, i) => (i === 2 ? { ...b, ...edit } : b)), tiny)));
    expect(keys.size).toBe(edits.length + 1);
  });
  it('tells 200 random architectures apart exactly as deep equality does', () => {
    const rng = rngFromSeed(toSeed(5));
    const archs = Array.from({ length: 200 }, () => sampleArch(tiny, rng));
    for (let a = 0; a < 40; a++) {
      for (let b = 0; b < archs.length; b++) {
        expect(archKey(archs[a]!) === archKey(archs[b]!)).toBe(JSON.stringify(archs[a]) === JSON.stringify(archs[b]));
      }
    }
  });
});

describe('archToJson / archFromJson', () => {
  const rng = rngFromSeed(toSeed(9));
  it('round-trips architectures of every preset, with the space embedded', () => {
    for (const name of ['full', 'small', 'tiny'] as const) {
      const space = SPACE_PRESETS[name];
      for (let k = 0; k < 20; k++) {
        const arch = sampleArch(space, rng);
        const text = JSON.stringify(archToJson(arch, space));
        const back = archFromJson(text);
        expect(back.arch).toEqual(arch);
        expect(archKey(back.arch)).toBe(archKey(arch));
        expect(back.space).toEqual(space);
      }
    }
  });
  it('reads a file without a space against the one given', () => {
    const arch = sampleArch(tiny, rng);
    const json = archToJson(arch);
    expect(json).not.toHaveProperty('space');
    expect(archFromJson(json, tiny).arch).toEqual(arch);
    expect(archError(() => archFromJson(json)).message).toMatch(/no "space" and none was given/);
  });
  it('rejects unknown versions, unknown fields, bad JSON and misfit blocks with clear errors', () => {
    const json = archToJson(sampleArch(tiny, rng), tiny);
    expect(archError(() => archFromJson({ ...json, version: 2 })).message).toMatch(/unsupported architecture file version 2 \(this build reads version 1\)/);
    expect(archError(() => archFromJson({ ...json, name: 'x' })).message).toMatch(/unknown field "name" in the architecture file/);
    const extra = { ...json, blocks: json.blocks.map((b, i) => (i === 1 ? { ...b, width: 3 } : b)) };
    expect(archError(() => archFromJson(extra)).message).toBe('block 1, width: unknown field "width"');
    expect(archError(() => archFromJson('{"version": 1,')).message).toMatch(/not valid JSON/);
    expect(archError(() => archFromJson([])).message).toMatch(/must be a JSON object/);
    const misfit = { ...json, blocks: json.blocks.map((b, i) => (i === 0 ? { ...b, denseDim: 1024 } : b)) };
    expect(archError(() => archFromJson(misfit)).message).toMatch(/^block 0, denseDim: 1024 is not a dense width/);
    expect(() => archFromJson({ ...json, space: { ...tiny, embeddingDim: 3 } })).toThrow(SpaceError);
  });
});
