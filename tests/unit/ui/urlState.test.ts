// The share-link codec: every setting round-trips, bad input falls back to defaults with a notice, and keys cannot pollute prototypes.
import { describe, expect, it } from 'vitest';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { decodeShareState, defaultShareState, encodeShareState, MAX_VALUE_LENGTH, shareLink, type ShareState } from '../../../src/ui/share/urlState.ts';
import { formFromSpace } from '../../../src/ui/panels/space/spaceForm.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';

/** A state with every section changed from its defaults, valid for every panel. */
function everythingChanged(): ShareState {
  const s = defaultShareState();
  return {
    source: { kind: 'url', url: 'https://example.org/data/train.tsv?part=1' },
    data: { sampleRows: '50000', sampleSeed: '9', format: 'csv', label: 'clicked & shown', splitMode: 'fileOrder', splitSeed: '4', bucketCap: '4096' },
    space: { ...s.space, preset: 'custom', blocks: '5', denseOps: ['fc', 'dp'], sparseOps: ['attn'], denseDims: '8, 24', sparseDims: '4, 8', interactionModules: false, maxInputs: '2', embeddingDim: '8' },
    techniques: { strategy: 'single-path', fineTune: false },
    train: { steps: '600', batchSize: '512', lr: '0.05', fullPathWarmupSteps: '60', evalEvery: '50', evalRows: '2048', seed: '77' },
    search: { ...s.search, method: 'random', randomBudget: '30', finalists: '2', scratchCap: '400', seed: '5', proxy: { mode: 'whole', steps: '20', valRows: '1024', lr: '0.1' } },
    rank: { ...s.rank, k: '6', ablation: true, scratchCap: '', seed: '8', proxy: { mode: 'none', steps: '0', valRows: '512', lr: '0.02' } },
  };
}

describe('encodeShareState / decodeShareState', () => {
  it('writes nothing for the defaults, and reads nothing back as the defaults without notices', () => {
    expect(encodeShareState(defaultShareState())).toBe('');
    expect(decodeShareState('')).toEqual({ state: defaultShareState(), notices: [] });
  });

  it('round-trips a state with every setting changed, including a URL source, a custom space and text with & = # characters', () => {
    const state = everythingChanged();
    const query = encodeShareState(state);
    expect(query.startsWith('?')).toBe(true);
    expect(decodeShareState(query)).toEqual({ state, notices: [] });
  });

  it('writes only what differs from the defaults, and a preset as one parameter', () => {
    const s = defaultShareState();
    const small = { ...s, space: formFromSpace(presetSpace('small')), train: { ...s.train, seed: '42' } };
    expect(encodeShareState(small)).toBe('?space.preset=small&seed=42');
    expect(decodeShareState('?space.preset=small&seed=42').state).toEqual(small);
  });

  it('round-trips seeded random edits of single settings', () => {
    const rng = rngFromSeed(toSeed(3));
    const edits: ((s: ShareState) => ShareState)[] = [
      (s) => ({ ...s, train: { ...s.train, steps: String(100 + Math.floor(rng.next() * 5000)) } }),
      (s) => ({ ...s, data: { ...s.data, sampleSeed: String(Math.floor(rng.next() * 1e9)) } }),
      (s) => ({ ...s, search: { ...s.search, generations: String(Math.floor(rng.next() * 50)) } }),
      (s) => ({ ...s, rank: { ...s.rank, k: String(3 + Math.floor(rng.next() * 40)) } }),
      (s) => ({ ...s, techniques: { ...s.techniques, fineTune: rng.next() < 0.5 } }),
    ];
    for (let i = 0; i < 50; i++) {
      const state = edits[i % edits.length]!(defaultShareState());
      expect(decodeShareState(encodeShareState(state)).state).toEqual(state);
    }
  });

  it('makes a space custom when a link edits one of its fields on top of a preset', () => {
    const { state, notices } = decodeShareState('?space.preset=small&space.blocks=4');
    expect(notices).toEqual([]);
    expect(state.space).toEqual({ ...formFromSpace(presetSpace('small')), blocks: '4', preset: 'custom' });
  });
});

