// The shareable configuration (data source, space, techniques, training, search and rank settings, seeds) and its URL codec. Pure.
import { presetSpace } from '../../core/space/presets.ts';
import type { DenseOp, PresetName, SamplingStrategy, SparseOp } from '../../core/space/types.ts';
import { PROXY_DEFAULTS, type ProxyForm } from '../panels/analysis/proxyForm.ts';
import { DEFAULT_FORM, validateForm, type DataForm } from '../panels/data/options.ts';
import { RANK_DEFAULTS, validateRankForm, type RankForm } from '../panels/rank/rankForm.ts';
import { SEARCH_DEFAULTS, validateSearchForm, type SearchForm } from '../panels/search/searchForm.ts';
import { DEFAULT_TECHNIQUES, formFromSpace, spaceFromForm, type SpaceForm, type Techniques } from '../panels/space/spaceForm.ts';
import { TRAIN_DEFAULTS, validateTrainForm, type TrainForm } from '../panels/training/trainForm.ts';

/** Where the data comes from: the built-in sample (rows and seed in `data`), or a URL (loaded when the user asks). */
export type SharedSource = { kind: 'sample' } | { kind: 'url'; url: string };

/** Everything a link reproduces. Forms hold text as the panels do, so a link restores exactly what was typed. */
export interface ShareState {
  source: SharedSource;
  data: DataForm;
  space: SpaceForm;
  techniques: Techniques;
  train: TrainForm;
  search: SearchForm;
  rank: RankForm;
}

/** The page's opening configuration: the Tiny space on the built-in sample with every default. */
export function defaultShareState(): ShareState {
  return {
    source: { kind: 'sample' },
    data: { ...DEFAULT_FORM },
    space: formFromSpace(presetSpace('tiny')),
    techniques: { ...DEFAULT_TECHNIQUES },
    train: { ...TRAIN_DEFAULTS.tiny },
    search: { ...SEARCH_DEFAULTS, proxy: { ...SEARCH_DEFAULTS.proxy } },
    rank: { ...RANK_DEFAULTS, proxy: { ...RANK_DEFAULTS.proxy } },
  };
}

/**
 * Parameters other parts of the page read from the address; the codec leaves them alone: `backend`
 * (backendPreference.ts), `resume` (a stored run's id to offer resuming), `checkpointEvery` (seconds between checkpoints) and `faults`
 * (test hooks, main.tsx).
 */
export const PASSTHROUGH_PARAMS: readonly string[] = ['backend', 'resume', 'checkpointEvery', 'faults'];

/** Longest parameter value accepted (a URL or a label); longer ones are reported and ignored. */
export const MAX_VALUE_LENGTH = 2048;

const PRESETS: readonly PresetName[] = ['tiny', 'small', 'full'];
const DENSE_OPS: readonly DenseOp[] = ['fc', 'sg', 'sum', 'dp'];
const SPARSE_OPS: readonly SparseOp[] = ['efc', 'attn'];
const STRATEGIES: readonly SamplingStrategy[] = ['single-op-any-connection', 'single-path', 'any-path', 'full-path'];

/** One URL parameter: how to read it from a state and how to write a raw value into one (an error message when it cannot). */
interface Param {
  key: string;
  get(s: ShareState): string;
  set(s: ShareState, raw: string): ShareState | string;
}

type Lens<F> = { get(s: ShareState): F; put(s: ShareState, f: F): ShareState };
const lens = <K extends keyof ShareState>(k: K): Lens<ShareState[K]> => ({ get: (s) => s[k], put: (s, f) => ({ ...s, [k]: f }) });
const proxyLens = (k: 'search' | 'rank'): Lens<ProxyForm> => ({
  get: (s) => s[k].proxy,
  put: (s, proxy) => ({ ...s, [k]: { ...s[k], proxy } }),
});

/** A text field: any value is taken as typed; the section's validator decides whether it stands. */
function text<F, K extends keyof F & string>(key: string, l: Lens<F>, field: K): Param {
  return {
    key,
    get: (s) => String(l.get(s)[field]),
    set: (s, raw) => l.put(s, { ...l.get(s), [field]: raw }),
  };
}

