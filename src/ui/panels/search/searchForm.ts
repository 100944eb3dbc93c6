// The search settings form: raw text, defaults, validation, and the protocol's SearchRequest. Pure.
import type { EvolutionConfig } from '../../../core/search/evolution.ts';
import type { SearchRequest } from '../../../worker/protocol.ts';
import { parseIntIn } from '../data/options.ts';
import { parseScratchCap, PROXY_DEFAULTS, toProxyRequest, flatProxyErrors } from '../analysis/proxyForm.ts';
import type { ProxyForm } from '../analysis/proxyForm.ts';
import { MAX_SEED } from '../training/trainForm.ts';

export type SearchMethod = SearchRequest['method'];

export interface SearchForm {
  method: SearchMethod;
  population: string;
  sampleSize: string;
  children: string;
  generations: string;
  topK: string;
  /** Random search's budget (filled with the evolution's when switching to random search). */
  randomBudget: string;
  proxy: ProxyForm;
  finalists: string;
  /** Cap on each from-scratch training's steps; blank = one epoch, early-stopped. */
  scratchCap: string;
  seed: string;
}

export type SearchFormErrors = Partial<Record<Exclude<keyof SearchForm, 'proxy' | 'method'> | 'proxySteps' | 'proxyValRows' | 'proxyLr', string>>;

/**
 * Core's DEFAULT_EVOLUTION (core/search/evolution.ts: 16 + 10 × 4 = 56 scored architectures) and `searchConfig`'s
 * 3 finalists. The UI may not import core's search at run time; a unit test keeps these equal.
 */
export const EVOLUTION_DEFAULTS: Readonly<EvolutionConfig> = { population: 16, sampleSize: 8, children: 4, generations: 10, topK: 2 };
export const FINALISTS_DEFAULT = 3;

export const SEARCH_DEFAULTS: SearchForm = {
  method: 'evolution',
  population: String(EVOLUTION_DEFAULTS.population),
  sampleSize: String(EVOLUTION_DEFAULTS.sampleSize),
  children: String(EVOLUTION_DEFAULTS.children),
  generations: String(EVOLUTION_DEFAULTS.generations),
  topK: String(EVOLUTION_DEFAULTS.topK),
  randomBudget: '',
  proxy: PROXY_DEFAULTS,
  finalists: String(FINALISTS_DEFAULT),
  scratchCap: '',
  seed: '1',
};

const MAX = 10_000;
const MAX_RANDOM = 100_000;

/** The evolution settings when every one is a whole number in range and they fit together, else `undefined`. */
function evolutionOf(form: SearchForm): EvolutionConfig | undefined {
  const errors = evolutionErrors(form);
  if (Object.keys(errors).length > 0) return undefined;
  return { population: Number(form.population), sampleSize: Number(form.sampleSize), children: Number(form.children), generations: Number(form.generations), topK: Number(form.topK) };
}

type EvolutionField = 'population' | 'sampleSize' | 'children' | 'generations' | 'topK';

/** Per-field problems of the evolution settings, with core's rules: tournament and children at most the population, kept at most the children. */
function evolutionErrors(form: SearchForm): Partial<Record<EvolutionField, string>> {
  const population = parseIntIn(form.population, 1, MAX, 'Population');
  const children = parseIntIn(form.children, 1, typeof population === 'number' ? population : MAX, 'Children per generation');
  const checks: [EvolutionField, number | string][] = [
    ['population', population],
    ['sampleSize', parseIntIn(form.sampleSize, 1, typeof population === 'number' ? population : MAX, 'Tournament size')],
    ['children', children],
    ['generations', parseIntIn(form.generations, 0, MAX, 'Generations')],
    ['topK', parseIntIn(form.topK, 0, typeof children === 'number' ? children : MAX, 'Kept per generation')],
  ];
  const errors: Partial<Record<EvolutionField, string>> = {};
  for (const [key, value] of checks) if (typeof value === 'string') errors[key] = value;
  return errors;
}

/** Architectures the search will score: population + generations × children, or random search's budget; `undefined` while not valid. */
export function searchBudget(form: SearchForm): number | undefined {
  if (form.method === 'random') {
    const r = parseIntIn(form.randomBudget, 1, MAX_RANDOM, '');
    return typeof r === 'number' ? r : undefined;
  }
  const e = evolutionOf(form);
  return e ? e.population + e.generations * e.children : undefined;
}

/** Checks the inputs the chosen method uses (evolution settings, or random search's budget), then the shared ones. */
export function validateSearchForm(form: SearchForm): SearchFormErrors {
  const errors: SearchFormErrors = form.method === 'evolution' ? evolutionErrors(form) : {};
  const budget = searchBudget(form);
  const checks: [keyof SearchFormErrors, number | string | undefined][] = [
    ['randomBudget', form.method === 'random' ? parseIntIn(form.randomBudget, 1, MAX_RANDOM, 'Architectures to score') : undefined],
    ['finalists', parseIntIn(form.finalists, 1, budget ?? MAX_RANDOM, 'Finalists')],
    ['scratchCap', parseScratchCap(form.scratchCap)],
    ['seed', parseIntIn(form.seed, 0, MAX_SEED, 'Seed')],
  ];
  for (const [key, value] of checks) if (typeof value === 'string') errors[key] = value;
  return { ...errors, ...flatProxyErrors(form.proxy) };
}

/** The form switched to `method`; random search starts from the evolution's budget so both score as many. */
export function withMethod(form: SearchForm, method: SearchMethod): SearchForm {
  if (method === form.method) return form;
  const next = { ...form, method };
  if (method === 'random' && form.randomBudget.trim() === '') next.randomBudget = String(searchBudget(form) ?? evolutionBudget(EVOLUTION_DEFAULTS));
  return next;
}

function evolutionBudget(e: EvolutionConfig): number {
  return e.population + e.generations * e.children;
}

/** The protocol's request for a valid form (core checks the evolution settings even for random search: the defaults stand in when unused). */
export function toSearchRequest(form: SearchForm): SearchRequest {
  const cap = parseScratchCap(form.scratchCap);
  return {
    method: form.method,
    evolution: evolutionOf(form) ?? { ...EVOLUTION_DEFAULTS },
    ...(form.method === 'random' ? { randomBudget: Number(form.randomBudget) } : {}),
    proxy: toProxyRequest(form.proxy),
    finalists: Number(form.finalists),
    ...(typeof cap === 'number' ? { scratchMaxSteps: cap } : {}),
    seed: Number(form.seed),
  };
}
