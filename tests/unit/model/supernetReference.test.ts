// The tfjs supernet on sampled paths against the plain-TypeScript reference (NASREC.md §7).
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { fullPath } from '../../../src/core/space/path.ts';
import { presetSpace } from '../../../src/core/space/presets.ts';
import { samplePath } from '../../../src/core/space/sampler.ts';
import type { InputShape, SamplingStrategy, SpaceConfig } from '../../../src/core/space/types.ts';
import { expectClose, makeBatch, readWeights, rng, values } from './helpers.ts';
import { refSupernetLogit } from './reference/refNets.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny = presetSpace('tiny');
/** Dmax = 48 ≠ 8E = 32, so the dense→sparse module projects (in Tiny, Dmax = 8E makes it an identity); 2 heads. */
const narrow: SpaceConfig = { ...presetSpace('tiny'), preset: 'custom', denseDims: [16, 32, 48], sparseDims: [4, 8], embeddingDim: 4 };
const cases: { space: SpaceConfig; input: InputShape; layerNorm: boolean; label: string }[] = [
  { space: tiny, input: { dense: 5, sparse: 4 }, layerNorm: true, label: 'Tiny, LayerNorm on' },
  { space: tiny, input: { dense: 5, sparse: 4 }, layerNorm: false, label: 'Tiny, LayerNorm off' },
  // dense = E and sparse = P(Dmax) = 11: block 0's DP skips both input projections.
  { space: tiny, input: { dense: 8, sparse: 11 }, layerNorm: true, label: 'Tiny, inputs that hit the skip rules' },
  { space: narrow, input: { dense: 3, sparse: 5 }, layerNorm: true, label: 'E = 4 with a projecting dense→sparse, LayerNorm on' },
  { space: narrow, input: { dense: 3, sparse: 5 }, layerNorm: false, label: 'E = 4 with a projecting dense→sparse, LayerNorm off' },
  { space: { ...tiny, preset: 'custom', interactionModules: false }, input: { dense: 5, sparse: 4 }, layerNorm: true, label: 'Tiny without interaction modules (8 zero rows)' },
];

describe.each(cases)('createSupernet ($label)', ({ space, input, layerNorm }) => {
  const net = createSupernet(space, input, { rng: rng(11), layerNorm });
  const weights = readWeights(net.params);
  const batch = makeBatch(rng(12), 3, input, space.embeddingDim);
  const cfg = { space, input, layerNorm };
  afterAll(() => {
    net.dispose();
    batch.dispose();
  });

  const strategies: SamplingStrategy[] = ['single-op-any-connection', 'any-path', 'single-path'];
  it.each(strategies)('matches the reference on 6 paths sampled with %s', (strategy) => {
    const r = rng(13);
    for (let k = 0; k < 6; k++) {
      const { path } = samplePath(space, r, strategy);
      const got = values(net.forward(batch.dense0, batch.sparse0, path));
      expectClose(got, batch.examples.map((ex) => refSupernetLogit(weights, cfg, path, ex)));
    }
  });

  it('matches the reference on the full path (every input on both binary slots)', () => {
    const path = fullPath(space);
    const got = values(net.forward(batch.dense0, batch.sparse0, path));
    expectClose(got, batch.examples.map((ex) => refSupernetLogit(weights, cfg, path, ex)));
  });
});