/** One of a fixed set of values. */
function choice<F, K extends keyof F & string>(key: string, l: Lens<F>, field: K, values: readonly string[]): Param {
  return {
    key,
    get: (s) => String(l.get(s)[field]),
    set: (s, raw) => (values.includes(raw) ? l.put(s, { ...l.get(s), [field]: raw }) : `must be one of ${values.join(', ')}`),
  };
}

/** A switch written 1 or 0. */
function flag<F, K extends keyof F & string>(key: string, l: Lens<F>, field: K): Param {
  return {
    key,
    get: (s) => (l.get(s)[field] ? '1' : '0'),
    set: (s, raw) => (raw === '1' || raw === '0' ? l.put(s, { ...l.get(s), [field]: raw === '1' }) : 'must be 1 or 0'),
  };
}

/** A comma-separated subset of a fixed set (at least one). */
function subset<F, K extends keyof F & string>(key: string, l: Lens<F>, field: K, values: readonly string[]): Param {
  return {
    key,
    get: (s) => (l.get(s)[field] as string[]).join(','),
    set: (s, raw) => {
      const items = raw.split(',').filter((x) => x !== '');
      const bad = items.find((x) => !values.includes(x));
      if (bad !== undefined || items.length === 0) return `must list some of ${values.join(', ')}, separated by commas`;
      return l.put(s, { ...l.get(s), [field]: values.filter((v) => items.includes(v)) });
    },
  };
}

/** The proxy's four settings of the search or rank form: `<form>.fineTune`, `.fineTuneSteps`, `.fineTuneRows`, `.fineTuneLr`. */
function proxyParams(form: 'search' | 'rank'): Param[] {
  const l = proxyLens(form);
  return [
    choice(`${form}.fineTune`, l, 'mode', ['last', 'whole', 'none']),
    text(`${form}.fineTuneSteps`, l, 'steps'),
    text(`${form}.fineTuneRows`, l, 'valRows'),
    text(`${form}.fineTuneLr`, l, 'lr'),
  ];
}

const data = lens('data');
const space = lens('space');
const tech = lens('techniques');
const train = lens('train');
const search = lens('search');
const rank = lens('rank');

/** Every parameter, in the order links list them. Keys are a contract: links people saved use them. */
const PARAMS: readonly Param[] = [
  {
    key: 'data',
    get: (s) => s.source.kind,
    set: (s, raw) => (raw === 'sample' ? { ...s, source: { kind: 'sample' } } : raw === 'url' ? s : 'must be sample or url'),
  },
  {
    key: 'data.url',
    get: (s) => (s.source.kind === 'url' ? s.source.url : ''),
    set: (s, raw) => {
      const url = httpUrl(raw);
      return url === undefined ? 'must be an http or https address' : { ...s, source: { kind: 'url', url } };
    },
  },
  text('data.rows', data, 'sampleRows'),
  text('data.seed', data, 'sampleSeed'),
  choice('data.format', data, 'format', ['auto', 'criteo', 'avazu', 'csv']),
  text('data.label', data, 'label'),
  choice('data.split', data, 'splitMode', ['random', 'fileOrder']),
  text('data.splitSeed', data, 'splitSeed'),
  text('data.buckets', data, 'bucketCap'),
  choice('space.preset', space, 'preset', [...PRESETS, 'custom']),
  text('space.blocks', space, 'blocks'),
  subset('space.dense', space, 'denseOps', DENSE_OPS),
  subset('space.sparse', space, 'sparseOps', SPARSE_OPS),
  text('space.denseDims', space, 'denseDims'),
  text('space.sparseDims', space, 'sparseDims'),
  flag('space.interaction', space, 'interactionModules'),
  text('space.maxInputs', space, 'maxInputs'),
  text('space.embedding', space, 'embeddingDim'),
  choice('strategy', tech, 'strategy', STRATEGIES),
  flag('fineTune', tech, 'fineTune'),
  text('train.steps', train, 'steps'),
  text('train.batch', train, 'batchSize'),
  text('train.lr', train, 'lr'),
  text('train.warmup', train, 'fullPathWarmupSteps'),
  text('train.evalEvery', train, 'evalEvery'),
  text('train.evalRows', train, 'evalRows'),
  text('seed', train, 'seed'),
  choice('search.method', search, 'method', ['evolution', 'random']),
  text('search.population', search, 'population'),
  text('search.tournament', search, 'sampleSize'),
  text('search.children', search, 'children'),
  text('search.generations', search, 'generations'),
  text('search.topK', search, 'topK'),
  text('search.budget', search, 'randomBudget'),
  ...proxyParams('search'),
  text('search.finalists', search, 'finalists'),
  text('search.scratchCap', search, 'scratchCap'),
  text('search.seed', search, 'seed'),
  text('rank.k', rank, 'k'),
  ...proxyParams('rank'),
  text('rank.scratchCap', rank, 'scratchCap'),
  flag('rank.ablation', rank, 'ablation'),
  text('rank.seed', rank, 'seed'),
];

