// The trained supernet the worker keeps after a training run, and the proxy/scratch settings search and rank derive from a request.
import type { Dataset } from '../../core/data/types.ts';
import { proxyConfig, type ProxyConfig } from '../../core/search/proxy.ts';
import { scratchConfig, type ScratchConfig } from '../../core/train/fromScratch.ts';
import type { ProxyRequest } from '../protocol.ts';
import type { SpaceConfig } from '../../core/space/types.ts';
import type { TrainConfig } from '../../core/train/config.ts';
import type { SupernetTrainer } from '../../core/train/trainer.ts';

export interface TrainedSupernet {
  trainer: SupernetTrainer;
  dataset: Dataset;
  space: SpaceConfig;
  /** The recipe it was trained with (the rank ablation trains its supernets the same way). */
  train: TrainConfig;
  seed: number;
  /** The stored run it was trained in (search and rank results are kept with it), when the run was recorded. */
  runId?: string;
}

/** Core's proxy settings for a request on this data (the rest §9's defaults). */
export function proxyFromRequest(request: ProxyRequest, trainRows: number): ProxyConfig {
  return proxyConfig(trainRows, { mode: request.mode, steps: request.steps, valRows: request.valRows, ...(request.lr ? { lr: request.lr } : {}) });
}

/** Core's from-scratch recipe for this data, with the request's step cap if any. */
export function scratchFromRequest(maxSteps: number | undefined, trainRows: number): ScratchConfig {
  return scratchConfig(trainRows, maxSteps ? { maxSteps } : {});
}
