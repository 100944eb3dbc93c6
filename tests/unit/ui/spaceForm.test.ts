// The Search space form: lists typed as text, the SpaceConfig it becomes, and a readable problem per field.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TECHNIQUES, formFromSpace, parseList, spaceFromForm } from '../../../src/ui/panels/space/spaceForm.ts';
import type { SpaceForm } from '../../../src/ui/panels/space/spaceForm.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';

const tinyForm = (over: Partial<SpaceForm> = {}): SpaceForm => ({ ...formFromSpace(SPACE_PRESETS.tiny), ...over });

describe('formFromSpace', () => {
  it('writes numbers as text and lists as comma-separated text', () => {
    expect(formFromSpace(SPACE_PRESETS.tiny)).toEqual({
      preset: 'tiny',
      blocks: '3',
      denseOps: ['fc', 'sg', 'sum', 'dp'],
      sparseOps: ['efc', 'attn'],
      denseDims: '16, 32, 64',
      sparseDims: '8, 16',
      interactionModules: true,
      maxInputs: '4',
      embeddingDim: '8',
    });
  });

  it('copies the op lists so editing the form cannot change the frozen preset', () => {
    const f = formFromSpace(SPACE_PRESETS.full);
    expect(f.denseOps).not.toBe(SPACE_PRESETS.full.denseOps);
    f.denseOps.pop();
    expect(SPACE_PRESETS.full.denseOps).toHaveLength(4);
  });

  it('round-trips every preset through spaceFromForm', () => {
    for (const name of ['tiny', 'small', 'full'] as const) {
      const { space, errors } = spaceFromForm(formFromSpace(SPACE_PRESETS[name]));
      expect(errors).toEqual({});
      expect(space).toEqual(SPACE_PRESETS[name]);
    }
  });
});

describe('parseList', () => {
  it('sorts, drops duplicates and accepts commas, semicolons and spaces as separators', () => {
    expect(parseList('16, 64 32;16', 'width')).toEqual([16, 32, 64]);
    expect(parseList('  8,,  ', 'width')).toEqual([8]);
  });

  it('asks for at least one value when the text is empty', () => {
    expect(parseList('', 'dense width')).toBe('Give at least one dense width.');
    expect(parseList(' , ; ', 'dense width')).toBe('Give at least one dense width.');
  });

  it('names the first bad entry and says how to separate values', () => {
    expect(parseList('16, abc, 0', 'dense width')).toBe('"abc" is not a whole number of at least 1; separate dense widths with commas.');
    expect(parseList('16, 0', 'dense width')).toBe('"0" is not a whole number of at least 1; separate dense widths with commas.');
    expect(parseList('2.5', 'sparse row count')).toBe('"2.5" is not a whole number of at least 1; separate sparse row counts with commas.');
    expect(parseList('-4', 'width')).toMatch(/^"-4" is not a whole number/);
  });
});

describe('spaceFromForm', () => {
  it('builds the space with parsed, sorted lists', () => {
    const { space, errors } = spaceFromForm(tinyForm({ preset: 'custom', blocks: ' 5 ', denseDims: '64 16', sparseDims: '4;2' }));
    expect(errors).toEqual({});
    expect(space).toMatchObject({ preset: 'custom', blocks: 5, denseDims: [16, 64], sparseDims: [2, 4], maxInputs: 4, embeddingDim: 8 });
  });

  it('puts each text problem under its field and returns no space', () => {
    const { space, errors } = spaceFromForm(tinyForm({ blocks: 'three', maxInputs: '', embeddingDim: '7.5', denseDims: 'wide', sparseDims: '' }));
    expect(space).toBeUndefined();
    expect(errors).toEqual({
      blocks: 'The number of blocks must be a whole number.',
      maxInputs: 'The most inputs per stream must be a whole number.',
      embeddingDim: 'The embedding dimension must be a whole number.',
      denseDims: '"wide" is not a whole number of at least 1; separate dense widths with commas.',
      sparseDims: 'Give at least one sparse row count.',
    });
  });

  it('asks for at least one operator of each stream', () => {
    const { space, errors } = spaceFromForm(tinyForm({ denseOps: [], sparseOps: [] }));
    expect(space).toBeUndefined();
    expect(errors).toEqual({ denseOps: 'Enable at least one dense operator.', sparseOps: 'Enable at least one sparse operator.' });
  });

  it('turns a validateSpace error into a capitalised sentence under the field at fault', () => {
    const { space, errors } = spaceFromForm(tinyForm({ blocks: '13' }));
    expect(space).toBeUndefined();
    expect(errors).toEqual({ blocks: 'The number of blocks must be a whole number from 1 to 12, got 13.' });
  });

  it('reports an odd embedding dimension with the reason', () => {
    const { errors } = spaceFromForm(tinyForm({ embeddingDim: '9' }));
    expect(errors.embeddingDim).toMatch(/^The embedding dimension must be an even whole number ≥ 2 .*got 9\.$/);
  });

  it('rejects zero blocks and zero inputs per stream', () => {
    expect(spaceFromForm(tinyForm({ blocks: '0' })).errors.blocks).toMatch(/^The number of blocks must be a whole number from 1 to 12, got 0\.$/);
    expect(spaceFromForm(tinyForm({ maxInputs: '0' })).errors.maxInputs).toBe('The most inputs per stream must be a whole number ≥ 1, got 0.');
  });

  it('rejects operators listed out of canonical order', () => {
    const { errors } = spaceFromForm(tinyForm({ denseOps: ['dp', 'fc'] }));
    expect(errors.denseOps).toBe('Dense operators must be listed once each, in the order fc, sg, sum, dp.');
  });
});

describe('DEFAULT_TECHNIQUES', () => {
  it('defaults to NASRec’s single-op any-connection sampling with fine-tuning', () => {
    expect(DEFAULT_TECHNIQUES).toEqual({ strategy: 'single-op-any-connection', fineTune: true });
  });
});