const PARAM_BY_KEY = new Map(PARAMS.map((p) => [p.key, p]));
const SPACE_FIELD_KEYS = PARAMS.filter((p) => p.key.startsWith('space.') && p.key !== 'space.preset').map((p) => p.key);

/** An absolute http(s) address, normalised, or `undefined`. Never resolves against the page: a link names its data fully. */
function httpUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The problems of a state, per parameter key: the forms' own validators decide (so a link can hold nothing a panel rejects). */
function problems(s: ShareState): Map<string, string> {
  const out = new Map<string, string>();
  const add = (prefix: string, errors: Record<string, string | undefined>, names: Record<string, string>): void => {
    for (const [field, message] of Object.entries(errors)) if (message) out.set(names[field] ?? `${prefix}.${field}`, message);
  };
  add('data', validateForm(s.data), { sampleRows: 'data.rows', sampleSeed: 'data.seed', splitSeed: 'data.splitSeed', bucketCap: 'data.buckets' });
  add('space', spaceFromForm(s.space).errors, {
    blocks: 'space.blocks',
    denseOps: 'space.dense',
    sparseOps: 'space.sparse',
    denseDims: 'space.denseDims',
    sparseDims: 'space.sparseDims',
    maxInputs: 'space.maxInputs',
    embeddingDim: 'space.embedding',
    space: 'space',
  });
  add('train', validateTrainForm(s.train), { batchSize: 'train.batch', fullPathWarmupSteps: 'train.warmup', seed: 'seed' });
  const proxyNames = (p: string) => ({ proxySteps: `${p}.fineTuneSteps`, proxyValRows: `${p}.fineTuneRows`, proxyLr: `${p}.fineTuneLr` });
  add('search', validateSearchForm(s.search), { sampleSize: 'search.tournament', randomBudget: 'search.budget', ...proxyNames('search') });
  add('rank', validateRankForm(s.rank), proxyNames('rank'));
  return out;
}

/** What decoding a query string gave: the state, and one sentence per parameter that was not taken. */
export interface DecodedShare {
  state: ShareState;
  notices: string[];
}

/**
 * The configuration a query string describes. Never throws: an unknown parameter, a value that does not parse or
 * one a panel would reject falls back to the default and is named in `notices`. Values are only compared and
 * copied, never evaluated; keys are looked up in a fixed table, so `__proto__` and friends are just unknown.
 * @param search a query string such as `location.search` ("?train.steps=500&seed=7")
 */