describe('decodeShareState on bad input', () => {
  it('reports an unknown parameter and keeps the defaults', () => {
    const { state, notices } = decodeShareState('?nonsense=1&train.steps=500');
    expect(state.train.steps).toBe('500');
    expect(notices).toEqual(['Ignored the unknown setting \u201cnonsense\u201d.']);
  });

  it('falls back per setting when a value does not parse or a panel would reject it, naming the setting and the reason', () => {
    const { state, notices } = decodeShareState('?train.steps=abc&train.batch=0&space.preset=huge&strategy=magic&fineTune=yes&data.rows=5&search.topK=99&seed=7');
    const d = defaultShareState();
    expect(state).toEqual({ ...d, train: { ...d.train, seed: '7' } });
    expect(notices).toHaveLength(7);
    expect(notices.join('\n')).toMatch(/train\.steps=abc.*whole number/);
    expect(notices.join('\n')).toMatch(/train\.batch=0.*between 1 and 65,536/);
    expect(notices.join('\n')).toMatch(/space\.preset=huge.*one of tiny, small, full, custom/);
    expect(notices.join('\n')).toMatch(/strategy=magic/);
    expect(notices.join('\n')).toMatch(/fineTune=yes.*1 or 0/);
    expect(notices.join('\n')).toMatch(/data\.rows=5.*Rows must be between 10/);
    expect(notices.join('\n')).toMatch(/search\.topK=99/);
  });

  it('checks settings against each other (warm-up at most the steps), keeping the valid one', () => {
    const { state, notices } = decodeShareState('?train.steps=100&train.warmup=500');
    expect(state.train.steps).toBe('100');
    expect(state.train.fullPathWarmupSteps).toBe(defaultShareState().train.fullPathWarmupSteps);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/train\.warmup=500.*between 0 and 100/);
  });

  it('drops a space field the space panel rejects and keeps the others', () => {
    const { state, notices } = decodeShareState('?space.blocks=4&space.maxInputs=0');
    expect(state.space).toEqual({ ...defaultShareState().space, preset: 'custom', blocks: '4' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/space\.maxInputs=0/);
  });

  it('refuses data URLs that are not http(s), and data=url without an address', () => {
    for (const bad of ['javascript:alert(1)', 'data:text/plain,1', 'file:///etc/passwd', '/relative.tsv', 'not a url']) {
      const { state, notices } = decodeShareState(`?data.url=${encodeURIComponent(bad)}`);
      expect(state.source).toEqual({ kind: 'sample' });
      expect(notices[0]).toMatch(/http or https/);
    }
    expect(decodeShareState('?data=url').notices[0]).toMatch(/no data\.url/);
  });

  it('ignores values longer than the limit, repeated parameters after the first, and odd encodings without throwing', () => {
    const long = decodeShareState(`?data.label=${'x'.repeat(MAX_VALUE_LENGTH + 1)}`);
    expect(long.state.data.label).toBe('');
    expect(long.notices[0]).toMatch(/longer than/);
    const twice = decodeShareState('?seed=3&seed=4');
    expect(twice.state.train.seed).toBe('3');
    expect(twice.notices[0]).toMatch(/more than once/);
    for (const odd of ['?%', '?%E0%A4%A', '?=&&=x', '??seed=2', '#seed=1', '?seed', '?train.steps=%00']) {
      expect(() => decodeShareState(odd)).not.toThrow();
    }
  });

  it('leaves the backend parameter to the backend preference without a notice', () => {
    expect(decodeShareState('?backend=wasm')).toEqual({ state: defaultShareState(), notices: [] });
  });
});

describe('decodeShareState against prototype pollution', () => {
  it('treats __proto__, constructor and prototype keys as unknown and changes no prototype', () => {
    const attempts = [
      '?__proto__[polluted]=1',
      '?__proto__.polluted=1',
      '?constructor.prototype.polluted=1',
      '?constructor[prototype][polluted]=1',
      '?train.__proto__=x',
      '?train.constructor=x',
      '?__proto__=%7B%22polluted%22%3A1%7D',
    ];
    for (const query of attempts) {
      const { state, notices } = decodeShareState(query);
      expect(state).toEqual(defaultShareState());
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(/unknown setting/);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('stores a value such as "__proto__" only as text, where it is a field value like any other', () => {
    const { state } = decodeShareState('?data.label=__proto__');
    expect(state.data.label).toBe('__proto__');
    expect(Object.getPrototypeOf(state.data)).toBe(Object.prototype);
  });
});

describe('shareLink', () => {
  it('puts the state in the query of the current address, keeps ?backend and drops the hash', () => {
    const s = defaultShareState();
    const link = shareLink('https://play.example/app/?backend=wasm&old=1#x', { ...s, train: { ...s.train, seed: '9' } });
    expect(link).toBe('https://play.example/app/?seed=9&backend=wasm');
  });
});
