// Evolution mutation (NASREC.md §10.1, `Tokenizer.mutate_spec`), its choice distributions checked with chi-square tests at p = 0.001.
import { describe, expect, it } from 'vitest';
import { archKey, makeArch } from '../../../src/core/space/arch.ts';
import { ArchError } from '../../../src/core/space/errors.ts';
import { MACRO_FIELDS, MICRO_FIELDS, mutateArch, type MutableField } from '../../../src/core/space/mutate.ts';
import { paperScale, presetSpace } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import type { Arch, SpaceConfig } from '../../../src/core/space/types.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { archBlock } from '../archBlock.ts';
import { expectFit, histogram, uniform } from './helpers.ts';

const N = 16_000;
const paper = paperScale('full');
const FIELDS: readonly MutableField[] = [...MACRO_FIELDS, ...MICRO_FIELDS];

/** The (block, field) pairs at which two architectures of one space differ. */
function diff(a: Arch, b: Arch): { block: number; field: MutableField }[] {
  const out: { block: number; field: MutableField }[] = [];
  a.blocks.forEach((x, block) => {
    const y = b.blocks[block]!;
    for (const field of FIELDS) if (JSON.stringify(x[field]) !== JSON.stringify(y[field])) out.push({ block, field });
  });
  return out;
}

interface Step {
  before: Arch;
  after: Arch;
  block: number;
  field: MutableField;
}

/** A random walk of n single mutations from a random start. */
function walk(space: SpaceConfig, seed: number, n: number): Step[] {
  const rng = rngFromSeed(toSeed(seed));
  let arch = sampleArch(space, rng.stream('start'));
  const mutation = rng.stream('mutate');
  return Array.from({ length: n }, () => {
    const { arch: after, block, field } = mutateArch(arch, space, mutation);
    const step = { before: arch, after, block, field };
    arch = after;
    return step;
  });
}

