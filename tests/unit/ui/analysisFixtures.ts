// Test helper of the search and rank UI tests: Tiny architectures and the worker messages built from them.
import { archKey, makeArch, SPACE_PRESETS } from '../../../src/core/space/index.ts';
import type { Arch, ArchKey, DenseOp } from '../../../src/core/space/types.ts';
import type { CandidateMessage, FinalModelSummary, RankCorrelationSummary } from '../../../src/worker/protocol.ts';
import { archBlock } from '../archBlock.ts';

export const TINY = SPACE_PRESETS.tiny;

/** A Tiny (3-block) chain whose blocks use `ops` as dense operators, at dense width `width`. */
export function tinyArch(ops: [DenseOp, DenseOp, DenseOp], width = 16): Arch {
  return makeArch(
    ops.map((denseOp, i) => archBlock({ denseOp, denseIdx: [i], denseDim: width })),
    TINY,
  );
}

export const ARCHS: Arch[] = [tinyArch(['fc', 'fc', 'fc']), tinyArch(['fc', 'dp', 'fc']), tinyArch(['sum', 'fc', 'sg']), tinyArch(['fc', 'fc', 'fc'], 32), tinyArch(['dp', 'dp', 'fc'])];
export const KEYS: ArchKey[] = ARCHS.map(archKey);

/** A scored candidate of job 1. */
export function candidate(index: number, generation: number, loss: number, flops = 1000 * (index + 1), params = 100 * (index + 1)): CandidateMessage {
  const arch = ARCHS[index % ARCHS.length]!;
  return { type: 'searchCandidate', id: 1, index, generation, key: archKey(arch), arch, loss, flops, params };
}

/** A model trained from scratch; a finalist carries the arch of candidate `index`. */
export function finalist(name: string, index: number, testLogLoss: number, valLoss = testLogLoss): FinalModelSummary {
  const arch = ARCHS[index % ARCHS.length]!;
  return { name, role: 'finalist', key: archKey(arch), arch, valLoss, test: { logLoss: testLogLoss, auc: 0.7, normalizedEntropy: 0.9, calibration: 1 }, params: 100 * (index + 1), flops: 1000 * (index + 1) };
}

export function baseline(name: string, testLogLoss: number, flops = 50, arch?: Arch): FinalModelSummary {
  return {
    name,
    role: 'baseline',
    ...(arch ? { key: archKey(arch), arch } : {}),
    valLoss: testLogLoss,
    test: { logLoss: testLogLoss, auc: 0.6, normalizedEntropy: 0.95, calibration: 1.1 },
    params: 20,
    flops,
  };
}

/** A rank correlation summary with the given intervals. */
export function correlation(name: string, tau: [number, number, number], rho: [number, number, number], proxy: number[] = []): RankCorrelationSummary {
  return {
    name,
    strategy: 'single-op-any-connection',
    interactionModules: true,
    fineTune: 'last',
    kendallTau: tau[0],
    kendallCI: [tau[1], tau[2]],
    spearmanRho: rho[0],
    spearmanCI: [rho[1], rho[2]],
    topK: 1,
    topKOverlap: 1,
    proxy,
  };
}
