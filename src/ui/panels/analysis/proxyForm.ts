// The proxy's settings as the search and rank forms hold them: text fields, defaults, checks, the request. Pure.
import type { FineTuneMode } from '../../../core/search/proxy.ts';
import type { ProxyRequest } from '../../../worker/protocol.ts';
import { parseIntIn } from '../data/options.ts';

export interface ProxyForm {
  mode: FineTuneMode;
  steps: string;
  valRows: string;
  /** Peak fine-tune learning rate (§9: 0.04). */
  lr: string;
}

export type ProxyFormErrors = Partial<Record<keyof ProxyForm, string>>;

/**
 * Core's proxy defaults (`proxyConfig` in core/search/proxy.ts, NASREC.md §9 at playground scale): fine-tune the last
 * layer for 100 steps at lr 0.04, score on 8,192 validation rows. A unit test keeps them equal (the UI may not run core's search).
 */
export const PROXY_DEFAULTS: ProxyForm = { mode: 'last', steps: '100', valRows: '8192', lr: '0.04' };

export const FINE_TUNE_MODES: { value: FineTuneMode; label: string; text: string }[] = [
  { value: 'last', label: 'Last layer (NASRec)', text: 'Fine-tune only the final layer on the shared weights, as NASRec does.' },
  { value: 'whole', label: 'Whole subnet', text: 'Fine-tune every block of the subnet (the embeddings stay frozen). Slower.' },
  { value: 'none', label: 'None', text: 'Score the inherited weights as they are (the paper\u2019s ablation).' },
];

/** Checks the step count (0 allowed), the validation rows and the learning rate. */
export function validateProxyForm(form: ProxyForm): ProxyFormErrors {
  const errors: ProxyFormErrors = {};
  const lr = Number(form.lr.trim());
  if (form.lr.trim() === '' || !Number.isFinite(lr)) errors.lr = 'The learning rate must be a number, e.g. 0.04.';
  else if (lr <= 0 || lr > 10) errors.lr = 'The learning rate must be above 0 and at most 10.';
  const steps = parseIntIn(form.steps, 0, 100_000, 'Fine-tune steps');
  const valRows = parseIntIn(form.valRows, 1, 10_000_000, 'Validation rows');
  if (typeof steps === 'string') errors.steps = steps;
  if (typeof valRows === 'string') errors.valRows = valRows;
  return errors;
}

/** The proxy's errors under the names the search and rank forms report them (`proxySteps`, …). */
export interface FlatProxyErrors {
  proxySteps?: string;
  proxyValRows?: string;
  proxyLr?: string;
}

/** validateProxyForm's errors, flattened into a search or rank form's errors. */
export function flatProxyErrors(form: ProxyForm): FlatProxyErrors {
  const { steps, valRows, lr } = validateProxyForm(form);
  return { ...(steps ? { proxySteps: steps } : {}), ...(valRows ? { proxyValRows: valRows } : {}), ...(lr ? { proxyLr: lr } : {}) };
}

/** The protocol's proxy settings for a valid form. */
export function toProxyRequest(form: ProxyForm): ProxyRequest {
  return { mode: form.mode, steps: Number(form.steps), valRows: Number(form.valRows), lr: Number(form.lr) };
}

/** A from-scratch step cap: blank = `undefined` (one epoch, early-stopped), else a whole number ≥ 1 or an error. */
export function parseScratchCap(text: string): number | undefined | string {
  if (text.trim() === '') return undefined;
  return parseIntIn(text, 1, 1_000_000, 'Step cap');
}
