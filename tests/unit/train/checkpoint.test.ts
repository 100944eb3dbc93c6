// Checkpoints: a saved supernet loads into a fresh one and gives the same logits; a mismatch is refused in words.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/loader.ts';
import { createCriteoSample } from '../../../src/core/data/synthetic/index.ts';
import type { Dataset } from '../../../src/core/data/types.ts';
import { createSupernet } from '../../../src/core/model/supernet.ts';
import { rngFromSeed, toSeed } from '../../../src/core/rng.ts';
import { archToPath } from '../../../src/core/space/path.ts';
import { sampleArch } from '../../../src/core/space/sampler.ts';
import { SPACE_PRESETS } from '../../../src/core/space/presets.ts';
import { checkpointMismatch, loadCheckpoint, saveCheckpoint } from '../../../src/core/train/checkpoint.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/core/train/config.ts';
import { SupernetTrainer } from '../../../src/core/train/trainer.ts';

let data: Dataset;
const config = { ...DEFAULT_TRAIN_CONFIG, steps: 10, batchSize: 16, fullPathWarmupSteps: 2, evalRows: 32 };
const trainer = (seed: number, space = SPACE_PRESETS.tiny) => new SupernetTrainer({ data, space, config, seed: toSeed(seed), createSupernet });

beforeAll(async () => {
  await tf.setBackend('cpu');
  const sample = createCriteoSample({ rows: 600, seed: toSeed(8) });
  data = (await loadDataset({ name: 'sample', chunks: sample.chunks() }, { bucketCap: 128, split: { mode: 'random', seed: toSeed(8) } })).dataset;
});

describe('checkpoints', () => {
  it('round-trip: a fresh supernet with the checkpoint loaded evaluates exactly as the trained one', async () => {
    const a = trainer(1);
    for (let i = 0; i < 5; i++) await a.trainStep();
    const checkpoint = await saveCheckpoint(a.net, a.embeddings, a.step, { note: 'test' });
    expect(checkpoint.meta).toMatchObject({ version: 1, steps: 5, extra: { note: 'test' } });
    expect(checkpoint.weights.length).toBe(a.net.variables.reduce((s, v) => s + v.size, 0));
    const b = trainer(2);
    const paths = [1, 2, 3].map((k) => archToPath(sampleArch(SPACE_PRESETS.tiny, rngFromSeed(toSeed(k)))));
    expect(await b.evaluate(paths)).not.toBe(await a.evaluate(paths));
    loadCheckpoint(checkpoint, b.net, b.embeddings);
    expect(await b.evaluate(paths)).toBe(await a.evaluate(paths));
    a.dispose();
    b.dispose();
  });

  it('refuses another space or other data, saying which', async () => {
    const a = trainer(1);
    const checkpoint = await saveCheckpoint(a.net, a.embeddings, 0);
    const other = trainer(1, SPACE_PRESETS.small);
    expect(checkpointMismatch(checkpoint.meta, other.net, other.embeddings)).toMatch(/embedding dimension|no weight named|weights/);
    expect(() => loadCheckpoint(checkpoint, other.net, other.embeddings)).toThrow(RangeError);
    const wrongTables = { ...checkpoint.meta, tableRows: checkpoint.meta.tableRows.map((r) => r + 1) };
    expect(checkpointMismatch(wrongTables, a.net, a.embeddings)).toMatch(/buckets/);
    a.dispose();
    other.dispose();
  });
});