describe('mutateArch(arch, space, rng)', () => {
  const steps = walk(paper, 1, N);

  it('changes at most one field of one block, and that is the field it reports', () => {
    const bad = steps.filter((s) => {
      const changed = diff(s.before, s.after);
      return changed.length > 1 || (changed.length === 1 && (changed[0]!.block !== s.block || changed[0]!.field !== s.field));
    });
    expect(bad).toEqual([]);
    expect(steps.filter((s) => diff(s.before, s.after).length === 1).length).toBeGreaterThan(N / 2);
  });

  it('allows a same-value redraw (a no-op mutation), at a plausible rate', () => {
    const noOps = steps.filter((s) => archKey(s.before) === archKey(s.after)).length;
    // Flags redraw to themselves half the time, a 4-way choice a quarter: roughly 15–35 % overall at paper scale.
    expect(noOps / N).toBeGreaterThan(0.1);
    expect(noOps / N).toBeLessThan(0.4);
  });

  it('picks a uniform block, then macro or micro with ½ each, then a uniform field of that level', () => {
    const B = paper.blocks;
    expectFit(histogram(steps.map((s) => s.block), B), uniform(B), 'block');
    const probs = FIELDS.map((f) => ((MACRO_FIELDS as readonly string[]).includes(f) ? 1 / 8 : 1 / 12));
    expectFit(histogram(steps.map((s) => FIELDS.indexOf(s.field)), FIELDS.length), probs, 'field');
    // Joint (block, field): independent of each other.
    const joint = histogram(steps.map((s) => s.block * FIELDS.length + FIELDS.indexOf(s.field)), B * FIELDS.length);
    expectFit(joint, Array.from({ length: B }, () => probs.map((p) => p / B)).flat(), '(block, field)');
  });

  it('redraws connections as sampleArch draws them: input counts uniform on 1..min(i+1, maxInputs), distinct, ascending', () => {
    const redrawn = (field: MutableField, minBlock: number) => steps.filter((s) => s.field === field && s.block >= minBlock);
    for (const field of ['denseIdx', 'sparseIdx'] as const) {
      const late = redrawn(field, 3).map((s) => s.after.blocks[s.block]![field]);
      expectFit(histogram(late.map((idx) => idx.length - 1), 4), uniform(4), `${field} count, blocks 3..6`);
      const block1 = redrawn(field, 1).filter((s) => s.block === 1);
      expectFit(histogram(block1.map((s) => s.after.blocks[1]![field].length - 1), 2), uniform(2), `${field} count, block 1`);
    }
    const left = redrawn('left', 6).map((s) => s.after.blocks[6]!.left);
    expectFit(histogram(left, 7), uniform(7), 'block 6 left');
  });

  it('redraws operators and widths uniformly over the space’s choices, and flags with ½', () => {
    const values = <F extends MutableField>(field: F) => steps.filter((s) => s.field === field).map((s) => s.after.blocks[s.block]![field]);
    expectFit(histogram(values('denseOp').map((op) => paper.denseOps.indexOf(op)), 4), uniform(4), 'dense op');
    expectFit(histogram(values('sparseOp').map((op) => paper.sparseOps.indexOf(op)), 2), uniform(2), 'sparse op');
    expectFit(histogram(values('denseDim').map((d) => paper.denseDims.indexOf(d)), 8), uniform(8), 'dense width');
    expectFit(histogram(values('sparseDim').map((d) => paper.sparseDims.indexOf(d)), 4), uniform(4), 'sparse rows');
    expectFit(histogram(values('deepFm').map(Number), 2), uniform(2), 'deepFm');
  });

  it('returns a new frozen, valid architecture and leaves its input as it was', () => {
    const rng = rngFromSeed(toSeed(2));
    const start = sampleArch(paper, rng);
    const key = archKey(start);
    for (let t = 0; t < 50; t++) {
      const { arch } = mutateArch(start, paper, rng);
      expect(arch).not.toBe(start);
      expect(Object.isFrozen(arch) && Object.isFrozen(arch.blocks[0])).toBe(true);
      expect(archKey(makeArch(arch.blocks, paper))).toBe(archKey(arch));
    }
    expect(archKey(start)).toBe(key);
  });

  it('is a function of the Rng alone: equal seeds give equal walks, other seeds other walks', () => {
    const summary = (seed: number) => walk(paper, seed, 200).map((s) => `${s.block}:${s.field}:${archKey(s.after)}`);
    expect(summary(5)).toEqual(summary(5));
    expect(summary(6)).not.toEqual(summary(5));
  });

  it('keeps the flags off and the ops within the space when the space has the interaction modules off', () => {
    const small: SpaceConfig = { ...presetSpace('small'), interactionModules: false };
    const flagSteps = walk(small, 3, 4000);
    for (const s of flagSteps) {
      expect(s.after.blocks.every((b) => !b.interact && !b.deepFm && ['fc', 'dp'].includes(b.denseOp) && b.sparseOp === 'efc')).toBe(true);
    }
    // The flags are still picked (⅟₂₄ each) and then redrawn to false: a no-op.
    const picked = flagSteps.filter((s) => s.field === 'interact' || s.field === 'deepFm');
    expect(picked.length).toBeGreaterThan(4000 / 12 - 80);
    expect(picked.every((s) => archKey(s.before) === archKey(s.after))).toBe(true);
  });

  it('rejects an architecture that does not fit the space, naming the field', () => {
    const tiny = presetSpace('tiny');
    const full = presetSpace('full');
    const wide = archBlock({ denseDim: 256 });
    const four = makeArch([wide, wide, wide, wide], { ...full, blocks: 4 });
    expect(() => mutateArch(four, tiny, rngFromSeed(toSeed(1)))).toThrow(/3 blocks but the architecture has 4/);
    // Every block is too wide for Tiny, so whichever field the mutation redraws, one stays wrong.
    const three = makeArch([wide, wide, wide], { ...full, blocks: 3 });
    expect(() => mutateArch(three, tiny, rngFromSeed(toSeed(1)))).toThrow(ArchError);
    expect(() => mutateArch(three, tiny, rngFromSeed(toSeed(1)))).toThrow(/denseDim/);
  });
});
