// The §9 proxy: inherits supernet weights, fine-tunes a copy of what it trains, scores validation log loss.
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { ProxyScorer, proxyConfig } from '../../../src/core/search/proxy.ts';
import { archToPath } from '../../../src/core/space/path.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/core/train/config.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';

let data: Dataset;
let trainer: SupernetTrainer;
const space = SPACE_PRESETS.tiny;
const arch = sampleArch(space, rngFromSeed(toSeed(11)));
const snapshot = (): number[][] => trainer.net.variables.map((v) => Array.from(v.dataSync()));

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 2000, seed: toSeed(3) });
  data = (await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 256, split: { mode: 'random', seed: toSeed(3) } })).dataset;
  const config = { ...DEFAULT_TRAIN_CONFIG, steps: 30, batchSize: 32, fullPathWarmupSteps: 5, evalRows: 64 };
  trainer = new SupernetTrainer({ data, space, config, seed: toSeed(1), createSupernet });
  for (let i = 0; i < 30; i++) await trainer.trainStep();
  await trainer.readLosses();
});

afterAll(() => trainer.dispose());

describe('ProxyScorer', () => {
  it('without fine-tuning scores what the supernet itself gives on the same validation rows', async () => {
    const scorer = new ProxyScorer(trainer.net, trainer.embeddings, data, proxyConfig(data.splits.train.length, { mode: 'none', batchSize: 32, valRows: 64 }));
    expect(scorer.valRows).toBe(64);
    expect(await scorer.score(arch)).toBeCloseTo(await trainer.evaluate([archToPath(arch)]), 5);
  });

  for (const mode of ['last', 'whole'] as const) {
    it(`fine-tunes (${mode}) a copy: the supernet's weights are the same afterwards, the score is reproducible and differs from no fine-tuning`, async () => {
      const before = snapshot();
      const tensors = tf.memory().numTensors;
      const config = proxyConfig(data.splits.train.length, { mode, steps: 8, batchSize: 32, valRows: 64 });
      const scorer = new ProxyScorer(trainer.net, trainer.embeddings, data, config);
      const first = await scorer.score(arch);
      expect(await scorer.score(arch)).toBe(first);
      expect(snapshot()).toEqual(before);
      expect(tf.memory().numTensors).toBe(tensors);
      const none = new ProxyScorer(trainer.net, trainer.embeddings, data, { ...config, mode: 'none' });
      expect(Math.abs(first - (await none.score(arch)))).toBeGreaterThan(1e-6);
    });
  }

  it('restores the weights when cancelled mid fine-tune', async () => {
    const before = snapshot();
    const scorer = new ProxyScorer(trainer.net, trainer.embeddings, data, proxyConfig(data.splits.train.length, { mode: 'whole', steps: 8, batchSize: 32, valRows: 64 }));
    await expect(scorer.score(arch, { aborted: true, reason: new Error('stop') })).rejects.toThrow('stop');
    expect(snapshot()).toEqual(before);
  });

  it('rejects bad settings, naming them', () => {
    expect(() => proxyConfig(1000, { lr: 0 })).toThrow(/lr/);
    expect(() => proxyConfig(1000, { valRows: 0 })).toThrow(/valRows/);
    expect(() => proxyConfig(1000, { mode: 'all' as never })).toThrow(/mode/);
  });
});
