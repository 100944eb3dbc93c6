// Presets as data (NASREC.md §0, §4) and space validation errors that name the field.
import { describe, expect, it } from 'vitest';
import { SpaceError } from '../../../src/core/space/errors.ts';
import { paperScale, presetSpace, SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import type { SpaceConfig } from '../../../src/core/space/types.ts';
import { validateSpace } from '../../../src/core/space/validateSpace.ts';

function errorOf(space: unknown): SpaceError {
  try {
    validateSpace(space);
  } catch (err) {
    if (err instanceof SpaceError) return err;
    throw err;
  }
  throw new Error('expected a SpaceError');
}

const full = () => presetSpace('full');

describe('SPACE_PRESETS', () => {
  it('holds NASRec-Full, NASRec-Small and Tiny at playground scale', () => {
    expect(SPACE_PRESETS.full).toEqual({
      preset: 'full',
      blocks: 7,
      denseOps: ['fc', 'sg', 'sum', 'dp'],
      sparseOps: ['efc', 'attn'],
      denseDims: [16, 32, 64, 128, 256],
      sparseDims: [8, 16, 24, 32],
      interactionModules: true,
      maxInputs: 4,
      embeddingDim: 16,
    });
    expect(SPACE_PRESETS.small).toMatchObject({ blocks: 7, denseOps: ['fc', 'dp'], sparseOps: ['efc'], denseDims: [16, 32, 64, 128, 256], embeddingDim: 16 });
    expect(SPACE_PRESETS.tiny).toMatchObject({ blocks: 3, denseOps: ['fc', 'sg', 'sum', 'dp'], sparseOps: ['efc', 'attn'], denseDims: [16, 32, 64], sparseDims: [8, 16], embeddingDim: 8 });
  });
  it('every preset passes validation', () => {
    for (const space of Object.values(SPACE_PRESETS)) expect(() => validateSpace(space)).not.toThrow();
  });
  it('is frozen; presetSpace hands out a mutable copy', () => {
    expect(Object.isFrozen(SPACE_PRESETS.full.denseDims)).toBe(true);
    const copy = presetSpace('full');
    copy.denseDims.push(512);
    expect(SPACE_PRESETS.full.denseDims).toHaveLength(5);
  });
});

describe('paperScale(preset)', () => {
  it('keeps blocks and ops and switches to the paper widths (16…1024, 16…64, E 16)', () => {
    const s = paperScale('small');
    expect(s).toMatchObject({ preset: 'small', blocks: 7, denseOps: ['fc', 'dp'], sparseOps: ['efc'], embeddingDim: 16 });
    expect(s.denseDims).toEqual([16, 32, 64, 128, 256, 512, 768, 1024]);
    expect(s.sparseDims).toEqual([16, 32, 48, 64]);
    expect(paperScale('tiny').blocks).toBe(3);
    expect(() => validateSpace(paperScale('full'))).not.toThrow();
  });
});

describe('validateSpace(space)', () => {
  const cases: [string, (s: SpaceConfig) => unknown, string, RegExp][] = [
    ['no dense op', (s) => ({ ...s, denseOps: [] }), 'denseOps', /enable at least one dense operator/],
    ['no sparse op', (s) => ({ ...s, sparseOps: [] }), 'sparseOps', /enable at least one sparse operator/],
    ['an unknown op', (s) => ({ ...s, denseOps: ['fc', 'mlp'] }), 'denseOps', /unknown dense operator "mlp"/],
    ['ops out of order', (s) => ({ ...s, denseOps: ['sg', 'fc'] }), 'denseOps', /in the order fc, sg, sum, dp/],
    ['repeated ops', (s) => ({ ...s, sparseOps: ['efc', 'efc'] }), 'sparseOps', /once each/],
    ['descending widths', (s) => ({ ...s, denseDims: [32, 16] }), 'denseDims', /dense widths must be ascending whole numbers ≥ 1/],
    ['a fractional width', (s) => ({ ...s, denseDims: [16, 24.5] }), 'denseDims', /ascending whole numbers/],
    ['a zero row count', (s) => ({ ...s, sparseDims: [0, 8] }), 'sparseDims', /sparse rows must be ascending whole numbers ≥ 1/],
    ['no widths', (s) => ({ ...s, sparseDims: [] }), 'sparseDims', /at least one sparse rows choice/],
    ['0 blocks', (s) => ({ ...s, blocks: 0 }), 'blocks', /from 1 to 12/],
    ['13 blocks', (s) => ({ ...s, blocks: 13 }), 'blocks', /from 1 to 12/],
    ['maxInputs 0', (s) => ({ ...s, maxInputs: 0 }), 'maxInputs', /whole number ≥ 1/],
    ['an odd E', (s) => ({ ...s, embeddingDim: 7 }), 'embeddingDim', /even whole number ≥ 2 \(attention uses heads of dimension 2/],
    ['a non-boolean flag', (s) => ({ ...s, interactionModules: 1 }), 'interactionModules', /true or false/],
    ['an unknown preset', (s) => ({ ...s, preset: 'huge' }), 'preset', /full, small, tiny, custom/],
    ['an unknown field', (s) => ({ ...s, heads: 8 }), 'heads', /unknown space field "heads"/],
    ['a missing field', ({ maxInputs: _, ...s }) => s, 'maxInputs', /no "maxInputs"/],
  ];
  for (const [name, edit, field, message] of cases) {
    it(`rejects ${name}, naming ${field}`, () => {
      const err = errorOf(edit(full()));
      expect(err.field).toBe(field);
      expect(err.message).toMatch(message);
    });
  }
  it('rejects a non-object', () => {
    expect(errorOf(null).message).toMatch(/must be an object/);
  });
});