export function decodeShareState(search: string): DecodedShare {
  const defaults = defaultShareState();
  const notices: string[] = [];
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state: defaults, notices: ['The link\u2019s settings could not be read; using the defaults.'] };
  }
  const given: [string, string][] = [];
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (PASSTHROUGH_PARAMS.includes(key)) continue;
    if (!PARAM_BY_KEY.has(key)) notices.push(`Ignored the unknown setting \u201c${clip(key)}\u201d.`);
    else if (seen.has(key)) notices.push(`\u201c${key}\u201d was given more than once; the first value is used.`);
    else if (value.length > MAX_VALUE_LENGTH) notices.push(`Ignored \u201c${key}\u201d: its value is longer than ${MAX_VALUE_LENGTH} characters.`);
    else given.push([key, value]);
    seen.add(key);
  }
  const byKey = new Map(given);

  let state = defaults;
  // A preset first, then any space field on top of it (which makes the space custom).
  const preset = byKey.get('space.preset');
  if (preset !== undefined && (PRESETS as readonly string[]).includes(preset)) state = { ...state, space: formFromSpace(presetSpace(preset as PresetName)) };
  const applied = new Map<string, string>();
  for (const [key, raw] of given) {
    if (key === 'data' && raw === 'url' && !byKey.has('data.url')) {
      notices.push('Ignored \u201cdata=url\u201d: the link gives no data.url; using the built-in sample.');
      continue;
    }
    if (key === 'space.preset' && raw !== 'custom' && (PRESETS as readonly string[]).includes(raw)) continue;
    const next = PARAM_BY_KEY.get(key)!.set(state, raw);
    if (typeof next === 'string') notices.push(`Ignored \u201c${key}=${clip(raw)}\u201d: it ${next}. Using the default.`);
    else {
      state = next;
      applied.set(key, raw);
    }
  }
  if (SPACE_FIELD_KEYS.some((k) => applied.has(k))) state = { ...state, space: { ...state.space, preset: 'custom' } };
  else if (state.space.preset === 'custom') state = { ...state, space: { ...defaults.space } };

  // Values a panel would reject go back to their defaults, one round per dependency (e.g. warm-up ≤ steps).
  for (let round = 0; round < 3; round++) {
    const wrong = [...problems(state)].filter(([key]) => applied.has(key) || key === 'space');
    if (wrong.length === 0) break;
    for (const [key, message] of wrong) {
      if (key === 'space') {
        notices.push(`Ignored the link\u2019s search space: ${message} Using the ${PRESETS[0]} preset.`);
        state = { ...state, space: { ...defaults.space } };
        for (const k of SPACE_FIELD_KEYS) applied.delete(k);
        continue;
      }
      notices.push(`Ignored \u201c${key}=${clip(applied.get(key)!)}\u201d: ${message} Using the default.`);
      const reset = PARAM_BY_KEY.get(key)!.set(state, PARAM_BY_KEY.get(key)!.get(defaults));
      if (typeof reset !== 'string') state = reset;
      applied.delete(key);
    }
  }
  return { state, notices };
}

/**
 * The query string (with "?", or "" when everything is default) that `decodeShareState` turns back into `state`.
 * Only values that differ from the defaults are written; a custom space writes every space field.
 */
export function encodeShareState(state: ShareState): string {
  const defaults = defaultShareState();
  const params = new URLSearchParams();
  const custom = state.space.preset === 'custom';
  for (const p of PARAMS) {
    if (p.key === 'data.url' && state.source.kind !== 'url') continue;
    const value = p.get(state);
    const spaceField = SPACE_FIELD_KEYS.includes(p.key);
    if (spaceField && !custom) continue;
    if (value !== p.get(defaults) || (spaceField && custom)) params.set(p.key, value);
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The page address with `state` as its query, keeping the pass-through parameters (e.g. `backend`) of `current`. */
export function shareLink(current: string, state: ShareState): string {
  const url = new URL(current);
  const keep = PASSTHROUGH_PARAMS.flatMap((k) => url.searchParams.getAll(k).map((v) => [k, v] as const));
  const query = new URLSearchParams(encodeShareState(state));
  for (const [k, v] of keep) query.append(k, v);
  url.search = query.toString();
  url.hash = '';
  return url.href;
}

/** A value shortened for a notice. */
function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}\u2026` : value;
}
