// The rank-check settings form: raw text, defaults, validation, and the protocol's RankRequest. Pure.
import type { RankRequest } from '../../../worker/protocol.ts';
import { parseIntIn } from '../data/options.ts';
import { parseScratchCap, PROXY_DEFAULTS, toProxyRequest, flatProxyErrors } from '../analysis/proxyForm.ts';
import type { ProxyForm } from '../analysis/proxyForm.ts';
import { MAX_SEED } from '../training/trainForm.ts';

export interface RankForm {
  k: string;
  proxy: ProxyForm;
  /** Cap on each from-scratch training's steps (at most one epoch is trained); blank = one epoch, early-stopped. */
  scratchCap: string;
  /** Also train one supernet per switched-off NASRec technique. */
  ablation: boolean;
  seed: string;
}

export type RankFormErrors = Partial<Record<'k' | 'proxySteps' | 'proxyValRows' | 'proxyLr' | 'scratchCap' | 'seed', string>>;

/** Core's DEFAULT_RANK_K (core/search/rankJob.ts); a unit test keeps them equal. At least 3: a correlation needs points. */
export const RANK_K_DEFAULT = 12;
export const RANK_K_MIN = 3;

/** Core's DEFAULT_RANK_SCRATCH_STEPS; a unit test keeps them equal. */
export const RANK_SCRATCH_CAP_DEFAULT = 300;

export const RANK_DEFAULTS: RankForm = {
  k: String(RANK_K_DEFAULT),
  proxy: PROXY_DEFAULTS,
  scratchCap: String(RANK_SCRATCH_CAP_DEFAULT),
  ablation: false,
  seed: '1',
};

/** Checks each input. */
export function validateRankForm(form: RankForm): RankFormErrors {
  const errors: RankFormErrors = {};
  const checks: [keyof RankFormErrors, number | string | undefined][] = [
    ['k', parseIntIn(form.k, RANK_K_MIN, 1000, 'Architectures (K)')],
    ['scratchCap', parseScratchCap(form.scratchCap)],
    ['seed', parseIntIn(form.seed, 0, MAX_SEED, 'Seed')],
  ];
  for (const [key, value] of checks) if (typeof value === 'string') errors[key] = value;
  return { ...errors, ...flatProxyErrors(form.proxy) };
}

/** The protocol's request for a valid form. */
export function toRankRequest(form: RankForm): RankRequest {
  const cap = parseScratchCap(form.scratchCap);
  return {
    k: Number(form.k),
    proxy: toProxyRequest(form.proxy),
    ...(typeof cap === 'number' ? { scratchMaxSteps: cap } : {}),
    ablation: form.ablation,
    seed: Number(form.seed),
  };
}
